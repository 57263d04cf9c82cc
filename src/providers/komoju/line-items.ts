import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { KomojuLineItem } from "../../lib/komoju"
import { decimalDigits } from "./money"

/** One line of what the shopper pays for, as the cart shows it: `total` in major units, tax and discounts in. */
export type CartLine = {
  description: string
  quantity: number
  total: BigNumberInput
  image?: string
  external_product_num?: string
}

/** bignumber.js's ROUND_DOWN, which its typings expose only as a class static. */
const ROUND_DOWN = 1
/** KOMOJU shows these on its page and in its dashboard; longer text is cut, not refused. */
const MAX_DESCRIPTION = 255

/**
 * The cart's lines as KOMOJU's `line_items`, adding up exactly to `amount` (minor units),
 * or undefined when they cannot: KOMOJU and the merchant's books would then disagree
 * with the shop, and no line items is better than wrong ones.
 *
 * Each line's exact total (tax maths leaves fractions of a cent or yen) is rounded down
 * or up so that the lines sum to the amount, the lines with the largest fractions going
 * up first (largest remainder), so no line is off by a whole unit. A gift card or store
 * credit that lowers the amount below the lines' sum has no line of its own (KOMOJU
 * takes no negative amounts), so such a cart gets none.
 *
 * KOMOJU's `amount` is per unit: a line whose total does not divide by its quantity is
 * sent as one line of the whole total, "× quantity" in its description.
 */
export function komojuLineItems(
  lines: readonly CartLine[] | undefined,
  amount: number,
  currency: string
): KomojuLineItem[] | undefined {
  if (!lines?.length) return undefined
  const scale = 10 ** decimalDigits(currency)
  const exact = []
  for (const line of lines) {
    const minor = minorOf(line.total, scale)
    if (!minor || minor.isNegative() || !Number.isSafeInteger(line.quantity) || line.quantity < 1) return undefined
    exact.push({ line, minor, floor: minor.integerValue(ROUND_DOWN) })
  }
  const floors = exact.reduce((sum, { floor }) => sum + floor.toNumber(), 0)
  let missing = amount - floors
  const roundUp = exact
    .map((entry, index) => ({ index, fraction: entry.minor.minus(entry.floor) }))
    .filter(({ fraction }) => !fraction.isZero())
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index)
  if (missing < 0 || missing > roundUp.length) return undefined
  const up = new Set<number>()
  for (const { index } of roundUp) {
    if (missing-- <= 0) break
    up.add(index)
  }
  return exact.map(({ line, floor }, index) => asLineItem(line, floor.toNumber() + (up.has(index) ? 1 : 0)))
}

function asLineItem(line: CartLine, totalMinor: number): KomojuLineItem {
  const divides = totalMinor % line.quantity === 0
  const description = divides || line.quantity === 1 ? line.description : `${line.description} × ${line.quantity}`
  return {
    description: description.slice(0, MAX_DESCRIPTION),
    quantity: divides ? line.quantity : 1,
    amount: divides ? totalMinor / line.quantity : totalMinor,
    ...(line.image ? { image: line.image } : {}),
    ...(line.external_product_num ? { external_product_num: line.external_product_num } : {}),
  }
}

function minorOf(total: BigNumberInput, scale: number) {
  try {
    const major = MathBN.convert(total)
    return major.isFinite() ? major.multipliedBy(scale) : undefined
  } catch {
    return undefined
  }
}
