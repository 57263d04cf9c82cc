/** The KOMOJU side of one Medusa order, as the admin's order widget shows it. Pure. */

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
}

const KOMOJU_PROVIDER = /^pp_komoju_/

export function summarizeKomojuPayment(
  records: OrderPaymentRecords,
  komojuOrigin: string | null,
  notices: KomojuOrderNoticeRecord[] = []
): KomojuOrderSummary | null {
  const session = records.payment_sessions.find((s) => KOMOJU_PROVIDER.test(s.provider_id))
  if (!session) return null
  const payment = records.payments.find((p) => KOMOJU_PROVIDER.test(p.provider_id))
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
  return {
    provider_id: session.provider_id,
    payment_session_id: session.id,
    payment_id: payment?.id ?? null,
    medusa_status: medusaStatus,
    komoju_session_id: text(data.komoju_session_id),
    komoju_payment_id: komojuPaymentId,
    komoju_status: text(data.komoju_payment_status),
    payment_type: text(data.payment_type),
    payment_details: (data.payment_details as Record<string, unknown>) ?? {},
    amount: typeof data.amount === "number" ? data.amount : null,
    currency: text(data.currency),
    mode: text(data.mode),
    refunds: payment?.refunds ?? [],
    dashboard_url: komojuPaymentId && komojuOrigin ? `${komojuOrigin}/admin/payments/${komojuPaymentId}` : null,
    can_capture: medusaStatus === "authorized" && data.payment_type === "credit_card",
    can_cancel: medusaStatus === "authorized",
    notices: notices.map(({ kind, message, amount, currency, created_at }) => ({ kind, message, amount, currency, created_at })),
  }
}
