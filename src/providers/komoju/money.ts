import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/** KOMOJU's zero-decimal currencies; every other currency it supports has two decimals. */
const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set(["JPY", "KRW", "VND"])

/** bignumber.js's ROUND_HALF_UP, which its typings expose only as a class static. */
const ROUND_HALF_UP = 4

export function decimalDigits(currency: string): 0 | 2 {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2
}

/**
 * Major units as Medusa gives them (number, string, BigNumber, or a raw `{value}`) to
 * KOMOJU's integer minor units. Decimal arithmetic throughout, so 19.99 USD is 1999,
 * never 1998.9999. Sub-unit remainders (from tax maths) are rounded half-up, as the
 * amount the shopper sees is.
 */
export function toMinorUnits(amount: BigNumberInput, currency: string): number {
  const minor = MathBN.mult(MathBN.convert(amount), 10 ** decimalDigits(currency))
  const rounded = minor.integerValue(ROUND_HALF_UP)
  const value = rounded.toNumber()
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`amount ${minor.toFixed()} ${currency} is out of range`)
  }
  return value
}

/** KOMOJU's integer minor units back to Medusa's major units, exactly. */
export function fromMinorUnits(minor: number, currency: string): BigNumber {
  return new BigNumber(MathBN.div(minor, 10 ** decimalDigits(currency)))
}
