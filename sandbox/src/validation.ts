import type { Params } from "./body"
import { CaptureMode, DEFAULT_LOCALE, ErrorCode, LIMITS, LOCALES, type Locale } from "./constants"
import { isCurrency, type CurrencyCode } from "./currencies"
import { ApiError, invalidParameter, missingParameter, unacceptableParameter } from "./errors"
import { isPaymentType, supportsCurrency, type PaymentTypeCode } from "./payment-types"
import type { Address, LineItem, PaymentData, SessionMode } from "./types"

/** A `POST /sessions` body after KOMOJU's checks, in the sandbox's terms. */
export type SessionInput = {
  mode: SessionMode
  /** The merchant's id of the shopper: one-click on the hosted page, and whom the customer modes save for. */
  externalCustomerId: string | null
  /** Customer modes: the KOMOJU customer to update (else a new one is made). */
  customerId: string | null
  amount: number
  currency: CurrencyCode
  returnUrl: string
  locale: Locale
  email: string | null
  expiresInSeconds: number
  paymentTypes: PaymentTypeCode[]
  metadata: Record<string, string>
  paymentData: PaymentData
  /** Absent when the request had none (the session then has no `line_items`). */
  lineItems?: LineItem[]
}

export type SessionRules = {
  enabledPaymentTypes: readonly PaymentTypeCode[]
  /** The currency a method charges in for a session in this currency (another one when it is cross-currency). */
  chargeCurrency: (type: PaymentTypeCode, sessionCurrency: CurrencyCode) => CurrencyCode
  isOrderNumberTaken: (orderNumber: string) => boolean
  /** `strict`: Σ amount × quantity of the line items must be the session's amount (setting `line_items_total`). */
  lineItemsTotal: "strict" | "off"
  /** Paidy needs a shipping address (setting `paidy_requires_shipping_address`). */
  paidyRequiresShippingAddress: boolean
  /** The customer modes need external_customer_id (setting `customer_modes_require_external_customer_id`). */
  customerModesRequireExternalCustomerId?: boolean
  /** Whether a KOMOJU customer exists (customer_id of the customer modes). */
  customerExists?: (id: string) => boolean
}

/** What the customer modes save: a card or a PayPay account (KOMOJU's customer modes work for those two). */
export const CUSTOMER_MODE_TYPES: readonly PaymentTypeCode[] = ["credit_card", "paypay"]

const MODES = ["payment", "customer", "customer_payment"]
const ADDRESS_FIELDS = ["name", "street_address1", "street_address2", "city", "state", "zipcode", "country"] as const
const PAIDY = "paidy"

/**
 * KOMOJU's checks, in its order: required parameters first (400 missing_parameter), then
 * malformed values (400 invalid_parameter), then what the account cannot do (422).
 */
export function validateSessionInput(params: Params, rules: SessionRules): SessionInput {
  const returnUrl = text(params.return_url)
  if (!returnUrl) throw missingParameter("return_url")
  if (isBlank(params.amount)) throw missingParameter("amount")
  const currencyText = text(params.currency)
  if (!currencyText) throw missingParameter("currency")
  const mode = (text(params.mode) ?? "payment") as SessionMode
  if (!MODES.includes(mode)) throw invalidParameter("mode", `mode must be one of ${MODES.join(", ")}`)
  const externalCustomerId = text(params.external_customer_id) ?? null
  if (mode !== "payment" && !externalCustomerId && rules.customerModesRequireExternalCustomerId !== false) throw missingParameter("external_customer_id")
  if (externalCustomerId && externalCustomerId.length > 255) throw invalidParameter("external_customer_id", "external_customer_id is longer than 255 characters")

  // The SDK: "Amount greater than or equal to 0" in customer mode, which charges nothing.
  const amount = mode === "customer" && (params.amount === 0 || params.amount === "0") ? 0 : parseMinorAmount(params.amount, "amount")
  if (!/^https?:\/\/[^\s]+$/.test(returnUrl) || !URL.canParse(returnUrl)) throw invalidParameter("return_url", "return_url must be an absolute http(s) URL")
  const locale = text(params.default_locale) ?? DEFAULT_LOCALE
  if (!(LOCALES as readonly string[]).includes(locale)) throw invalidParameter("default_locale", `default_locale must be one of ${LOCALES.join(", ")}`)
  const email = text(params.email) ?? null
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) throw invalidParameter("email", "email is not an e-mail address")
  const expiresInSeconds = isBlank(params.expires_in_seconds) ? LIMITS.sessionExpiryMaxSeconds : Number(params.expires_in_seconds)
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0 || expiresInSeconds > LIMITS.sessionExpiryMaxSeconds) {
    throw invalidParameter("expires_in_seconds", `expires_in_seconds must be a whole number from 1 to ${LIMITS.sessionExpiryMaxSeconds}`)
  }
  const metadata = parseMetadata(params.metadata)
  const lineItems = parseLineItems(params.line_items)
  const paymentData = parsePaymentData(params.payment_data, rules)

  // Upper case only: KOMOJU documents upper-case codes, and Medusa's are lower-case, so
  // accepting "jpy" here would hide a conversion the real API needs.
  if (!isCurrency(currencyText)) {
    throw new ApiError(422, ErrorCode.InvalidCurrency, `${currencyText} is not a supported currency (ISO 4217, upper case)`, "currency")
  }
  const currency: CurrencyCode = currencyText
  const customerId = mode === "payment" ? null : (text(params.customer_id) ?? null)
  if (customerId && rules.customerExists && !rules.customerExists(customerId)) throw unacceptableParameter("customer_id", `Customer ${customerId} was not found`)
  const explicitTypes = !isBlank(params.payment_types) && !(Array.isArray(params.payment_types) && params.payment_types.length === 0)
  let paymentTypes = parsePaymentTypes(params.payment_types, currency, rules)
  if (mode !== "payment") {
    // Only what can be saved: a card or PayPay.
    const unsaveable = paymentTypes.filter((type) => !CUSTOMER_MODE_TYPES.includes(type))
    if (explicitTypes && unsaveable.length) {
      throw new ApiError(422, ErrorCode.InvalidPaymentType, `${unsaveable.join(", ")} cannot be saved to a customer (mode ${mode}: ${CUSTOMER_MODE_TYPES.join(", ")})`, "payment_types")
    }
    paymentTypes = paymentTypes.filter((type) => CUSTOMER_MODE_TYPES.includes(type))
    if (!paymentTypes.length) throw new ApiError(422, ErrorCode.InvalidPaymentType, `No payment type that can be saved (${CUSTOMER_MODE_TYPES.join(", ")}) is available in ${currency}`, "payment_types")
  }
  // Paidy ships to the address it is given: asked for by name without one, the session
  // is refused; offered by default, Paidy is left out.
  if (rules.paidyRequiresShippingAddress && !paymentData.shipping_address && paymentTypes.includes(PAIDY)) {
    if (explicitTypes) throw missingParameter("payment_data[shipping_address]")
    paymentTypes = paymentTypes.filter((type) => type !== PAIDY)
  }
  if (lineItems && rules.lineItemsTotal === "strict") {
    const sum = lineItems.reduce((total, item) => total + (item.amount ?? 0) * item.quantity, 0)
    if (sum !== amount) throw unacceptableParameter("line_items", `The line items add up to ${sum}, not the session's amount ${amount}`)
  }

  return { mode, externalCustomerId, customerId, amount, currency, returnUrl, locale: locale as Locale, email, expiresInSeconds, paymentTypes, metadata, paymentData, ...(lineItems ? { lineItems } : {}) }
}

/**
 * komoju-node-sdk `models/line-item.ts`: every field optional; `amount` a whole number
 * ≥ 0 of minor units, `quantity` a whole number ≥ 1 (1 when not given), `image` a URL,
 * `description` and `external_product_num` strings. Other keys are dropped.
 */
function parseLineItems(value: unknown): LineItem[] | undefined {
  if (isBlank(value) || (Array.isArray(value) && value.length === 0)) return undefined
  // A form body's `line_items[0][amount]=…` arrives as an object keyed 0, 1, …
  const list = Array.isArray(value) ? value : isPlainObject(value) && Object.keys(value).every((k) => /^\d+$/.test(k)) ? Object.values(value) : null
  if (!list) throw invalidParameter("line_items", "line_items must be a list of line items")
  return list.map((raw, index) => {
    const param = (field: string) => `line_items[${index}][${field}]`
    if (!isPlainObject(raw)) throw invalidParameter(`line_items[${index}]`, `line_items[${index}] must be an object`)
    const item: LineItem = { quantity: 1 }
    if (!isBlank(raw.amount)) item.amount = wholeNumber(raw.amount, param("amount"), 0)
    if (!isBlank(raw.quantity)) item.quantity = wholeNumber(raw.quantity, param("quantity"), 1)
    if (!isBlank(raw.description)) item.description = stringField(raw.description, param("description"))
    if (!isBlank(raw.image)) {
      const image = stringField(raw.image, param("image"))
      if (!/^https?:\/\/[^\s]+$/.test(image) || !URL.canParse(image)) throw invalidParameter(param("image"), `${param("image")} must be an absolute http(s) URL`)
      item.image = image
    }
    if (!isBlank(raw.external_product_num)) item.external_product_num = stringField(raw.external_product_num, param("external_product_num"))
    return item
  })
}

/** A whole number ≥ `min`; a string of digits counts (form bodies carry only strings). */
function wholeNumber(value: unknown, param: string, min: number): number {
  const number = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(number) || number < min) throw invalidParameter(param, `${param} must be a whole number ≥ ${min}`)
  return number
}

/** A string (a number is taken as its digits, as Rails would); anything else is malformed. */
function stringField(value: unknown, param: string): string {
  if (typeof value === "string") return value
  if (typeof value === "number" && Number.isFinite(value)) return String(value)
  throw invalidParameter(param, `${param} must be a string`)
}

/** komoju-node-sdk `models/address.ts`: seven optional strings; other keys are dropped. An address with none is no address. */
function parseAddress(value: unknown, param: string): Address | undefined {
  if (isBlank(value)) return undefined
  if (!isPlainObject(value)) throw invalidParameter(param, `${param} must be an object`)
  const address: Address = {}
  for (const field of ADDRESS_FIELDS) {
    if (!isBlank(value[field])) address[field] = stringField(value[field], `${param}[${field}]`)
  }
  return Object.keys(address).length ? address : undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** A positive whole number of minor units; "8888" counts (KOMOJU's Ruby sample sends a string). */
export function parseMinorAmount(value: unknown, param: string): number {
  const amount = typeof value === "number" ? value : typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw invalidParameter(param, `${param} must be a positive whole number in the currency's smallest unit`)
  }
  return amount
}

function parsePaymentTypes(value: unknown, currency: CurrencyCode, rules: SessionRules): PaymentTypeCode[] {
  const enabled = rules.enabledPaymentTypes
  const takesCurrency = (type: PaymentTypeCode) => supportsCurrency(type, rules.chargeCurrency(type, currency))
  if (isBlank(value)) return enabled.filter(takesCurrency)
  const requested = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : null
  if (!requested) throw invalidParameter("payment_types", "payment_types must be a list")
  if (requested.length === 0) return enabled.filter(takesCurrency)
  const unknown = requested.filter((type) => !isPaymentType(type) || !enabled.includes(type))
  if (unknown.length) {
    throw new ApiError(422, ErrorCode.InvalidPaymentType, `Unknown or not activated payment type: ${unknown.join(", ")}`, "payment_types")
  }
  const types = [...new Set(requested as PaymentTypeCode[])]
  const unsupported = types.filter((type) => !takesCurrency(type))
  if (unsupported.length) {
    throw new ApiError(422, ErrorCode.InvalidPaymentType, `${unsupported.join(", ")} cannot be used with ${currency}`, "payment_types")
  }
  return types
}

export function parseMetadata(value: unknown): Record<string, string> {
  if (isBlank(value)) return {}
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalidParameter("metadata", "metadata must be an object of strings")
  const metadata: Record<string, string> = {}
  for (const [key, raw] of Object.entries(value)) {
    if (raw === null || raw === undefined) continue
    const stringValue = typeof raw === "object" ? JSON.stringify(raw) : String(raw)
    if (key.length > LIMITS.metadataKeyMaxChars) throw invalidParameter("metadata", `metadata key ${key} is longer than ${LIMITS.metadataKeyMaxChars} characters`)
    if (stringValue.length > LIMITS.metadataValueMaxChars) throw invalidParameter("metadata", `metadata ${key} is longer than ${LIMITS.metadataValueMaxChars} characters`)
    metadata[key] = stringValue
  }
  return metadata
}

function parsePaymentData(value: unknown, rules: SessionRules): PaymentData {
  if (!isBlank(value) && (typeof value !== "object" || value === null || Array.isArray(value))) {
    throw invalidParameter("payment_data", "payment_data must be an object")
  }
  const given = (isBlank(value) ? {} : value) as Record<string, unknown>
  const externalOrderNum = text(given.external_order_num) ?? null
  if (externalOrderNum && rules.isOrderNumberTaken(externalOrderNum)) {
    throw unacceptableParameter("payment_data[external_order_num]", "External order num has already been taken")
  }
  const capture = text(given.capture) ?? CaptureMode.Auto
  if (capture !== CaptureMode.Auto && capture !== CaptureMode.Manual) {
    throw invalidParameter("payment_data[capture]", "payment_data[capture] must be auto or manual")
  }
  const data: PaymentData = { external_order_num: externalOrderNum, capture }
  for (const field of ["name", "name_kana"] as const) if (!isBlank(given[field])) data[field] = stringField(given[field], `payment_data[${field}]`)
  for (const field of ["billing_address", "shipping_address"] as const) {
    const address = parseAddress(given[field], `payment_data[${field}]`)
    if (address) data[field] = address
  }
  return data
}

export function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value)
  return typeof value === "string" && value.trim() ? value.trim() : undefined
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === ""
}

/** A list's `page` or `per_page`: a whole number from 1, or `fallback` when not given. */
export function pageNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === "") return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw invalidParameter(name, `${name} must be a whole number ≥ 1`)
  return number
}

/** A list's `start_time` or `end_time` (ISO 8601) in milliseconds, or null when not given. */
export function listTime(value: string | undefined, name: string): number | null {
  if (!value) return null
  const parsed = Date.parse(value)
  if (Number.isNaN(parsed)) throw invalidParameter(name, `${name} must be an ISO 8601 time`)
  return parsed
}
