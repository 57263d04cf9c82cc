import { komojuLocale, komojuMessages } from "./messages"
import type { StoreClientLike } from "./types"

/**
 * A card or PayPay account a signed-in customer saved at an earlier checkout, as the
 * plugin's `GET /store/komoju/payment-methods` lists it. Listed only once KOMOJU has
 * confirmed it saved (its `customer.updated` webhook), so shortly after the order is
 * placed rather than at the moment the shopper is back.
 */
export type KomojuSavedMethod = {
  id: string
  payment_type: "credit_card" | "paypay"
  /** KOMOJU's brand: visa, master, jcb, american_express, diners_club. Null for PayPay. */
  brand: string | null
  last_four: string | null
  month: number | null
  year: number | null
  created_at: string
}

const SAVED_METHODS_PATH = "/store/komoju/payment-methods"

/**
 * The signed-in customer's saved methods, newest first. Without a signed-in customer
 * Medusa answers 401, thrown as the sdk's `FetchError`.
 */
export async function listSavedMethods(sdk: StoreClientLike): Promise<KomojuSavedMethod[]> {
  const { payment_methods } = await sdk.client.fetch<{ payment_methods: KomojuSavedMethod[] }>(SAVED_METHODS_PATH)
  return payment_methods
}

export type DeletedKomojuSavedMethod = { id: string; object: "komoju_payment_method"; deleted: true }

/** Forgets a saved method, at KOMOJU too. 404 when it is not the signed-in customer's. */
export function deleteSavedMethod(sdk: StoreClientLike, id: string): Promise<DeletedKomojuSavedMethod> {
  return sdk.client.fetch<DeletedKomojuSavedMethod>(`${SAVED_METHODS_PATH}/${encodeURIComponent(id)}`, {
    method: "DELETE",
  })
}

// Brand names are not translated; KOMOJU's page writes them the same way.
const BRAND_NAMES: Record<string, string> = {
  visa: "Visa",
  master: "Mastercard",
  jcb: "JCB",
  american_express: "American Express",
  diners_club: "Diners Club",
}

/**
 * "Visa •••• 4242 (08/39)" for a card, "PayPay" for PayPay, in the shopper's language
 * (`locale`: ja, en, ko or a tag like "ko-KR"; Japanese otherwise) where a word is
 * needed: a card of no known brand is "カード •••• 4242".
 */
export function describeSavedMethod(method: KomojuSavedMethod, locale?: string | null): string {
  const t = komojuMessages[komojuLocale(locale)]
  if (method.payment_type === "paypay") return t.paypay
  const brand = method.brand ? BRAND_NAMES[method.brand] ?? method.brand : t.savedCard
  const number = method.last_four ? ` •••• ${method.last_four}` : ""
  const expiry =
    method.month && method.year ? ` (${String(method.month).padStart(2, "0")}/${String(method.year).slice(-2)})` : ""
  return `${brand}${number}${expiry}`
}

/** The one-click button's text: "Visa •••• 4242 (08/39) で支払う" / "Pay with PayPay". */
export function payWithSavedMethodLabel(method: KomojuSavedMethod, locale?: string | null): string {
  return komojuMessages[komojuLocale(locale)].payWithSavedMethod.replace("{method}", describeSavedMethod(method, locale))
}
