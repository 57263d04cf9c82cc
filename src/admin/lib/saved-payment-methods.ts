/**
 * How the customer page names a saved payment method: what a customer would recognise
 * from their own card or app, never KOMOJU's ids.
 */
import type { KomojuSavedPaymentMethod } from "./types"

/** KOMOJU's card brand ids, as printed on the cards (the hosted page uses the same names). */
const BRAND_NAMES: Record<string, string> = {
  visa: "Visa",
  master: "Mastercard",
  jcb: "JCB",
  american_express: "American Express",
  diners_club: "Diners Club",
}

/** "visa" → "Visa"; a brand KOMOJU adds later reads as its id with spaces, not as nothing. */
export function cardBrandName(brand: string): string {
  return BRAND_NAMES[brand] ?? brand.replace(/_/g, " ").replace(/\b\w/g, (c) => c.toUpperCase())
}

/** Month 8 of 2039 → "08/39", as printed on a card; null when KOMOJU sent no expiry. */
export function cardExpiry(month: number | null, year: number | null): string | null {
  if (!month || !year) return null
  return `${String(month).padStart(2, "0")}/${String(year % 100).padStart(2, "0")}`
}

export type SavedMethodDisplay =
  | { kind: "card"; name: string; lastFour: string | null; expiry: string | null }
  | { kind: "paypay" }

export function describeSavedMethod(method: KomojuSavedPaymentMethod): SavedMethodDisplay {
  if (method.payment_type === "paypay") return { kind: "paypay" }
  return {
    kind: "card",
    name: method.brand ? cardBrandName(method.brand) : "",
    lastFour: method.last_four,
    expiry: cardExpiry(method.month, method.year),
  }
}

/**
 * One line for a person: "Visa •••• 4242", or "PayPay" (the same in Japanese). The list
 * and the removal's confirmation both say it; `cardName` stands in for a missing brand.
 */
export function savedMethodTitle(display: SavedMethodDisplay, cardName: string): string {
  if (display.kind === "paypay") return "PayPay"
  const name = display.name || cardName
  return display.lastFour ? `${name} •••• ${display.lastFour}` : name
}
