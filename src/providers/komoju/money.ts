import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { KOMOJU_CURRENCIES, isKomojuCurrency, type KomojuCurrency } from "../../lib/komoju"

/** bignumber.js's ROUND_HALF_UP, which its typings expose only as a class static. */
const ROUND_HALF_UP = 4

/**
 * The upper-case KOMOJU currency for a Medusa currency code, or a MedusaError that says
 * KOMOJU cannot take it. Guessing the exponent of an unknown currency would move money
 * by a factor of 100, so nothing is sent.
 */
export function komojuCurrency(currencyCode: unknown, field = "currency_code"): KomojuCurrency {
  if (typeof currencyCode !== "string" || !currencyCode.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} is required to pay with KOMOJU`)
  }
  const upper = currencyCode.trim().toUpperCase()
  if (!isKomojuCurrency(upper)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `KOMOJU does not accept ${upper}; it takes ${Object.keys(KOMOJU_CURRENCIES).join(", ")}`
    )
  }
  return upper
}

export function decimalDigits(currency: string): 0 | 2 {
  return KOMOJU_CURRENCIES[komojuCurrency(currency)]
}

/**
 * Major units as Medusa gives them (number, string, BigNumber, or a raw `{value}`) to
 * KOMOJU's integer minor units. Decimal arithmetic throughout, so 19.99 USD is 1999,
 * never 1998.9999; a sub-unit remainder (from tax maths) is rounded half up, as the
 * amount the shopper sees is. What would reach KOMOJU as zero or less is refused: KOMOJU
 * reads a refund without an amount as a refund of everything. Only a line item (a free
 * gift, free shipping) may be zero, with `allowZero`. An amount a person typed, which
 * no tax maths explains, is refused rather than rounded when it is finer than the
 * currency's smallest unit, with `exact`.
 */
export function toMinorUnits(
  amount: BigNumberInput | null | undefined,
  currency: string,
  field = "amount",
  { allowZero = false, exact = false } = {}
): number {
  const upper = komojuCurrency(currency)
  let major: ReturnType<typeof MathBN.convert> | undefined
  try {
    // MathBN reads a missing amount as 0; here it is a mistake, not a zero.
    major = amount === null || amount === undefined ? undefined : MathBN.convert(amount)
  } catch {
    major = undefined
  }
  if (!major || !major.isFinite()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must be a number of ${upper}, got ${describe(amount)}`)
  }
  const scaled = major.multipliedBy(10 ** KOMOJU_CURRENCIES[upper])
  if (exact && !scaled.isInteger()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} ${major.toFixed()} ${upper} is finer than ${upper}'s smallest unit; nothing was sent to KOMOJU`
    )
  }
  const minor = scaled.integerValue(ROUND_HALF_UP)
  const value = minor.toNumber()
  if (!Number.isSafeInteger(value)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} ${major.toFixed()} ${upper} is out of range`)
  }
  if (value < 0 || (value === 0 && !allowZero)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} ${major.toFixed()} ${upper} is less than KOMOJU's smallest unit of ${upper}; nothing was sent to KOMOJU`
    )
  }
  return value
}

/** KOMOJU's integer minor units back to Medusa's major units, exactly. */
export function fromMinorUnits(minor: number, currency: string): BigNumber {
  return new BigNumber(MathBN.div(minor, 10 ** decimalDigits(currency)))
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null) return JSON.stringify(value).slice(0, 60)
  return JSON.stringify(value) ?? String(value)
}
