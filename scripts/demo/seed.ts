import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { writeFileSync } from "node:fs"

export const KOMOJU_PROVIDER_ID = "pp_komoju_komoju"
export const DEMO_ADMIN = { email: "admin@komoju.test", password: "supersecret" }
const PUBLISHABLE_KEY_TITLE = "KOMOJU demo storefront"

export type DemoStore = {
  publishableKey: string
  salesChannelId: string
  stockLocationId: string
  regions: { jp: string; us: string }
  admin: typeof DEMO_ADMIN
}

/**
 * A small Japanese store selling in JPY and USD through KOMOJU: regions, tax regions,
 * a warehouse with stock, shipping, three products, a publishable key and an admin.
 * Safe to run again: an already seeded database is only read.
 */
export async function seedDemoStore(container: MedusaContainer): Promise<DemoStore> {
  const existing = await readDemoStore(container)
  if (existing) return existing

  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeModule = container.resolve(Modules.STORE)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  const [store] = await storeModule.listStores()
  const salesChannelId = store.default_sales_channel_id!
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "KOMOJU 茶舗",
        supported_currencies: [
          { currency_code: "jpy", is_default: true },
          { currency_code: "usd" },
        ],
      },
    },
  })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "Japan", currency_code: "jpy", countries: ["jp"], payment_providers: [KOMOJU_PROVIDER_ID] },
        { name: "United States", currency_code: "usd", countries: ["us"], payment_providers: [KOMOJU_PROVIDER_ID] },
      ],
    },
  })
  const [japan, unitedStates] = regions
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "jp", provider_id: "tp_system" }, { country_code: "us", provider_id: "tp_system" }],
  })

  const { result: [location] } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Tokyo warehouse", address: { city: "Tokyo", country_code: "JP", address_1: "1-1 Marunouchi" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannelId] },
  })

  const profiles = await fulfillmentModule.listShippingProfiles({ type: "default" })
  const shippingProfile =
    profiles[0] ??
    (await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default", type: "default" }] },
    })).result[0]

  const fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
    name: "Tokyo delivery",
    type: "shipping",
    service_zones: [
      {
        name: "Japan and United States",
        geo_zones: [
          { country_code: "jp", type: "country" },
          { country_code: "us", type: "country" },
        ],
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard (宅配便)",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "2-3 days", code: "standard" },
        prices: [
          { currency_code: "jpy", amount: 500 },
          { currency_code: "usd", amount: 4.5 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        product("matcha", "抹茶 Uji Matcha 30g", "Stone-ground first-flush matcha from Uji.", "MATCHA-30", 1200, 11.99),
        product("sencha", "煎茶 Shizuoka Sencha 100g", "Deep-steamed sencha from Shizuoka.", "SENCHA-100", 1800, 16.5),
        product("furoshiki", "風呂敷 Furoshiki", "Cotton wrapping cloth, 70 cm.", "FUROSHIKI-70", 2500, 22),
      ].map((p) => ({ ...p, shipping_profile_id: shippingProfile.id, sales_channels: [{ id: salesChannelId }] })),
    },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { product_id: products.map((p) => p.id) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.flatMap((variant) =>
        (variant.inventory_items ?? []).map((item: { inventory_item_id: string } | null) => ({
          location_id: location.id,
          inventory_item_id: item!.inventory_item_id,
          stocked_quantity: 100,
        }))
      ),
    },
  })

  const { result: [apiKey] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannelId] },
  })

  await createAdmin(container)

  return {
    publishableKey: apiKey.token,
    salesChannelId,
    stockLocationId: location.id,
    regions: { jp: japan.id, us: unitedStates.id },
    admin: DEMO_ADMIN,
  }
}

function product(handle: string, title: string, description: string, sku: string, jpy: number, usd: number) {
  return {
    title,
    handle,
    description,
    status: ProductStatus.PUBLISHED,
    options: [{ title: "Default", values: ["Default"] }],
    variants: [
      {
        title: "Default",
        sku,
        options: { Default: "Default" },
        manage_inventory: true,
        prices: [
          { currency_code: "jpy", amount: jpy },
          { currency_code: "usd", amount: usd },
        ],
      },
    ],
  }
}

async function readDemoStore(container: MedusaContainer): Promise<DemoStore | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["token", "sales_channels.id"],
    filters: { title: PUBLISHABLE_KEY_TITLE },
  })
  if (!keys.length) return undefined
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
  const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
  return {
    publishableKey: keys[0].token,
    salesChannelId: keys[0].sales_channels?.[0]?.id ?? "",
    stockLocationId: locations[0]?.id ?? "",
    regions: {
      jp: regions.find((r) => r.currency_code === "jpy")?.id ?? "",
      us: regions.find((r) => r.currency_code === "usd")?.id ?? "",
    },
    admin: DEMO_ADMIN,
  }
}

async function createAdmin(container: MedusaContainer) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email: DEMO_ADMIN.email, first_name: "Demo", last_name: "Admin" })
  const { authIdentity } = await authModule.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  })
  await authModule.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: user.id } })
}

/** `medusa exec ./scripts/demo/seed.ts`: seeds, then writes what the demo needs to know. */
export default async function seedDemo({ container }: ExecArgs) {
  const demo = await seedDemoStore(container)
  const out = process.env.DEMO_STORE_FILE
  if (out) writeFileSync(out, JSON.stringify(demo, null, 2))
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`demo store ready (publishable key ${demo.publishableKey})`)
}
