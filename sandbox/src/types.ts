/** KOMOJU's objects as the sandbox serves them (field names and shapes are KOMOJU's). */

export type SessionStatus = "pending" | "completed" | "cancelled"
export type PaymentStatus = "pending" | "authorized" | "captured" | "refunded" | "cancelled" | "expired" | "failed"
export type Locale = "ja" | "en" | "ko"

export type Refund = {
  id: string
  resource: "refund"
  amount: number
  currency: string
  payment: string
  description: string | null
  created_at: string
  chargeback: boolean
}

export type PaymentDetails = { type: string; email?: string | null; [key: string]: unknown }

export type Payment = {
  id: string
  resource: "payment"
  status: PaymentStatus
  amount: number
  tax: number
  customer: null
  payment_deadline: string | null
  payment_details: PaymentDetails
  payment_method_fee: number
  total: number
  currency: string
  description: string | null
  captured_at: string | null
  external_order_num: string | null
  metadata: Record<string, string>
  created_at: string
  amount_refunded: number
  locale: Locale
  session: string
  customer_family_name: string | null
  customer_given_name: string | null
  mcc: null
  statement_descriptor: null
  refunds: Refund[]
  refund_requests: unknown[]
}

export type PaymentMethod = { type: string; brands?: Record<string, string> }

export type Session = {
  id: string
  resource: "session"
  mode: "payment"
  amount: number
  currency: string
  session_url: string
  return_url: string
  default_locale: Locale
  payment_methods: PaymentMethod[]
  /** Id of the session's payment; the API serves the full object. */
  payment: string | null
  payment_data: { external_order_num: string | null; capture: "auto" | "manual"; name?: string; name_kana?: string }
  metadata: Record<string, string>
  status: SessionStatus
  email: string | null
  expires_at: string
  created_at: string
  completed_at: string | null
  cancelled_at: string | null
  /** Test scenario from the Komoju-Scenario header (e.g. insufficient_funds). */
  scenario: string | null
}

export type EventType =
  | "ping"
  | "payment.authorized"
  | "payment.captured"
  | "payment.expired"
  | "payment.cancelled"
  | "payment.failed"
  | "payment.refund.created"
  | "payment.refunded"

export type KomojuEvent = {
  id: string
  type: EventType
  resource: "event"
  data: Payment | Record<string, never>
  created_at: string
  reason: string | null
}
