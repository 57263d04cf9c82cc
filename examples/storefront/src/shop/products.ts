import { sdk } from "../medusa"
import type { Product } from "../medusa-types"

// `calculated_price` is the variant's price in the region's currency; Medusa computes it
// only when the query names a region.
const PRODUCT_FIELDS = "*variants.calculated_price"

export async function listProducts(regionId: string): Promise<Product[]> {
  const { products } = await sdk.store.product.list({
    region_id: regionId,
    fields: PRODUCT_FIELDS,
    order: "created_at",
  })
  return products
}

export async function productByHandle(handle: string, regionId: string): Promise<Product | undefined> {
  const { products } = await sdk.store.product.list({ handle, region_id: regionId, fields: PRODUCT_FIELDS })
  return products[0]
}

/** The demo's products have a single variant each: it is what the shop sells. */
export function sellableVariant(product: Product) {
  return product.variants?.[0]
}

export function variantPrice(product: Product): { amount: number; currencyCode: string } | undefined {
  const price = sellableVariant(product)?.calculated_price
  if (price?.calculated_amount == null || !price.currency_code) return undefined
  return { amount: price.calculated_amount, currencyCode: price.currency_code }
}
