// Mirror of dtc-starter's src/lib/data/cart.ts (the part the drop-ins use).
import { sdk } from "@lib/config"
import { HttpTypes } from "@medusajs/types"

export declare function medusaError(error: unknown): never

export async function initiatePaymentSession(
  cart: HttpTypes.StoreCart,
  data: HttpTypes.StoreInitializePaymentSession
) {
  return sdk.store.payment
    .initiatePaymentSession(cart, data, {}, {})
    .then(async (resp) => resp)
    .catch(medusaError)
}
