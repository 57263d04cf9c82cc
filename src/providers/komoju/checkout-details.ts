import type { BigNumberInput } from "@medusajs/framework/types"
import { Handoff } from "../../lib/checkout-handoff"
import type { KomojuAddress } from "../../lib/komoju"
import { isKatakanaName, NAME_KANA_METADATA_KEY, normalizeKatakanaName } from "../../lib/kana"
import type { CartLine } from "./line-items"
import type { CustomerPayment } from "./saved-methods"

/**
 * What the shop knows about a checkout that KOMOJU's page and dashboard show: the lines
 * paid for, both addresses, the buyer's name (and its katakana reading). Read from the
 * cart when the payment session is created and handed to the provider in memory (see
 * `checkout-handoff.ts`): none of it is stored in Medusa's payment session data.
 */
export type CheckoutDetails = {
  lines?: CartLine[]
  shippingAddress?: KomojuAddress
  billingAddress?: KomojuAddress
  name?: string
  nameKana?: string
  email?: string
  /** A signed-in customer saving the method, or paying with a saved one (`saved-methods.ts`). */
  customerPayment?: CustomerPayment
}

export type CartAddressForKomoju = {
  first_name?: string | null
  last_name?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  metadata?: Record<string, unknown> | null
}

/** The cart fields `checkoutDetailsFromCart` reads (as Medusa's query returns them). */
export type CartForKomoju = {
  email?: string | null
  items?: {
    title?: string | null
    variant_title?: string | null
    variant_sku?: string | null
    variant_id?: string | null
    quantity: BigNumberInput
    thumbnail?: string | null
    total?: BigNumberInput | null
  }[] | null
  shipping_methods?: { name?: string | null; total?: BigNumberInput | null }[] | null
  shipping_address?: CartAddressForKomoju | null
  billing_address?: CartAddressForKomoju | null
}

/** What Medusa names the variant of a product without options: not worth showing. */
const DEFAULT_VARIANT_TITLES = new Set(["default", "default variant"])


export function checkoutDetailsFromCart(cart: CartForKomoju): CheckoutDetails {
  const shippingAddress = komojuAddress(cart.shipping_address)
  const billingAddress = komojuAddress(cart.billing_address)
  const payer = billingAddress ? cart.billing_address : cart.shipping_address
  const details: CheckoutDetails = {
    lines: cartLines(cart),
    shippingAddress,
    billingAddress,
    name: personName(payer),
    nameKana: nameKana(cart.billing_address) ?? nameKana(cart.shipping_address),
    email: text(cart.email),
  }
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined))
}

/**
 * Items, then shipping. Item totals include tax and discounts (Medusa spreads an order
 * discount over the items), so these lines add up to the cart's total unless a gift card
 * or store credit pays part of it. Undefined when a line lacks its total.
 */
function cartLines(cart: CartForKomoju): CartLine[] | undefined {
  const lines: CartLine[] = []
  for (const item of cart.items ?? []) {
    if (item.total === null || item.total === undefined) return undefined
    const title = text(item.title) ?? "Item"
    const variant = text(item.variant_title)
    const named = variant && variant !== title && !DEFAULT_VARIANT_TITLES.has(variant.toLowerCase())
    lines.push({
      description: named ? `${title} (${variant})` : title,
      quantity: Number(item.quantity),
      total: item.total,
      image: httpUrl(item.thumbnail),
      external_product_num: text(item.variant_sku) ?? text(item.variant_id),
    })
  }
  for (const method of cart.shipping_methods ?? []) {
    if (method.total === null || method.total === undefined) return undefined
    lines.push({ description: text(method.name) ?? "Shipping", quantity: 1, total: method.total })
  }
  return lines.length ? lines : undefined
}

function komojuAddress(address: CartAddressForKomoju | null | undefined): KomojuAddress | undefined {
  if (!address || !text(address.address_1)) return undefined
  const fields: KomojuAddress = {
    name: personName(address),
    street_address1: text(address.address_1),
    street_address2: text(address.address_2),
    city: text(address.city),
    state: text(address.province),
    zipcode: text(address.postal_code),
    country: text(address.country_code)?.toUpperCase(),
  }
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
}

/** Family name first for Japan (山田 太郎), given name first elsewhere. */
export function personName(
  person: { first_name?: string | null; last_name?: string | null; country_code?: string | null } | null | undefined
): string | undefined {
  const first = text(person?.first_name)
  const last = text(person?.last_name)
  const familyFirst = !person?.country_code || person.country_code.toLowerCase() === "jp"
  const parts = familyFirst ? [last, first] : [first, last]
  return parts.filter(Boolean).join(" ") || undefined
}

/** The katakana reading, normalized (hiragana and half-width accepted); dropped if it is not katakana. */
function nameKana(address: CartAddressForKomoju | null | undefined): string | undefined {
  const value = address?.metadata?.[NAME_KANA_METADATA_KEY]
  if (typeof value !== "string") return undefined
  const normalized = normalizeKatakanaName(value)
  return isKatakanaName(normalized) ? normalized : undefined
}

function httpUrl(value: string | null | undefined): string | undefined {
  const url = text(value)
  return url && /^https?:\/\//i.test(url) ? url : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined
}

/** The details of checkouts under way, from the store middleware to `initiatePayment`. */
export const checkoutDetailsHandoff = new Handoff<CheckoutDetails>()
