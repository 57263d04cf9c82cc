/**
 * Every string KOMOJU defines that our code branches on, in one place.
 * Values are KOMOJU's own (see https://doc.komoju.com/reference).
 */

export const KomojuHeader = {
  ApiVersion: "X-KOMOJU-API-VERSION",
  Idempotency: "X-KOMOJU-IDEMPOTENCY",
  /** Webhook headers, compared lower-case because Node lower-cases incoming names. */
  Signature: "x-komoju-signature",
  DeliveryId: "x-komoju-id",
  Event: "x-komoju-event",
} as const

export const KomojuSessionStatus = {
  Pending: "pending",
  Completed: "completed",
  Cancelled: "cancelled",
} as const
export type KomojuSessionStatus =
  (typeof KomojuSessionStatus)[keyof typeof KomojuSessionStatus]

export const KomojuPaymentStatus = {
  Pending: "pending",
  Authorized: "authorized",
  Captured: "captured",
  Refunded: "refunded",
  Cancelled: "cancelled",
  Expired: "expired",
  Failed: "failed",
} as const
export type KomojuPaymentStatus =
  (typeof KomojuPaymentStatus)[keyof typeof KomojuPaymentStatus]

/** A refund request's states: KOMOJU pays it out by hand, or refuses to. */
export const KomojuRefundRequestStatus = {
  Pending: "pending",
  Completed: "completed",
  Rejected: "rejected",
} as const
export type KomojuRefundRequestStatus =
  (typeof KomojuRefundRequestStatus)[keyof typeof KomojuRefundRequestStatus]

/** The bank account types a refund request takes. */
export const KomojuBankAccountTypes = ["normal", "checking", "savings"] as const
export type KomojuBankAccountType = (typeof KomojuBankAccountTypes)[number]

export const KomojuEventType = {
  Ping: "ping",
  PaymentAuthorized: "payment.authorized",
  PaymentCaptured: "payment.captured",
  PaymentUpdated: "payment.updated",
  PaymentExpired: "payment.expired",
  PaymentCancelled: "payment.cancelled",
  PaymentFailed: "payment.failed",
  PaymentRefundCreated: "payment.refund.created",
  PaymentRefunded: "payment.refunded",
  CustomerCreated: "customer.created",
  CustomerUpdated: "customer.updated",
  CustomerDeleted: "customer.deleted",
} as const
export type KomojuEventType =
  (typeof KomojuEventType)[keyof typeof KomojuEventType]

export const KomojuCaptureMode = {
  Auto: "auto",
  Manual: "manual",
} as const
export type KomojuCaptureMode =
  (typeof KomojuCaptureMode)[keyof typeof KomojuCaptureMode]

export const KomojuLocales = ["ja", "en", "ko"] as const
export type KomojuLocale = (typeof KomojuLocales)[number]

/**
 * Methods where "authorized" means "receipt issued, waiting for the customer to pay in
 * cash"; they become "captured" days later, or "expired".
 */
export const CASH_PAYMENT_TYPES: ReadonlySet<string> = new Set([
  "konbini",
  "bank_transfer",
  "pay_easy",
])

export const KomojuErrorCode = {
  NotCapturable: "not_capturable",
  NotRefundable: "not_refundable",
  NotCancellable: "not_cancellable",
  NotFound: "not_found",
  Unauthorized: "unauthorized",
  Timeout: "request_timeout",
  NetworkError: "network_error",
} as const

/** Limits KOMOJU documents for session metadata. */
export const METADATA_KEY_MAX = 30
export const SESSION_EXPIRY_MAX_SECONDS = 86_400
export const IDEMPOTENCY_KEY_MAX = 100

/**
 * The currencies KOMOJU accepts (its SDKs' currency enum), with the decimals of each
 * one's smallest unit. JPY, KRW and VND have none; every other has two.
 */
export const KOMOJU_CURRENCIES = {
  JPY: 0, KRW: 0, VND: 0,
  USD: 2, EUR: 2, TWD: 2, PLN: 2, GBP: 2, HKD: 2, SGD: 2, NZD: 2, AUD: 2,
  IDR: 2, MYR: 2, PHP: 2, THB: 2, CNY: 2, BRL: 2, CHF: 2, CAD: 2,
} as const satisfies Record<string, 0 | 2>
export type KomojuCurrency = keyof typeof KOMOJU_CURRENCIES

export function isKomojuCurrency(code: string): code is KomojuCurrency {
  return Object.prototype.hasOwnProperty.call(KOMOJU_CURRENCIES, code.toUpperCase())
}
