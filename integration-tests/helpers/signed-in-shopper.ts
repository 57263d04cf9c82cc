import Medusa from "@medusajs/js-sdk"
import { RETURN_URL, Shopper } from "./shopper"

let registered = 0

/** A registered, signed-in customer on the storefront side, through `@medusajs/js-sdk`. */
export async function signedInShopper(baseUrl: string, publishableKey: string) {
  const sdk = new Medusa({ baseUrl, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  const email = `member+${++registered}-${Date.now()}@example.jp`
  const password = "correct horse battery staple"
  await sdk.auth.register("customer", "emailpass", { email, password })
  const { customer } = await sdk.store.customer.create({ email, first_name: "太郎", last_name: "山田" })
  await sdk.auth.login("customer", "emailpass", { email, password })
  return {
    sdk,
    customer,
    email,
    /** The customer's own cart (Medusa links a cart made while signed in to the customer). */
    shopper: new Shopper(baseUrl, publishableKey, sdk),
    /** Starts the cart's KOMOJU payment session with `data` beside the return URL; the session's data. */
    async startPayment(cartId: string, data: Record<string, unknown> = {}) {
      const { cart } = await sdk.store.cart.retrieve(cartId)
      const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, {
        provider_id: "pp_komoju_komoju",
        data: { return_url: RETURN_URL, ...data },
      })
      return payment_collection.payment_sessions!.find((session) => session.provider_id === "pp_komoju_komoju")!.data as {
        komoju_session_id: string
        session_url: string
      }
    },
    async savedMethods(): Promise<{ id: string; payment_type: string; brand: string | null; last_four: string | null; month: number | null; year: number | null }[]> {
      const { payment_methods } = await sdk.client.fetch<{ payment_methods: any[] }>("/store/komoju/payment-methods")
      return payment_methods
    },
    deleteSavedMethod(id: string) {
      return sdk.client.fetch<{ id: string; deleted: boolean }>(`/store/komoju/payment-methods/${id}`, { method: "DELETE" })
    },
  }
}

export type SignedInShopper = Awaited<ReturnType<typeof signedInShopper>>
