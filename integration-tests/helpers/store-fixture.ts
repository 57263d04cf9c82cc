import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

export const KOMOJU_PROVIDER_ID = "pp_komoju_komoju"

export type StoreFixture = {
  regionId: string
  salesChannelId: string
  publishableKey: string
  storeHeaders: { headers: Record<string, string> }
}

/** A Japan region paying through KOMOJU, a sales channel and its publishable key. */
export async function createStoreFixture(
  container: MedusaContainer,
  { currency = "jpy", country = "jp" } = {}
): Promise<StoreFixture> {
  const { result: [salesChannel] } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Web" }] },
  })
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: country.toUpperCase(),
          currency_code: currency,
          countries: [country],
          payment_providers: [KOMOJU_PROVIDER_ID],
        },
      ],
    },
  })
  const { result: [apiKey] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannel.id] },
  })
  return {
    regionId: region.id,
    salesChannelId: salesChannel.id,
    publishableKey: apiKey.token,
    storeHeaders: { headers: { "x-publishable-api-key": apiKey.token } },
  }
}

/** An admin user and a bearer token for the admin API. */
export async function createAdminHeaders(
  container: MedusaContainer,
  api: { post: (url: string, body: unknown) => Promise<{ data: { token: string } }> },
  email = "admin@komoju.test",
  password = "supersecret"
) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email })
  const { authIdentity } = await authModule.register("emailpass", {
    body: { email, password },
  })
  await authModule.updateAuthIdentities({
    id: authIdentity!.id,
    app_metadata: { user_id: user.id },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}
