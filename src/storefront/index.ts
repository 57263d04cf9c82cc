import { paymentInstructions, type KomojuPaymentInstructions } from "./instructions"
import type {
  CartLike,
  KomojuLocale,
  OrderLike,
  PaymentCollectionLike,
  PaymentSessionLike,
  PaymentSessionStarterLike,
  StoreSdkLike,
} from "./types"

export * from "./types"
export * from "./instructions"
export * from "./messages"
export * from "./name-kana"
export * from "./saved-methods"

/**
 * Storefront helper for KOMOJU's hosted page, for any framework. With
 * `@medusajs/js-sdk`:
 *
 *   const { sessionUrl } = await startKomojuPayment(sdk, cart, { returnUrl })
 *   window.location.assign(sessionUrl)
 *   // …KOMOJU sends the shopper back to returnUrl?session_id=…
 *   const result = await completeKomojuCheckout(sdk, cartId)
 *
 * A signed-in customer can save the card or PayPay they pay with (`savePaymentMethod`),
 * and pay with it next time in one click: `listSavedMethods(sdk)`, then
 * `payWithSavedMethod(sdk, cart, method.id, { returnUrl })` and the same redirect.
 */

export const KOMOJU_PROVIDER_ID = "pp_komoju_komoju"

export type StartKomojuPaymentOptions = {
  /** Where KOMOJU sends the shopper back; it appends `?session_id=…`. */
  returnUrl: string
  locale?: KomojuLocale
  /** Narrows the methods the store offers (never widens them). */
  paymentTypes?: string[]
  /**
   * A signed-in customer asks to keep the card or PayPay they pay with now for one-click
   * next time (ignored for guests). KOMOJU can save only those two, so its page then
   * offers only them: say so next to the checkbox (`komojuMessages[…].savePaymentMethodHint`).
   */
  savePaymentMethod?: boolean
  /** Only when the provider was registered with another id than `komoju`. */
  providerId?: string
}

export type PayWithSavedMethodOptions = Pick<StartKomojuPaymentOptions, "returnUrl" | "locale" | "providerId">

export type StartedKomojuPayment = {
  /** KOMOJU's hosted page: redirect the shopper here. */
  sessionUrl: string
  paymentSessionId: string
  komojuSessionId: string
  paymentCollection: PaymentCollectionLike
}

export class KomojuCheckoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "KomojuCheckoutError"
  }
}

/** Creates (or replaces) the cart's KOMOJU payment session and returns the hosted page URL. */
export function startKomojuPayment(
  sdk: PaymentSessionStarterLike,
  cart: CartLike,
  options: StartKomojuPaymentOptions
): Promise<StartedKomojuPayment> {
  const data = {
    return_url: options.returnUrl,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.paymentTypes ? { payment_types: options.paymentTypes } : {}),
    ...(options.savePaymentMethod ? { save_payment_method: true } : {}),
  }
  return initiateKomojuSession(sdk, cart, data, options.providerId)
}

/**
 * As `startKomojuPayment`, paying with one of the signed-in customer's saved methods
 * (`listSavedMethods`): KOMOJU's page opens with that card or PayPay preselected behind
 * one button, and runs 3-D Secure itself when the card needs it; the return and
 * `completeKomojuCheckout` are as for any card payment. A method that is not the
 * customer's (deleted meanwhile, or another customer's) fails with Medusa's 404.
 */
export function payWithSavedMethod(
  sdk: PaymentSessionStarterLike,
  cart: CartLike,
  savedMethodId: string,
  options: PayWithSavedMethodOptions
): Promise<StartedKomojuPayment> {
  const data = {
    return_url: options.returnUrl,
    komoju_saved_method_id: savedMethodId,
    ...(options.locale ? { locale: options.locale } : {}),
  }
  return initiateKomojuSession(sdk, cart, data, options.providerId)
}

async function initiateKomojuSession(
  sdk: PaymentSessionStarterLike,
  cart: CartLike,
  data: Record<string, unknown>,
  providerId = KOMOJU_PROVIDER_ID
): Promise<StartedKomojuPayment> {
  const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, { provider_id: providerId, data })
  const session = komojuSessionOf(payment_collection, providerId)
  const sessionUrl = session?.data?.session_url
  if (!session || typeof sessionUrl !== "string") {
    throw new KomojuCheckoutError("Medusa returned no KOMOJU session to redirect to")
  }
  return {
    sessionUrl,
    paymentSessionId: session.id,
    komojuSessionId: String(session.data?.komoju_session_id ?? ""),
    paymentCollection: payment_collection,
  }
}

/**
 * Reads the URL the shopper came back to: KOMOJU's `session_id`, and the cart's id when
 * the return URL names it as `cart_id` (the plugin's `returnUrl` option adds it; a
 * storefront sending its own return URL can too). A cart id from the URL is the one to
 * complete: KOMOJU's webhook may place the order before the shopper is back, and a
 * storefront that forgets completed carts (or whose SameSite=Strict cart cookie the
 * cross-site return does not carry) no longer has it stored.
 */
export function readKomojuReturn(url: string | URL): { komojuSessionId: string | null; cartId: string | null } {
  const parsed = typeof url === "string" ? new URL(url, "http://return.invalid") : url
  return { komojuSessionId: parsed.searchParams.get("session_id"), cartId: parsed.searchParams.get("cart_id") }
}

export type KomojuCheckoutResult =
  /** Paid by card or wallet: captured, or authorized for a later capture. */
  | { status: "paid"; order: OrderLike }
  /** Konbini, bank transfer, Pay-easy: the order is placed, the shopper pays at the counter. */
  | { status: "awaiting_payment"; order: OrderLike; instructions: KomojuPaymentInstructions }
  /** "Back to merchant" on the hosted page: start a new payment session to retry. */
  | { status: "cancelled"; cart: CartLike; message: string }
  /** Declined or failed: start a new payment session to retry. */
  | { status: "failed"; cart: CartLike; message: string }
  /** KOMOJU has no result yet (the shopper has not finished paying). */
  | { status: "pending"; cart: CartLike; message: string }

const CART_PAYMENT_FIELDS = "id,*payment_collection,*payment_collection.payment_sessions"
const COMPLETION_ATTEMPTS = 5
const CONFLICT_PAUSE_MS = 1000

/**
 * Completes the cart after the shopper returns and tells the outcomes apart. Safe to
 * call again (a refresh, or after KOMOJU's webhook already placed the order): Medusa
 * returns the existing order. When the webhook is completing the same cart at that very
 * moment, Medusa answers 409; the helper waits and asks again.
 */
export async function completeKomojuCheckout(
  sdk: StoreSdkLike,
  cartId: string,
  { providerId = KOMOJU_PROVIDER_ID, pauseMs = CONFLICT_PAUSE_MS }: { providerId?: string; pauseMs?: number } = {}
): Promise<KomojuCheckoutResult> {
  let message = "The payment was not completed"
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await sdk.store.cart.complete(cartId)
      if (response.type === "order") return describeOrder(sdk, cartId, response.order, providerId)
      message = response.error?.message ?? message
      break
    } catch (error) {
      const status = httpStatus(error)
      if (status === 409 && attempt < COMPLETION_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, pauseMs))
        continue
      }
      // Medusa answers 400 when KOMOJU reports no payment; the session says why.
      if (status !== 400) throw error
      message = error instanceof Error ? error.message : String(error)
      break
    }
  }
  const { cart } = await sdk.store.cart.retrieve(cartId, { fields: CART_PAYMENT_FIELDS })
  const session = cart.payment_collection && komojuSessionOf(cart.payment_collection, providerId)
  switch (session?.status) {
    case "canceled":
      return { status: "cancelled", cart, message }
    case "pending":
    case "requires_more":
      return { status: "pending", cart, message }
    default:
      return { status: "failed", cart, message }
  }
}

async function describeOrder(
  sdk: StoreSdkLike,
  cartId: string,
  order: OrderLike,
  providerId: string
): Promise<KomojuCheckoutResult> {
  const collection = order.payment_collections?.find(Boolean)
  // Authorized or captured money means paid; an order without it awaits cash.
  if (Number(collection?.captured_amount ?? 0) > 0 || Number(collection?.authorized_amount ?? 0) > 0) {
    return { status: "paid", order }
  }
  const session = await komojuSessionOfCart(sdk, cartId, providerId)
  return { status: "awaiting_payment", order, instructions: paymentInstructions(session?.data) }
}

/** The HTTP status of a failed store call (js-sdk's FetchError carries `status`). */
function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

async function komojuSessionOfCart(sdk: StoreSdkLike, cartId: string, providerId: string) {
  const { cart } = await sdk.store.cart.retrieve(cartId, { fields: CART_PAYMENT_FIELDS })
  return cart.payment_collection ? komojuSessionOf(cart.payment_collection, providerId) : undefined
}

function komojuSessionOf(
  collection: PaymentCollectionLike,
  providerId: string
): PaymentSessionLike | undefined {
  return collection.payment_sessions?.find((session) => session.provider_id === providerId)
}
