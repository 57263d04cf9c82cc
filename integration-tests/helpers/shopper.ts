import Medusa from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/framework/types"
import {
  completeKomojuCheckout,
  startKomojuPayment,
  type KomojuCheckoutResult,
  type StartedKomojuPayment,
} from "../../src/storefront"
import { TOKYO_ADDRESS } from "./address"

export const RETURN_URL = "http://localhost:8000/checkout/komoju-return"

/**
 * A shopper on the storefront side, through `@medusajs/js-sdk` and the plugin's
 * storefront helper, exactly as a storefront would call Medusa.
 */
export class Shopper {
  private static carts = 0
  readonly sdk: Medusa

  /** A guest, unless given the sdk of a signed-in customer. */
  constructor(baseUrl: string, publishableKey: string, sdk?: Medusa) {
    this.sdk = sdk ?? new Medusa({ baseUrl, publishableKey })
  }

  /** A cart with items, address and shipping, ready for payment. */
  async fillCart(
    regionId: string,
    items: { handle: string; quantity: number }[],
    countryCode = "jp"
  ): Promise<HttpTypes.StoreCart> {
    // One e-mail per cart: Medusa refuses two guest customers created at once for one address.
    const email = `buyer+${++Shopper.carts}@example.jp`
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

  completeCheckout(cartId: string): Promise<KomojuCheckoutResult> {
    return completeKomojuCheckout(this.sdk, cartId)
  }
}
