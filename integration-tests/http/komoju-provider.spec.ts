import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { startSandbox, type Sandbox } from "../../sandbox/src"
import { freePortSync } from "../helpers/free-port"
import { createStoreFixture, KOMOJU_PROVIDER_ID } from "../helpers/store-fixture"

// medusa-config.ts points the provider at the sandbox on this port.
const sandboxPort = freePortSync()
process.env.KOMOJU_SANDBOX_PORT = String(sandboxPort)
process.env.MEDUSA_ADMIN_DISABLED = "true"
// The provider's `returnUrl` option (medusa-config.ts reads it), for a payment step that
// sends no return URL of its own, as Medusa's starters do.
const OPTION_RETURN_URL = "http://localhost:8000/api/komoju/return"
process.env.KOMOJU_RETURN_URL = OPTION_RETURN_URL

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox

    beforeAll(async () => {
      sandbox = await startSandbox({ port: sandboxPort })
    })

    afterAll(async () => {
      await sandbox?.close()
    })

    /** A cart in a region that enables KOMOJU, with its payment collection. */
    async function cartWithCollection(cartInput: { email: string; locale?: string; items: { title: string; unit_price: number; quantity: number }[] }) {
      const container = getContainer()
      const store = await createStoreFixture(container)
      const { result: cart } = await createCartWorkflow(container).run({
        input: { region_id: store.regionId, sales_channel_id: store.salesChannelId, ...cartInput },
      })
      const {
        data: { payment_collection: collection },
      } = await api.post("/store/payment-collections", { cart_id: cart.id }, store.storeHeaders)
      return { store, cart, collection }
    }

    /** The session as KOMOJU holds it. */
    async function komojuSession(id: string) {
      const response = await fetch(`${sandbox.apiUrl}/sessions/${id}`, {
        headers: { authorization: `Basic ${Buffer.from("sk_test_sandbox:").toString("base64")}` },
      })
      return response.json()
    }

    it("registers the KOMOJU provider as pp_komoju_komoju", async () => {
      const paymentModule = getContainer().resolve(Modules.PAYMENT)
      const providers = await paymentModule.listPaymentProviders({ id: KOMOJU_PROVIDER_ID })
      expect(providers).toEqual([expect.objectContaining({ id: KOMOJU_PROVIDER_ID, is_enabled: true })])
    })

    it("offers KOMOJU to a storefront in a region that enables it", async () => {
      const store = await createStoreFixture(getContainer())
      const { data } = await api.get(
        `/store/payment-providers?region_id=${store.regionId}`,
        store.storeHeaders
      )
      expect(data.payment_providers.map((p: { id: string }) => p.id)).toContain(KOMOJU_PROVIDER_ID)
    })

    it("creates a KOMOJU session for the cart, whatever cart id the client claims", async () => {
      const { store, cart, collection } = await cartWithCollection({
        email: "buyer@example.jp",
        items: [{ title: "抹茶", unit_price: 1200, quantity: 2 }],
      })

      const { data } = await api.post(
        `/store/payment-collections/${collection.id}/payment-sessions`,
        {
          provider_id: KOMOJU_PROVIDER_ID,
          data: { return_url: "http://localhost:8000/checkout/komoju", cart_id: "cart_forged" },
        },
        store.storeHeaders
      )

      const [paymentSession] = data.payment_collection.payment_sessions
      expect(paymentSession.provider_id).toBe(KOMOJU_PROVIDER_ID)
      expect(paymentSession.data).toMatchObject({
        cart_id: cart.id,
        amount: 2400,
        currency: "JPY",
        session_url: expect.stringContaining(`127.0.0.1:${sandboxPort}`),
      })
      // The e-mail went to KOMOJU; Medusa keeps only the plugin's own keys.
      expect(JSON.stringify(paymentSession.data)).not.toContain("buyer@example.jp")
      expect(paymentSession.data).not.toHaveProperty("komoju_store_settings")

      expect(await komojuSession(paymentSession.data.komoju_session_id)).toMatchObject({
        amount: 2400,
        currency: "JPY",
        status: "pending",
        return_url: "http://localhost:8000/checkout/komoju",
        metadata: { medusa_payment_session_id: paymentSession.id, medusa_cart_id: cart.id },
        payment_data: expect.objectContaining({
          external_order_num: expect.stringMatching(new RegExp(`^${cart.id}-`)),
        }),
      })
    })

    it("takes a payment step that sends no data: the option's return URL naming the cart, the cart's locale", async () => {
      const { store, cart, collection } = await cartWithCollection({
        email: "buyer@example.com",
        locale: "en-US",
        items: [{ title: "Sencha", unit_price: 800, quantity: 1 }],
      })

      // What dtc-starter's payment step sends: the provider and nothing else.
      const { data } = await api.post(
        `/store/payment-collections/${collection.id}/payment-sessions`,
        { provider_id: KOMOJU_PROVIDER_ID },
        store.storeHeaders
      )

      const [paymentSession] = data.payment_collection.payment_sessions
      const returnUrl = `${OPTION_RETURN_URL}?cart_id=${cart.id}`
      expect(paymentSession).toMatchObject({ status: "pending", data: { cart_id: cart.id, return_url: returnUrl } })
      expect(await komojuSession(paymentSession.data.komoju_session_id)).toMatchObject({ return_url: returnUrl, default_locale: "en", amount: 800 })
    })
  },
})
