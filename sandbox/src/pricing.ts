import type { SandboxConfig } from "./config"
import { minorUnitsPerMajor, type CurrencyCode } from "./currencies"
import { KONBINI_BRANDS, type PaymentTypeCode } from "./payment-types"
import type { PaymentMethod, SessionRecord } from "./types"

/** A method that charges in another currency than the session's (`cross_currency` setting). */
export type CrossCurrency = { currency: CurrencyCode; exchange_rate: number }

/** What a payment made with one of a session's methods charges, in minor units of `currency`. */
export type Charge = { currency: CurrencyCode; amount: number; tax: number; payment_method_fee: number; total: number }

/** The currency a method charges in for a session in `sessionCurrency`. */
export function chargeCurrency(type: PaymentTypeCode, sessionCurrency: CurrencyCode, config: SandboxConfig): CurrencyCode {
  return config.cross_currency[type]?.currency ?? sessionCurrency
}

/**
 * A session amount in another currency: major units × exchange_rate, rounded half up to
 * the target's smallest unit. KOMOJU does not publish its rounding; this is the sandbox's.
 */
export function convert(amount: number, from: CurrencyCode, to: CurrencyCode, rate: number): number {
  return Math.round((amount * rate * minorUnitsPerMajor(to)) / minorUnitsPerMajor(from))
}

/**
 * A session's `payment_methods` entry: konbini lists its chains (as in KOMOJU's session
 * sample); `customer_fee` appears when the method adds a fee, in the currency it charges
 * in (a name the SDK's PaymentMethod model lacks); `amount`, `currency` and
 * `exchange_rate` (the SDK's names) appear when it charges in another currency.
 */
export function paymentMethodEntry(type: PaymentTypeCode, amount: number, currency: CurrencyCode, config: SandboxConfig): PaymentMethod {
  const entry: PaymentMethod = { type }
  if (type === "konbini") entry.brands = { ...KONBINI_BRANDS }
  const fee = config.payment_method_fees[type]
  if (fee !== undefined) entry.customer_fee = fee
  const cross = config.cross_currency[type]
  if (cross && cross.currency !== currency) {
    entry.amount = convert(amount, currency, cross.currency, cross.exchange_rate)
    entry.currency = cross.currency
    entry.exchange_rate = cross.exchange_rate
  }
  return entry
}

/**
 * `total = amount + tax + payment_method_fee` (KOMOJU: amount is before tax, the fee is
 * the customer's). Tax is `tax_rate` of the amount, rounded down: KOMOJU sessions take no
 * tax, so the rate and its rounding are the sandbox's.
 */
export function chargeFor(session: SessionRecord, method: PaymentMethod): Charge {
  const currency = (method.currency ?? session.currency) as CurrencyCode
  const amount = method.amount ?? session.amount
  const tax = Math.floor(amount * session.tax_rate)
  const fee = method.customer_fee ?? 0
  return { currency, amount, tax, payment_method_fee: fee, total: amount + tax + fee }
}
