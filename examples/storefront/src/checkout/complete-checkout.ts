import { completeKomojuCheckout, type KomojuCheckoutResult } from "../../../../src/storefront"
import { sdk } from "../medusa"

/**
 * The shopper is back from KOMOJU: the helper completes the cart and tells paid,
 * awaiting cash, cancelled, failed and not-yet-paid apart (and waits out the moment when
 * KOMOJU's webhook is completing the same cart).
 */
export function completeCheckout(cartId: string): Promise<KomojuCheckoutResult> {
  return completeKomojuCheckout(sdk, cartId)
}
