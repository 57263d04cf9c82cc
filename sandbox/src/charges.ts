import type { Params } from "./body"
import { declineReason } from "./card"
import type { Clock } from "./clock"
import type { SandboxConfig } from "./config"
import { DEFAULT_LOCALE, ErrorCode, EventType, isDeclineReason, LOCALES, PaymentStatus, THREE_D_SECURE_REQUIRED, type Locale } from "./constants"
import { isCurrency, type CurrencyCode } from "./currencies"
import type { Customers } from "./customers"
import { ApiError, invalidParameter, missingParameter, unacceptableParameter, unprocessable } from "./errors"
import { komojuId } from "./ids"
import { buildPaymentDetails } from "./payment-details"
import { kindOf, type PaymentTypeCode } from "./payment-types"
import type { EmitEvent, Payments } from "./payments"
import { CHALLENGE_CARDS, type SecureTokens } from "./secure-tokens"
import type { Store } from "./store"
import type { Payment } from "./types"
import { parseMetadata, parseMinorAmount, text } from "./validation"

export type ChargesDeps = {
  store: Store
  clock: Clock
  payments: Payments
  customers: Customers
  secureTokens: SecureTokens
  emit: EmitEvent
  publicUrl: () => string
  config: () => SandboxConfig
}

/**
 * `POST /payments` without a session (komoju-node-sdk `CreatePaymentRequest`): a saved
 * customer charged with `customer` (SDK `CreatePaymentRequestWithCustomer`), or a card
 * that passed 3-D Secure, with the secure token's id as `payment_details`.
 */
export class Charges {
  constructor(private readonly deps: ChargesDeps) {}

  create(params: Params, scenario: string | null): Payment {
    const { store, customers, secureTokens, config } = this.deps
    if (params.amount === undefined || params.amount === "") throw missingParameter("amount")
    const currency = text(params.currency)
    if (!currency) throw missingParameter("currency")
    const customerId = text(params.customer) ?? null
    const details = params.payment_details
    const hasDetails = details !== undefined && details !== null && details !== ""
    if (!customerId && !hasDetails) throw missingParameter("payment_details")
    if (customerId && hasDetails) throw invalidParameter("customer", "Give customer or payment_details, not both")
    const amount = parseMinorAmount(params.amount, "amount")
    const capture = parseCapture(params.capture)
    const locale = text(params.locale) ?? DEFAULT_LOCALE
    if (!(LOCALES as readonly string[]).includes(locale)) throw invalidParameter("locale", `locale must be one of ${LOCALES.join(", ")}`)
    const metadata = parseMetadata(params.metadata)
    const tax = params.tax === undefined || params.tax === "" ? 0 : wholeAtLeastZero(params.tax, "tax")
    const description = text(params.description) ?? null
    const orderNumber = text(params.external_order_num) ?? null
    if (!isCurrency(currency)) throw new ApiError(422, ErrorCode.InvalidCurrency, `${currency} is not a supported currency (ISO 4217, upper case)`, "currency")
    if (orderNumber && store.orderNumbers.has(orderNumber)) throw unacceptableParameter("external_order_num", "External order num has already been taken")

    let type: PaymentTypeCode
    let card: { number: string; month: number; year: number } | undefined
    let email: string | null
    let customer: string | null = null
    let tokenId: string | null = null
    if (customerId) {
      const record = customers.has(customerId) ? customers.get(customerId) : null
      if (!record) throw new ApiError(404, ErrorCode.NotFound, `Customer ${customerId} was not found`, "customer")
      if (!record.source) throw unacceptableParameter("customer", `Customer ${customerId} has no saved payment method`)
      customer = record.id
      email = record.email
      type = record.source.type as PaymentTypeCode
      if (kindOf(type) === "card") {
        card = { number: record.card_number ?? "", month: record.source.month ?? 12, year: record.source.year ?? 2099 }
        const rule = config().saved_card_three_d_secure
        if (rule === "all" || (rule === "challenge_cards" && CHALLENGE_CARDS.includes(card.number))) {
          throw new ApiError(402, THREE_D_SECURE_REQUIRED, `The card of customer ${customerId} needs 3-D Secure: create a secure token with the customer, let the shopper pass it, then pay with the token as payment_details`, "customer")
        }
      }
    } else {
      if (typeof details !== "string") {
        throw unprocessable("The sandbox takes payment_details as a secure token id only (raw payment details are not simulated)", "payment_details")
      }
      const token = secureTokens.consume(details, amount, currency)
      tokenId = token.id
      type = "credit_card"
      card = { number: token.card_number, month: token.month, year: token.year }
      email = token.email
      customer = token.customer
    }

    // A card 3-D Secure already decided does not decline for it again.
    const cardDecline = card ? declineReason(card.number) : null
    const declined = isDeclineReason(scenario) ? scenario : tokenId && cardDecline === "three_d_secure_failed" ? null : cardDecline
    if (declined && config().direct_charge_decline === "error") throw new ApiError(402, declined, `The payment was declined (${declined})`)

    const id = komojuId()
    const status = declined ? PaymentStatus.Failed : kindOf(type) === "card" && !capture ? PaymentStatus.Authorized : PaymentStatus.Captured
    const payment = this.deps.payments.insert({
      id,
      charge: { currency: currency as CurrencyCode, amount, tax, payment_method_fee: 0, total: amount + tax },
      status,
      details: buildPaymentDetails({ type, paymentId: id, email, card, publicUrl: this.deps.publicUrl(), deadline: null }),
      deadline: null,
      customer,
      session: null,
      external_order_num: orderNumber,
      metadata,
      locale: locale as Locale,
      description,
    })
    if (orderNumber) store.orderNumbers.add(orderNumber)
    if (tokenId) store.secureTokens.get(tokenId)!.payment = payment.id
    store.save()
    if (declined) {
      if (config().payment_failed_on_decline) this.deps.emit(EventType.PaymentFailed, payment, declined)
      return payment
    }
    this.deps.emit(status === PaymentStatus.Captured ? EventType.PaymentCaptured : EventType.PaymentAuthorized, payment)
    return payment
  }
}

/** The SDK's `capture` is a boolean (true when omitted); a form sends "true" / "false". */
function parseCapture(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true
  if (value === true || value === "true") return true
  if (value === false || value === "false") return false
  throw invalidParameter("capture", "capture must be true or false")
}

function wholeAtLeastZero(value: unknown, param: string): number {
  const number = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(number) || number < 0) throw invalidParameter(param, `${param} must be a whole number ≥ 0`)
  return number
}
