import type { sdk } from "./medusa"

/**
 * Medusa's store API types, read off the SDK's own signatures so the app needs no
 * direct dependency on `@medusajs/types`.
 */
type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>

export type Region = Result<typeof sdk.store.region.retrieve>["region"]
export type Product = Result<typeof sdk.store.product.retrieve>["product"]
export type Cart = Result<typeof sdk.store.cart.retrieve>["cart"]
export type CartUpdate = Parameters<typeof sdk.store.cart.update>[1]
export type ShippingOption = Result<typeof sdk.store.fulfillment.listCartOptions>["shipping_options"][number]
export type Order = Result<typeof sdk.store.order.retrieve>["order"]
export type Customer = Result<typeof sdk.store.customer.retrieve>["customer"]
