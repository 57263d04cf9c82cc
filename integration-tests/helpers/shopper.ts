import Medusa from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/framework/types"
import {
  completeKomojuCheckout,
  KOMOJU_PROVIDER_ID,
  startKomojuPayment,
  type KomojuCheckoutResult,
  type StartedKomojuPayment,
} from "../../src/storefront"
import { TOKYO_ADDRESS } from "./address"

export const RETURN_URL = "http://localhost:8000/checkout/komoju-return"

/** What a shopper types on a storefront's sign-up page. */
export type ShopperAccount = { email: string; password: string; first_name: string; last_name: string }

/** GET /store/komoju/payment-methods: what the signed-in customer saved at KOMOJU. */
export type StoreSavedPaymentMethod = {
  id: string
  payment_type: string
  brand: string | null
  last_four: string | null
}

/**
 * A shopper on the storefront side, through `@medusajs/js-sdk` and the plugin's
 * storefront helper, exactly as a storefront would call Medusa.
 */
export class Shopper {
  private static carts = 0
  readonly sdk: Medusa
  /** A registered customer's e-mail, which their carts carry; guests get one per cart. */
  private email?: string

  constructor(baseUrl: string, publishableKey: string, { signedIn = false } = {}) {
    // A signed-in shopper's token stays in this object, as a browser tab keeps its own.
    const auth = signedIn ? { auth: { type: "jwt" as const, jwtTokenStorageMethod: "memory" as const } } : {}
    this.sdk = new Medusa({ baseUrl, publishableKey, ...auth })
  }

  /**
   * A shopper who signs up with e-mail and password, as on a storefront's account page
   * (Medusa's emailpass: register, create the customer, log in), and stays signed in:
   * their carts belong to their customer.
   */
  static async register(baseUrl: string, publishableKey: string, account: ShopperAccount) {
    const shopper = new Shopper(baseUrl, publishableKey, { signedIn: true })
    const { email, password, first_name, last_name } = account
    await shopper.sdk.auth.register("customer", "emailpass", { email, password })
    const { customer } = await shopper.sdk.store.customer.create({ email, first_name, last_name })
    await shopper.sdk.auth.login("customer", "emailpass", { email, password })
    shopper.email = email
    return { shopper, customer }
  }

  /** A cart with items, address and shipping, ready for payment. */
  async fillCart(
    regionId: string,
    items: { handle: string; quantity: number }[],
    countryCode = "jp"
  ): Promise<HttpTypes.StoreCart> {
    // One e-mail per cart: Medusa refuses two guest customers created at once for one address.
    const email = this.email ?? `buyer+${++Shopper.carts}@example.jp`
    const { cart } = await this.sdk.store.cart.create({ region_id: regionId, email })
    for (const item of items) {
      const { products } = await this.sdk.store.product.list({ handle: item.handle, region_id: regionId })
      await this.sdk.store.cart.createLineItem(cart.id, {
        variant_id: products[0].variants![0].id,
        quantity: item.quantity,
      })
    }
    const address = { ...TOKYO_ADDRESS, country_code: countryCode }
    await this.sdk.store.cart.update(cart.id, { shipping_address: address, billing_address: address })
    const { shipping_options } = await this.sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
    const { cart: ready } = await this.sdk.store.cart.addShippingMethod(cart.id, {
      option_id: shipping_options[0].id,
    })
    return ready
  }

  async startPayment(cartId: string, locale: "ja" | "en" = "ja"): Promise<StartedKomojuPayment> {
    const { cart } = await this.sdk.store.cart.retrieve(cartId)
    return startKomojuPayment(this.sdk, cart, { returnUrl: RETURN_URL, locale })
  }

  /**
   * A signed-in shopper pays and ticks "save this payment method": the storefront asks
   * for it in the payment session's data.
   */
  async startPaymentSavingMethod(cartId: string): Promise<{ komojuSessionId: string }> {
    const { cart } = await this.sdk.store.cart.retrieve(cartId)
    const { payment_collection } = await this.sdk.store.payment.initiatePaymentSession(cart, {
      provider_id: KOMOJU_PROVIDER_ID,
      data: { return_url: RETURN_URL, save_payment_method: true },
    })
    const session = payment_collection.payment_sessions?.find((s) => s.provider_id === KOMOJU_PROVIDER_ID)
    const komojuSessionId = session?.data?.komoju_session_id
    if (typeof komojuSessionId !== "string") throw new Error("Medusa returned no KOMOJU session")
    return { komojuSessionId }
  }

  /** The signed-in shopper's saved cards and PayPay, as the storefront's account page lists them. */
  async savedPaymentMethods(): Promise<StoreSavedPaymentMethod[]> {
    const { payment_methods } = await this.sdk.client.fetch<{ payment_methods: StoreSavedPaymentMethod[] }>(
      "/store/komoju/payment-methods"
    )
    return payment_methods
  }

  completeCheckout(cartId: string): Promise<KomojuCheckoutResult> {
    return completeKomojuCheckout(this.sdk, cartId)
  }
}
