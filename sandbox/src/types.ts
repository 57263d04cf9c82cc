/**
 * KOMOJU's objects as the API serves them: field names and shapes are KOMOJU's (see the
 * session samples in KOMOJU's docs and the payment inside its webhook events).
 */
import type { CaptureMode, EventType, Locale, PaymentStatus, RefundRequestStatus, SessionStatus } from "./constants"

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

/**
 * A refund request (komoju-node-sdk `models/refund-request.ts`): how KOMOJU refunds a
 * konbini, bank transfer or Pay-easy payment, by hand, into the customer's bank account.
 * The SDK's model has no amount, account type or fee flag: the sandbox keeps those to
 * itself (`RefundRequestRecord`).
 */
export type PaymentRefundRequest = {
  id: string
  payment: string
  customer_name: string
  bank_name: string
  /** null when not given (the SDK: "May be `null` if it's not given"). */
  bank_code: string | null
  branch_name: string | null
  branch_number: string
  /** Always a 7-digit string here, whether the request sent a string or a number. */
  account_number: string
  description: string | null
  status: RefundRequestStatus
  created_at: string
}

export type AccountType = "normal" | "checking" | "savings"

/** What the sandbox keeps of a refund request beside what KOMOJU serves in `refund_requests[]`. */
export type RefundRequestRecord = {
  id: string
  payment: string
  /** Minor units, before the fee. */
  amount: number
  account_type: AccountType
  include_payment_method_fee: boolean
  status: RefundRequestStatus
  created_at: string
  /** When it was completed or rejected. */
  decided_at: string | null
  /** The refund its completion made (in the payment's `refunds[]`). */
  refund: string | null
}

/** credit_card, credit_card_korea or credit_card_brazil (`models/response-payment-details-credit-card.ts`). */
export type CardDetails = {
  type: string
  email: string | null
  brand: string
  last_four_digits: string
  month: number
  year: number
}

/** Field names of komoju-node-sdk `models/response-payment-details-konbini.ts`. */
export type KonbiniDetails = {
  type: "konbini"
  email: string | null
  store: string
  receipt: string
  /** 7-Eleven prints one number on its slip; the other chains add a confirmation code. */
  confirmation_code: string | null
  instructions_url: string
}

/** Field names of komoju-node-sdk `models/response-payment-details-bank-transfer.ts`. */
export type BankTransferDetails = {
  type: "bank_transfer"
  email: string | null
  order_id: string
  bank_name: string
  account_branch_name: string
  account_type: string
  account_number: string
  account_name: string
  instructions_url: string
  /** The payment's deadline again (absent for an attempt that failed before one was set). */
  payment_deadline?: string
}

/** Field names of komoju-node-sdk `models/response-payment-details-pay-easy.ts`. */
export type PayEasyDetails = {
  type: "pay_easy"
  email: string | null
  bank_id: string
  customer_id: string
  confirmation_id: string
  instructions_url: string
  /** Where the customer pays through online banking instead of at an ATM. */
  payment_url: string
}

/** PayPay and other wallets: KOMOJU reports only the type. */
export type WalletDetails = { type: string; email: string | null }

/**
 * What `payment_details` holds: one of the shapes above, typed loosely so that code
 * reading a field of one method (`payment_details.receipt`) needs no narrowing.
 */
export type PaymentDetails = { type: string; email: string | null; [field: string]: unknown }

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
  session: string | null
  customer_family_name: string | null
  customer_given_name: string | null
  mcc: null
  statement_descriptor: null
  refunds: Refund[]
  /** Empty unless a cash payment was asked to be refunded (`POST /payments/:id/refund_request`). */
  refund_requests: PaymentRefundRequest[]
}

/** A session's `payment_methods` entry (komoju-node-sdk `models/payment-method.ts`, plus `customer_fee`). */
export type PaymentMethod = {
  type: string
  brands?: Record<string, string>
  /** The fee the method adds, in the currency it charges in. */
  customer_fee?: number
  /** Set when the method charges in another currency than the session: what it charges, in that currency. */
  amount?: number
  currency?: string
  exchange_rate?: number
}

export type PaymentData = {
  external_order_num: string | null
  capture: CaptureMode
  [field: string]: unknown
}

/** A session as `GET /api/v1/sessions/:id` answers it. */
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
  payment: Payment | null
  payment_data: PaymentData
  metadata: Record<string, string>
  status: SessionStatus
  expired: boolean
  created_at: string
  completed_at: string | null
  cancelled_at: string | null
}

/** What the sandbox stores for a session: the served fields plus what KOMOJU keeps to itself. */
export type SessionRecord = Omit<Session, "payment" | "expired"> & {
  /** Id of the session's latest payment (a declined attempt is replaced by the retry). */
  payment: string | null
  email: string | null
  expires_at: string
  /** From the test-mode `Komoju-Scenario` header. */
  scenario: string | null
  /** The account's `tax_rate` when the session was created. */
  tax_rate: number
}

export type PaymentList = {
  resource: "list"
  total: number
  page: number
  per_page: number
  last_page: number
  data: Payment[]
}

export type KomojuEvent = {
  id: string
  type: EventType
  resource: "event"
  data: Payment | Record<string, never>
  created_at: string
  reason: string | null
}

export type KomojuError = {
  error: { code: string; message: string; param: string | null; details: unknown }
}
