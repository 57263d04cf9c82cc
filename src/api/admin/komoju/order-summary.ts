/** The KOMOJU side of one Medusa order, as the admin's order widget shows it. Pure. */
import { KomojuPaymentStatus, KomojuRefundRequestStatus, type KomojuPayment } from "../../../lib/komoju"
import { komojuProviderIdOf } from "../../../lib/komoju-provider-config"
import { toMinorUnits } from "../../../providers/komoju/money"
import { isCashPaymentType, refundRequestViews, type KomojuRefundRequestRecord, type RefundRequestView } from "./refund-requests"

export type OrderPaymentRecords = {
  payment_sessions: {
    id: string
    provider_id: string
    status: string
    data: Record<string, unknown> | null
  }[]
  payments: {
    id: string
    provider_id: string
    amount: number
    currency_code: string
    captured_at: string | Date | null
    canceled_at: string | Date | null
    data: Record<string, unknown> | null
    refunds: { id: string; amount: number; note: string | null; created_at: string | Date }[]
  }[]
}

/** What the plugin raised about an order's KOMOJU payment (money KOMOJU took after cancellation). */
export type KomojuOrderNoticeRecord = {
  kind: string
  message: string
  /** Minor units in `currency`. */
  amount: number
  currency: string
  created_at: string | Date
}

export type KomojuOrderSummary = {
  provider_id: string
  payment_session_id: string
  /** Medusa's payment, once authorized or captured; absent while a konbini payment waits. */
  payment_id: string | null
  medusa_status: "awaiting" | "authorized" | "captured" | "canceled"
  komoju_session_id: string | null
  komoju_payment_id: string | null
  komoju_status: string | null
  payment_type: string | null
  payment_details: Record<string, unknown>
  amount: number | null
  currency: string | null
  mode: string | null
  refunds: { id: string; amount: number; note: string | null; created_at: string | Date }[]
  dashboard_url: string | null
  /** Manual-capture card payments: what the admin may do through Medusa's own flows. */
  can_capture: boolean
  can_cancel: boolean
  notices: KomojuOrderNoticeRecord[]
  /** Refunds of a cash payment to a bank account, newest first. */
  refund_requests: RefundRequestView[]
  /** A cash payment KOMOJU holds as paid, with money left: the widget offers the refund request form. */
  can_request_refund: boolean
  /** Minor units a new refund request may still ask for: paid, less refunds and requests under way. */
  refundable_amount: number | null
}

/** The order's refund requests, and KOMOJU's payment when it was read (null: not read, or unreachable). */
export type RefundRequestsInput = {
  records: KomojuRefundRequestRecord[]
  komojuPayment: KomojuPayment | null
}

export function summarizeKomojuPayment(
  records: OrderPaymentRecords,
  komojuOrigin: string | null,
  notices: KomojuOrderNoticeRecord[] = [],
  refundRequests: RefundRequestsInput = { records: [], komojuPayment: null }
): KomojuOrderSummary | null {
  const session = records.payment_sessions.find((s) => komojuProviderIdOf(s.provider_id))
  if (!session) return null
  const payment = records.payments.find((p) => komojuProviderIdOf(p.provider_id))
  const data = { ...(session.data ?? {}), ...(payment?.data ?? {}) }
  const text = (value: unknown) => (typeof value === "string" && value ? value : null)
  const komojuPaymentId = text(data.komoju_payment_id)
  const medusaStatus = payment?.canceled_at
    ? "canceled"
    : payment?.captured_at
      ? "captured"
      : payment
        ? "authorized"
        : session.status === "canceled"
          ? "canceled"
          : "awaiting"
  const currency = text(data.currency)
  const requests = refundRequestViews(refundRequests.records, refundRequests.komojuPayment)
  // What KOMOJU says now, when it was read; otherwise what the last webhook told Medusa.
  const komojuStatus = refundRequests.komojuPayment?.status ?? text(data.komoju_payment_status)
  const refundableAmount =
    typeof data.amount === "number" && currency
      ? data.amount -
        (payment?.refunds ?? []).reduce((sum, refund) => sum + toMinorUnits(refund.amount, currency, "refund amount"), 0) -
        // A completed request's money is among the refunds once recorded; an unknown one may still be paid out.
        requests.filter((r) => r.status === KomojuRefundRequestStatus.Pending || r.status === "unknown").reduce((sum, r) => sum + r.amount, 0)
      : null
  return {
    provider_id: session.provider_id,
    payment_session_id: session.id,
    payment_id: payment?.id ?? null,
    medusa_status: medusaStatus,
    komoju_session_id: text(data.komoju_session_id),
    komoju_payment_id: komojuPaymentId,
    komoju_status: komojuStatus,
    payment_type: text(data.payment_type),
    payment_details: (data.payment_details as Record<string, unknown>) ?? {},
    amount: typeof data.amount === "number" ? data.amount : null,
    currency,
    mode: text(data.mode),
    refunds: payment?.refunds ?? [],
    dashboard_url: komojuPaymentId && komojuOrigin ? `${komojuOrigin}/admin/payments/${komojuPaymentId}` : null,
    can_capture: medusaStatus === "authorized" && data.payment_type === "credit_card",
    can_cancel: medusaStatus === "authorized",
    notices: notices.map(({ kind, message, amount, currency, created_at }) => ({ kind, message, amount, currency, created_at })),
    refund_requests: requests,
    can_request_refund:
      isCashPaymentType(text(data.payment_type)) && komojuStatus === KomojuPaymentStatus.Captured && (refundableAmount ?? 0) > 0,
    refundable_amount: refundableAmount,
  }
}
