/**
 * Refund requests of cash payments: whether KOMOJU's payment can take one, which entry
 * of its answer is the request just made, and how recorded requests show on the order.
 * Pure.
 */
import { findPaymentType } from "../../../lib/komoju/payment-types"
import { KomojuPaymentStatus, type KomojuPayment, type KomojuRefundRequest } from "../../../lib/komoju"
import { accountLastDigits } from "../../../lib/refund-request-rules"

/** What the plugin keeps of a request it sent (no bank account details beyond these). */
export type KomojuRefundRequestRecord = {
  komoju_refund_request_id: string
  /** Minor units, in `currency`. */
  amount: number
  currency: string
  bank_name: string
  account_last_digits: string
  created_at: string | Date
}

/** KOMOJU's status, or `unknown` when KOMOJU could not be read or no longer lists it. */
export type RefundRequestStatusView = KomojuRefundRequest["status"] | "unknown"

export type RefundRequestView = {
  id: string
  amount: number
  currency: string
  bank_name: string
  account_last_digits: string
  status: RefundRequestStatusView
  created_at: string | Date
}

export function isCashPaymentType(paymentType: string | null | undefined): boolean {
  return !!findPaymentType(paymentType ?? "")?.cash
}

/**
 * Why KOMOJU's payment (as read just now) cannot take a refund request in `currency`,
 * or undefined when it can. Cards and wallets are refunded through Medusa's own refund.
 */
export function refundRequestRefusal(payment: KomojuPayment, currency: string): string | undefined {
  const type = payment.payment_details?.type
  if (!isCashPaymentType(type)) {
    return `KOMOJU payment ${payment.id} was paid by ${type ?? "an unknown method"}: refund it with Medusa's refund on the order; refund requests are for konbini, bank transfer and Pay-easy`
  }
  if (payment.status !== KomojuPaymentStatus.Captured) {
    return `KOMOJU payment ${payment.id} is ${payment.status}: only a paid (captured) payment with money left to refund can take a refund request`
  }
  if (payment.currency.toUpperCase() !== currency.toUpperCase()) {
    return `KOMOJU payment ${payment.id} is in ${payment.currency}, the order in ${currency.toUpperCase()}`
  }
  return undefined
}

/**
 * The request KOMOJU just made, from the payment it answered with: an entry not recorded
 * yet for the account just sent, the latest if several. Undefined when every such entry
 * is recorded (an idempotent replay of a submission already recorded).
 */
export function newRefundRequestOf(
  payment: KomojuPayment,
  recordedIds: ReadonlySet<string>,
  sent: { bank_name: string; branch_number: string; account_number: string }
): KomojuRefundRequest | undefined {
  const candidates = (payment.refund_requests ?? []).filter(
    (request) =>
      !recordedIds.has(request.id) &&
      request.bank_name === sent.bank_name &&
      request.branch_number === sent.branch_number &&
      // Compared by its last digits: all a masked account number would still show.
      String(request.account_number ?? "").endsWith(accountLastDigits(sent.account_number))
  )
  return candidates.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at)).at(-1)
}

/**
 * The recorded requests with KOMOJU's status, newest first. `komojuPayment` is null when
 * KOMOJU could not be read: the requests still show, their status unknown.
 */
export function refundRequestViews(records: KomojuRefundRequestRecord[], komojuPayment: KomojuPayment | null): RefundRequestView[] {
  const statuses = new Map((komojuPayment?.refund_requests ?? []).map((request) => [request.id, request.status]))
  return records
    .map((record) => ({
      id: record.komoju_refund_request_id,
      amount: record.amount,
      currency: record.currency,
      bank_name: record.bank_name,
      account_last_digits: record.account_last_digits,
      status: statuses.get(record.komoju_refund_request_id) ?? ("unknown" as const),
      created_at: record.created_at,
    }))
    .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())
}
