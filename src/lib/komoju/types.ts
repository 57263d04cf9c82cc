import type {
  KomojuBankAccountType,
  KomojuCaptureMode,
  KomojuEventType,
  KomojuLocale,
  KomojuPaymentStatus,
  KomojuRefundRequestStatus,
  KomojuSessionStatus,
} from "./constants"

/** The fields of KOMOJU's objects that this plugin reads. Amounts are minor units. */

export type KomojuRefund = {
  id: string
  resource: "refund"
  amount: number
  currency: string
  payment: string
  description: string | null
  created_at: string
  chargeback?: boolean
}

export type KomojuPaymentDetails = {
  type: string
  email?: string | null
  /** credit_card */
  brand?: string
  last_four_digits?: string
  month?: number
  year?: number
  /** konbini */
  store?: string
  receipt?: string
  confirmation_code?: string
  instructions_url?: string
  [key: string]: unknown
}

export type KomojuPayment = {
  id: string
  resource: "payment"
  status: KomojuPaymentStatus
  amount: number
  tax?: number
  payment_method_fee?: number
  total: number
  currency: string
  session?: string | null
  external_order_num?: string | null
  metadata?: Record<string, string> | null
  /** The KOMOJU customer the payment saved the method to, or charged (`customer_payment` sessions). */
  customer?: string | null
  payment_details?: KomojuPaymentDetails | null
  payment_deadline?: string | null
  captured_at?: string | null
  amount_refunded?: number
  refunds?: KomojuRefund[]
  /** Refund requests of a cash payment (konbini, bank transfer, Pay-easy). */
  refund_requests?: KomojuRefundRequest[]
  created_at?: string
}

/**
 * A refund request as KOMOJU's payment lists it. It carries no amount: the amount is
 * known from the request that made it, and from the refund KOMOJU adds once it pays.
 */
export type KomojuRefundRequest = {
  id: string
  payment: string
  customer_name: string
  bank_name: string
  bank_code: string | null
  branch_name: string | null
  branch_number: string
  account_number: string
  description?: string | null
  status: KomojuRefundRequestStatus
  created_at: string
}

/** A method a session offers; `currency`/`amount`/`exchange_rate` when it charges in another currency. */
export type KomojuPaymentMethod = {
  type: string
  brands?: Record<string, string>
  currency?: string
  amount?: number
  exchange_rate?: number
  customer_fee?: number
  [key: string]: unknown
}

export type KomojuSession = {
  id: string
  resource: "session"
  mode: string
  amount: number
  currency: string
  session_url: string
  return_url: string
  default_locale: KomojuLocale | string
  payment_methods: KomojuPaymentMethod[]
  payment: KomojuPayment | null
  payment_data?: Record<string, unknown> | null
  metadata?: Record<string, string> | null
  /** Only in the customer modes: the KOMOJU customer the session saves to. */
  customer_id?: string | null
  status: KomojuSessionStatus
  expired?: boolean
  created_at: string
  completed_at: string | null
  cancelled_at: string | null
}

export type KomojuEvent = {
  id: string
  type: KomojuEventType | string
  resource: "event"
  data: KomojuPayment | Record<string, unknown>
  created_at: string
  reason: string | null
}

/** KOMOJU's `LineItem`: `amount` is per unit, so a session's items add up as Σ amount × quantity. */
export type KomojuLineItem = {
  description: string
  quantity: number
  amount: number
  image?: string
  external_product_num?: string
}

/** KOMOJU's `Address`; `country` is the ISO 3166-1 alpha-2 code in upper case. */
export type KomojuAddress = {
  name?: string
  street_address1?: string
  street_address2?: string
  city?: string
  state?: string
  zipcode?: string
  country?: string
}

/**
 * `payment` pays; `customer_payment` pays and saves the card or PayPay to a KOMOJU
 * customer; `customer` saves without paying. The customer modes take only
 * `credit_card` and `paypay`, and need `external_customer_id`.
 */
export type KomojuSessionMode = "payment" | "customer" | "customer_payment"

export type CreateSessionRequest = {
  mode?: KomojuSessionMode
  /**
   * The merchant's id for KOMOJU's hosted-page one-click: the method last used under it
   * is offered preselected, with one pay button (3-D Secure still runs on the page).
   */
  external_customer_id?: string
  /** Customer modes: the KOMOJU customer to update rather than a new one. */
  customer_id?: string
  amount: number
  currency: string
  return_url: string
  default_locale?: KomojuLocale
  email?: string
  expires_in_seconds?: number
  payment_types?: string[]
  metadata?: Record<string, string>
  line_items?: KomojuLineItem[]
  payment_data: {
    external_order_num: string
    capture?: KomojuCaptureMode
    name?: string
    name_kana?: string
    shipping_address?: KomojuAddress
    billing_address?: KomojuAddress
  }
}

/** A `customer`-mode session (SDK `CreateSessionRequestWithCustomerMode`): saves, pays nothing, orders nothing. */
export type SaveSessionRequest = Omit<CreateSessionRequest, "mode" | "payment_data"> & { mode: "customer" }

/** `GET /payments` filters; times are ISO 8601, `start_time` bounds `created_at`. */
export type ListPaymentsQuery = {
  start_time?: string
  end_time?: string
  status?: string
  external_order_num?: string
  page?: number
  per_page?: number
}

export type KomojuPaymentList = {
  resource: "list"
  total: number
  page: number
  per_page: number
  last_page: number
  data: KomojuPayment[]
}

export type RefundRequest = {
  amount?: number
  description?: string
}

/**
 * `POST /payments/:id/refund_request`: a refund of a cash payment to the customer's bank
 * account. `customer_name` is half-width katakana as the bank registers the holder.
 * `account_number` goes as a 7-digit string: a number would lose leading zeros.
 */
export type CreateRefundRequestBody = {
  amount: number
  customer_name: string
  bank_name: string
  bank_code?: string
  branch_name?: string
  branch_number: string
  account_type: KomojuBankAccountType
  account_number: string
  include_payment_method_fee: boolean
  description?: string
}

/** A saved payment source (SDK `CustomerSource`); PayPay has no brand, digits or expiry. */
export type KomojuCustomerSource = {
  type: string
  brand?: string | null
  last_four_digits?: string | null
  month?: number | null
  year?: number | null
}

/** SDK `Customer`: one KOMOJU customer holds one saved payment source. */
export type KomojuCustomer = {
  id: string
  resource: "customer"
  email?: string | null
  source: KomojuCustomerSource | null
  metadata?: Record<string, string> | null
  created_at: string
}

export type KomojuErrorBody = {
  error: {
    code: string
    message: string
    param?: string | null
    details?: unknown
  }
}
