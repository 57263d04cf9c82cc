/**
 * What the plugin's admin routes (src/api/admin/komoju/*) send, as it arrives in the
 * browser: dates are ISO strings once serialized.
 */
import type { KomojuPaymentTypeInfo } from "../../lib/komoju/payment-types"

export type { KomojuPaymentTypeInfo }

export type KomojuLocale = "ja" | "en" | "ko"
export type KomojuCaptureMode = "auto" | "manual"

export type KomojuScope = {
  scope_type: "region" | "currency"
  scope_id: string
  payment_types: string[]
}

/** The admin's choices; null means "use the provider option from medusa-config.ts". */
export type KomojuSettings = {
  payment_types: string[] | null
  default_locale: KomojuLocale | null
  capture_mode: KomojuCaptureMode | null
  session_expires_in_seconds: number | null
  scopes: KomojuScope[]
}

export type StoreRegion = {
  id: string
  name: string
  currency_code: string
  /** Whether the currency is one of KOMOJU's: a region in another cannot pay through KOMOJU. */
  komoju_accepts_currency: boolean
}

export type KomojuWebhookHealth = {
  /** Where KOMOJU must post, relative to the backend (`/hooks/payment/komoju_<id>`). */
  path: string
  last_processed_at: string | null
  last_processed_event: string | null
  /** Verified deliveries not processed yet, or whose processing failed (retried by a job). */
  unfinished_count: number
  /** Deliveries refused for a missing or wrong signature. */
  refused_count: number
  last_refused_at: string | null
}

/** GET and POST /admin/komoju/settings. */
export type KomojuSettingsPage = {
  settings: KomojuSettings
  defaults: {
    /** null: every method active on the KOMOJU account. */
    payment_types: string[] | null
    default_locale: KomojuLocale
    capture_mode: KomojuCaptureMode
    /** null: KOMOJU's own default. */
    session_expires_in_seconds: number | null
  }
  mode: "test" | "live"
  webhook: KomojuWebhookHealth
  payment_types: KomojuPaymentTypeInfo[]
  regions: StoreRegion[]
}

/** The body POST /admin/komoju/settings accepts; every field is optional. */
export type KomojuSettingsUpdate = Partial<KomojuSettings>

export type MedusaPaymentStatus = "awaiting" | "authorized" | "captured" | "canceled"

/** GET /admin/komoju/orders/:id → `komoju` (null when the order was not paid through KOMOJU). */
export type KomojuOrderPayment = {
  provider_id: string
  payment_session_id: string
  /** Medusa's payment; null while a cash payment waits at the counter. */
  payment_id: string | null
  medusa_status: MedusaPaymentStatus
  komoju_session_id: string | null
  komoju_payment_id: string | null
  komoju_status: string | null
  payment_type: string | null
  payment_details: KomojuPaymentDetails
  /** KOMOJU's minor units (yen, cents) in `currency`. */
  amount: number | null
  currency: string | null
  mode: string | null
  /** Medusa's refunds: amounts in major units, as Medusa stores them. */
  refunds: { id: string; amount: number; note: string | null; created_at: string }[]
  dashboard_url: string | null
  can_capture: boolean
  can_cancel: boolean
  /** What happened that an admin must know: money KOMOJU took after the order was cancelled. */
  notices: { kind: string; message: string; amount: number; currency: string; created_at: string }[]
  /** Refunds of a cash payment to a bank account, newest first. */
  refund_requests: KomojuRefundRequestView[]
  /** A paid konbini, bank transfer or Pay-easy payment with money left: the refund request form is offered. */
  can_request_refund: boolean
  /** Minor units a new refund request may ask for. */
  refundable_amount: number | null
}

export type KomojuRefundRequestStatus = "pending" | "completed" | "rejected" | "unknown"

export type KomojuRefundRequestView = {
  /** KOMOJU's refund request id. */
  id: string
  /** Minor units, in `currency`. */
  amount: number
  currency: string
  bank_name: string
  account_last_digits: string
  status: KomojuRefundRequestStatus
  created_at: string
}

/** POST /admin/komoju/orders/:id/refund-requests; `amount` in major units, `request_id` fresh per submission. */
export type KomojuRefundRequestBody = {
  amount: number
  customer_name: string
  bank_name: string
  bank_code?: string
  branch_name?: string
  branch_number: string
  account_type: "normal" | "checking" | "savings"
  account_number: string
  include_payment_method_fee: boolean
  description?: string
  request_id: string
}

export type KomojuPaymentDetails = {
  brand?: string
  last_four_digits?: string
  store?: string
  receipt?: string
  confirmation_code?: string
  instructions_url?: string
  bank_name?: string
  account_branch_name?: string
  account_type?: string
  account_number?: string
  order_id?: string
  bank_id?: string
  customer_id?: string
  confirmation_id?: string
  payment_url?: string
  payment_deadline?: string | null
}

/** A card or PayPay account KOMOJU confirmed saved for a Medusa customer. */
export type KomojuSavedPaymentMethod = {
  id: string
  payment_type: "credit_card" | "paypay"
  /** KOMOJU's brand id ("visa", "master", …); null for PayPay. */
  brand: string | null
  last_four: string | null
  month: number | null
  /** Four digits, as KOMOJU sends it. */
  year: number | null
  created_at: string
}

/** GET /admin/komoju/customers/:id/payment-methods: the methods of the plugin's current mode, newest first. */
export type KomojuCustomerPaymentMethods = {
  /** null when no KOMOJU provider is registered. */
  mode: "test" | "live" | null
  payment_methods: KomojuSavedPaymentMethod[]
}

/** DELETE /admin/komoju/customers/:id/payment-methods/:method_id. */
export type KomojuPaymentMethodDeleted = { id: string; object: "komoju_payment_method"; deleted: true }
