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
  /** The KOMOJU customer charged (a customer_payment session, or `POST /payments` with `customer`), else null. */
  customer: string | null
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

/** komoju-node-sdk `models/line-item.ts`; `quantity` is filled in (1) when not given. */
export type LineItem = {
  amount?: number
  description?: string
  quantity: number
  image?: string
  external_product_num?: string
}

/** komoju-node-sdk `models/address.ts`: every field an optional string. */
export type Address = {
  name?: string
  street_address1?: string
  street_address2?: string
  city?: string
  state?: string
  zipcode?: string
  country?: string
}

export type PaymentData = {
  external_order_num: string | null
  capture: CaptureMode
  name?: string
  name_kana?: string
  billing_address?: Address
  shipping_address?: Address
}

/** A session as `GET /api/v1/sessions/:id` answers it. */
export type SessionMode = "payment" | "customer" | "customer_payment"

export type Session = {
  id: string
  resource: "session"
  mode: SessionMode
  amount: number
  currency: string
  session_url: string
  return_url: string
  default_locale: Locale
  payment_methods: PaymentMethod[]
  payment: Payment | null
  payment_data: PaymentData
  metadata: Record<string, string>
  /** Only when the session was created with line items (as the SDK's Session model says). */
  line_items?: LineItem[]
  /** The KOMOJU customer the session saves to: only in the customer modes (the SDK's Session model). */
  customer_id?: string
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
  /** The merchant's id of the shopper (one-click on the hosted page; required in the customer modes). */
  external_customer_id?: string | null
}

export type PaymentList = {
  resource: "list"
  total: number
  page: number
  per_page: number
  last_page: number
  data: Payment[]
}

/**
 * A customer's saved payment source (komoju-node-sdk `models/customer-source.ts`): the
 * card's brand, last four digits and expiry, never its number. A saved PayPay account
 * has `type: "paypay"` and nulls for the card fields (the SDK's model knows cards only).
 */
export type CustomerSource = {
  type: string
  brand: string | null
  last_four_digits: string | null
  month: number | null
  year: number | null
}

/** komoju-node-sdk `models/customer.ts`. */
export type Customer = {
  id: string
  resource: "customer"
  email: string | null
  source: CustomerSource | null
  metadata: Record<string, string>
  created_at: string
}

/** What the sandbox keeps beside a customer: the full card number (never served) and whom it belongs to. */
export type CustomerRecord = Customer & {
  /** The saved card's number, for the test cards' outcomes when it is charged; null for PayPay or no source. */
  card_number: string | null
  /** The external_customer_id of the session that created or last updated it, if any. */
  external_customer_id: string | null
  /** The currency given on create / update (the SDK's request has one), if any. */
  currency: string | null
}

/**
 * The hosted page's one-click memory for one `external_customer_id` (komoju-node-sdk
 * `api/one-click-api.ts`: "the external customer created by the Hosted Page One-Click
 * feature"). Not a KOMOJU customer: `DELETE /external_customers/:id` erases it.
 */
export type ExternalCustomerRecord = {
  id: string
  external_customer_id: string
  source: CustomerSource
  card_number: string | null
  created_at: string
  updated_at: string
}

/** komoju-node-sdk `models/secure-token.ts`; `verification_status` as KOMOJU's 3-D Secure guide lists it. */
export type SecureToken = {
  id: string
  created_at: string
  verification_status: "NEEDS_VERIFY" | "OK" | "ERRORED" | "SKIPPED"
  authentication_url: string
}

/** What the sandbox keeps beside a secure token. */
export type SecureTokenRecord = SecureToken & {
  amount: number
  currency: string
  return_url: string
  customer: string | null
  card_number: string
  month: number
  year: number
  email: string | null
  /** The payment that used it (a token pays once). */
  payment: string | null
}

export type CustomerList = {
  resource: "customer_list"
  data: Customer[]
  start_time: string | null
  end_time: string | null
  total: number
  page: number
  per_page: number
  last_page: number
}

export type KomojuEvent = {
  id: string
  type: EventType
  resource: "event"
  data: Payment | Customer | Record<string, never>
  created_at: string
  reason: string | null
}

export type KomojuError = {
  error: { code: string; message: string; param: string | null; details: unknown }
}
