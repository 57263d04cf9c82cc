/**
 * Every string KOMOJU defines that the sandbox serves or branches on, in one place, so a
 * typo is a compile error rather than a silent mismatch with the real API.
 */

export const SessionStatus = {
  Pending: "pending",
  Completed: "completed",
  Cancelled: "cancelled",
} as const
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus]

export const PaymentStatus = {
  Pending: "pending",
  Authorized: "authorized",
  Captured: "captured",
  Refunded: "refunded",
  Cancelled: "cancelled",
  Expired: "expired",
  Failed: "failed",
} as const
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus]

export const EventType = {
  Ping: "ping",
  PaymentAuthorized: "payment.authorized",
  PaymentCaptured: "payment.captured",
  PaymentExpired: "payment.expired",
  PaymentCancelled: "payment.cancelled",
  PaymentFailed: "payment.failed",
  PaymentUpdated: "payment.updated",
  PaymentRefundCreated: "payment.refund.created",
  PaymentRefunded: "payment.refunded",
  CustomerCreated: "customer.created",
  CustomerUpdated: "customer.updated",
  CustomerDeleted: "customer.deleted",
} as const
export type EventType = (typeof EventType)[keyof typeof EventType]

/** komoju-node-sdk `models/refund-request-status.ts`. */
export const RefundRequestStatus = {
  Pending: "pending",
  Rejected: "rejected",
  Completed: "completed",
} as const
export type RefundRequestStatus = (typeof RefundRequestStatus)[keyof typeof RefundRequestStatus]

export const CaptureMode = { Auto: "auto", Manual: "manual" } as const
export type CaptureMode = (typeof CaptureMode)[keyof typeof CaptureMode]

export const LOCALES = ["ja", "en", "ko"] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = "ja"

/**
 * Why a payment attempt was declined: the event's `reason` and the hosted page's message.
 * The codes are those KOMOJU answers for card declines (seen in KOMOJU clients such as
 * ActiveMerchant's gateway); `three_d_secure_failed` is the sandbox's own name for a
 * failed 3-D Secure authentication, which KOMOJU's docs describe but do not name.
 */
export const DeclineReason = {
  InsufficientFunds: "insufficient_funds",
  ExceedsLimit: "exceeds_limit",
  BadVerificationValue: "bad_verification_value",
  CardExpired: "card_expired",
  CardDeclined: "card_declined",
  InvalidNumber: "invalid_number",
  ThreeDSecureFailed: "three_d_secure_failed",
} as const
export type DeclineReason = (typeof DeclineReason)[keyof typeof DeclineReason]

export function isDeclineReason(value: string | null | undefined): value is DeclineReason {
  return (Object.values(DeclineReason) as string[]).includes(value ?? "")
}

/**
 * Values of the test-mode `Komoju-Scenario` header: KOMOJU documents
 * `insufficient_funds` ("all future attempts to pay [through the session] will fail with
 * the given error"); the sandbox accepts every decline reason above the same way.
 */
export const Scenario = DeclineReason
export type Scenario = DeclineReason

/** Request headers, lower-case as Node presents them. */
export const RequestHeader = {
  Authorization: "authorization",
  ContentType: "content-type",
  Idempotency: "x-komoju-idempotency",
  ApiVersion: "x-komoju-api-version",
  Scenario: "komoju-scenario",
} as const

/** Webhook headers, spelled as KOMOJU sends them. */
export const WebhookHeader = {
  Signature: "X-Komoju-Signature",
  DeliveryId: "X-Komoju-ID",
  Event: "X-Komoju-Event",
  UserAgent: "User-Agent",
  ContentType: "Content-Type",
} as const
export const WEBHOOK_USER_AGENT = "Komoju-Webhook"

export const ErrorCode = {
  BadRequest: "bad_request",
  Unauthorized: "unauthorized",
  NotFound: "not_found",
  Conflict: "conflict",
  UnprocessableEntity: "unprocessable_entity",
  MissingParameter: "missing_parameter",
  InvalidParameter: "invalid_parameter",
  InvalidCurrency: "invalid_currency",
  InvalidPaymentType: "invalid_payment_type",
  NotCapturable: "not_capturable",
  NotRefundable: "not_refundable",
  NotCancellable: "not_cancellable",
  InsufficientFunds: "insufficient_funds",
  BadGateway: "bad_gateway",
  ServiceUnavailable: "service_unavailable",
  GatewayTimeout: "gateway_timeout",
  InternalServerError: "internal_server_error",
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/**
 * The sandbox's error code for a saved card charged directly (`POST /payments` with
 * `customer`) that must pass 3-D Secure first, through a secure token. KOMOJU names none.
 */
export const THREE_D_SECURE_REQUIRED = "three_d_secure_required"

export const API_PREFIX = "/api/v1"
export const CONTROL_PREFIX = "/_sandbox"

export const DEFAULTS = {
  port: 4010,
  host: "127.0.0.1",
  secretKey: "sk_test_sandbox",
  webhookSecret: "whsec_sandbox",
} as const

/** Limits KOMOJU documents, and the sandbox's own where KOMOJU is silent. */
export const LIMITS = {
  sessionExpiryMaxSeconds: 86_400,
  metadataKeyMaxChars: 30,
  metadataValueMaxChars: 2_000,
  idempotencyKeyMaxChars: 100,
  idempotencyTtlMs: 24 * 3600_000,
  /** KOMOJU: "card authorizations lapse after about 30 days". */
  cardAuthorizationDays: 30,
  maxBodyBytes: 1_000_000,
  /** Logs are for a test run or a demo, not an archive. */
  logEntriesMax: 10_000,
  /** KOMOJU's help centre: konbini expiry 1–59 days (default 3), bank transfer 14–59 (default 14). */
  konbiniExpiryDays: { min: 1, max: 59 },
  bankTransferExpiryDays: { min: 14, max: 59 },
  /** Not published for Pay-easy: the konbini range, the sandbox's choice. */
  payEasyExpiryDays: { min: 1, max: 59 },
  listPerPageDefault: 10,
  listPerPageMax: 100,
} as const
