// The bare app's seed, run there with `medusa exec`: the least a store needs to sell in
// Japan through KOMOJU (the provider enabled on a JPY region, stock, shipping, one
// product, a publishable key). It imports Medusa from the bare app's node_modules only.
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { writeFileSync } from "node:fs"

export default async function seed({ container }: ExecArgs) {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [store] = await container.resolve(Modules.STORE).listStores()
  const salesChannelId = store.default_sales_channel_id!

  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { supported_currencies: [{ currency_code: "jpy", is_default: true }] } },
  })
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Japan", currency_code: "jpy", countries: ["jp"], payment_providers: ["pp_komoju_komoju"] }] },
  })

  const { result: [location] } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Tokyo", address: { city: "Tokyo", country_code: "JP", address_1: "1-1 Marunouchi" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })

  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Japan delivery",
    type: "shipping",
    service_zones: [{ name: "Japan", geo_zones: [{ country_code: "jp", type: "country" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "2-3 days", code: "standard" },
        prices: [{ currency_code: "jpy", amount: 500 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const { result: [product] } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Matcha 30g",
          handle: "matcha",
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profile.id,
          sales_channels: [{ id: salesChannelId }],
          options: [{ title: "Default", values: ["Default"] }],
          variants: [{ title: "Default", sku: "MATCHA-30", options: { Default: "Default" }, prices: [{ currency_code: "jpy", amount: 1200 }] }],
        },
      ],
    },
  })
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { product_id: product.id },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.flatMap((variant) =>
        (variant.inventory_items ?? []).map((item: { inventory_item_id: string } | null) => ({ location_id: location.id, inventory_item_id: item!.inventory_item_id, stocked_quantity: 10 }))
      ),
    },
  })

  const { result: [apiKey] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannelId] } })

  writeFileSync(process.env.SEED_OUTPUT!, JSON.stringify({ regionId: region.id, variantId: variants[0].id, publishableKey: apiKey.token }))
}
