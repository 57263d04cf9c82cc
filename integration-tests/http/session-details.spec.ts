import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { KOMOJU_MODULE } from "../../src/modules/komoju"
import type { KomojuModuleService } from "../../src/modules/komoju/service"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"

// medusa-config.ts points the provider at the sandbox on this port.
const sandboxPort = komojuTestEnvironment()

jest.setTimeout(180_000)

const sumOf = (items: { amount: number; quantity: number }[]) => items.reduce((sum, item) => sum + item.amount * item.quantity, 0)

/**
 * What KOMOJU's page and dashboard get from a real cart (line items that add up, both
 * addresses, the buyer's name and its katakana reading), read from the session KOMOJU
 * holds, and what Medusa's payment session keeps of it: nothing.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort)

    async function sessionDataOf(cartId: string) {
      const payment = getContainer().resolve(Modules.PAYMENT)
      const { data: [link] } = await getContainer().resolve("query").graph({
        entity: "cart",
        fields: ["payment_collection.id"],
        filters: { id: cartId },
      })
      const sessions = await payment.listPaymentSessions({ payment_collection_id: link.payment_collection.id })
      return sessions[0].data as Record<string, unknown>
    }

    it("a Japanese cart: line items add up to the amount, both addresses, name and katakana reading go to KOMOJU only", async () => {
      const cart = await ctx.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 2 }, { handle: "furoshiki", quantity: 1 }])
      const address = { ...cart.shipping_address!, metadata: { name_kana: "やまだ　たろう" } }
      await ctx.shopper.sdk.store.cart.update(cart.id, {
        shipping_address: pick(address),
        billing_address: pick(address),
      })
      const started = await ctx.shopper.startPayment(cart.id)
      const session = ctx.sandbox.session(started.komojuSessionId) as any

      expect(session.amount).toBe(2 * 1200 + 2500 + 500)
      expect(session.line_items).toEqual([
        { description: "抹茶 Uji Matcha 30g", quantity: 2, amount: 1200, external_product_num: "MATCHA-30" },
        { description: "風呂敷 Furoshiki", quantity: 1, amount: 2500, external_product_num: "FUROSHIKI-70" },
        { description: "Standard (宅配便)", quantity: 1, amount: 500 },
      ])
      expect(sumOf(session.line_items)).toBe(session.amount)
      const komojuAddress = {
        name: "山田 太郎",
        street_address1: "1-1 Chiyoda",
        city: "Chiyoda-ku",
        state: "Tokyo",
        zipcode: "100-0001",
        country: "JP",
      }
      expect(session.payment_data).toMatchObject({
        name: "山田 太郎",
        name_kana: "ヤマダ タロウ",
        shipping_address: komojuAddress,
        billing_address: komojuAddress,
      })

      const stored = JSON.stringify(await sessionDataOf(cart.id))
      for (const personal of ["Chiyoda", "山田", "ヤマダ", "やまだ", "@example.jp", "line_items", "komoju_checkout_details"]) {
        expect(stored).not.toContain(personal)
      }
    })

    it("a US cart with a 10 % promotion and 8.875 % tax: the lines still add up to the cents KOMOJU charges", async () => {
      const container = getContainer()
      const tax = container.resolve(Modules.TAX)
      const [usTaxRegion] = await tax.listTaxRegions({ country_code: "us" })
      await tax.createTaxRates({ tax_region_id: usTaxRegion.id, name: "Sales tax", code: "SALES", rate: 8.875, is_default: true })
      await createPromotionsWorkflow(container).run({
        input: {
          promotionsData: [
            {
              code: "TEN",
              type: "standard",
              status: "active",
              is_automatic: false,
              application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10, currency_code: "usd" },
            },
          ],
        },
      })

      const cart = await ctx.shopper.fillCart(ctx.store.regions.us, [{ handle: "matcha", quantity: 3 }, { handle: "sencha", quantity: 1 }], "us")
      const { cart: discounted } = await ctx.shopper.sdk.store.cart.update(cart.id, { promo_codes: ["TEN"] })
      expect(discounted.discount_total).toBeGreaterThan(0)
      expect(discounted.tax_total).toBeGreaterThan(0)

      const started = await ctx.shopper.startPayment(cart.id, "en")
      const session = ctx.sandbox.session(started.komojuSessionId) as any
      expect(session.currency).toBe("USD")
      expect(session.amount).toBe(Math.round(Number(discounted.total) * 100))
      expect(session.line_items).toHaveLength(3)
      expect(sumOf(session.line_items)).toBe(session.amount)
      // Each line is what the shopper saw for it, to the cent.
      const { cart: withTotals } = await ctx.shopper.sdk.store.cart.retrieve(cart.id, { fields: "+items.total,+shipping_methods.total" })
      const expected = [...withTotals.items!.map((item) => Number(item.total)), ...withTotals.shipping_methods!.map((m) => Number(m.total))]
      expect(expected.every(Number.isFinite)).toBe(true)
      session.line_items.forEach((line: { amount: number; quantity: number }, index: number) => {
        expect(Math.abs(line.amount * line.quantity - expected[index] * 100)).toBeLessThan(1)
      })
    })

    it("the same line items and addresses when the cart is read through Medusa's query (the one statement failing)", async () => {
      const inbox = getContainer().resolve<KomojuModuleService>(KOMOJU_MODULE)
      const statement = jest.spyOn(inbox, "checkoutContext").mockRejectedValue(new Error("relation \"cart\" does not exist"))
      try {
        const cart = await ctx.shopper.fillCart(ctx.store.regions.jp, [{ handle: "sencha", quantity: 3 }])
        const started = await ctx.shopper.startPayment(cart.id)
        const session = ctx.sandbox.session(started.komojuSessionId) as any
        expect(statement).toHaveBeenCalled()
        expect(session.line_items).toEqual([
          { description: "煎茶 Shizuoka Sencha 100g", quantity: 3, amount: 1800, external_product_num: "SENCHA-100" },
          { description: "Standard (宅配便)", quantity: 1, amount: 500 },
        ])
        expect(session.payment_data.shipping_address).toMatchObject({ name: "山田 太郎", country: "JP" })
      } finally {
        statement.mockRestore()
      }
    })

    it("Paidy is offered only to a cart with a shipping address", async () => {
      await api.post("/admin/komoju/settings", { payment_types: ["credit_card", "paidy"] }, ctx.admin)
      const { cart } = await ctx.shopper.sdk.store.cart.create({ region_id: ctx.store.regions.jp, email: "noaddress@example.jp" })
      const { products } = await ctx.shopper.sdk.store.product.list({ handle: "matcha", region_id: ctx.store.regions.jp })
      await ctx.shopper.sdk.store.cart.createLineItem(cart.id, { variant_id: products[0].variants![0].id, quantity: 1 })
      const withoutAddress = await ctx.shopper.startPayment(cart.id)
      expect(ctx.sandbox.session(withoutAddress.komojuSessionId)!.payment_methods.map((m) => m.type)).toEqual(["credit_card"])

      const ready = await ctx.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      const withAddress = await ctx.shopper.startPayment(ready.id)
      expect(ctx.sandbox.session(withAddress.komojuSessionId)!.payment_methods.map((m) => m.type)).toContain("paidy")
    })
  },
})

/** The fields a store cart update takes from an address the store API returned. */
function pick(address: Record<string, any>) {
  const { first_name, last_name, address_1, address_2, city, province, postal_code, country_code, metadata } = address
  return { first_name, last_name, address_1, address_2: address_2 ?? undefined, city, province, postal_code, country_code, metadata }
}
