import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"
import { eventually } from "../helpers/sandbox-control"
import { delivery, post } from "../helpers/webhooks"
import { signedInShopper, type SignedInShopper } from "../helpers/signed-in-shopper"

const sandboxPort = komojuTestEnvironment()

jest.setTimeout(240_000)

const VISA = "4111111111111111"

/**
 * Saved cards and PayPay for signed-in customers, on Medusa + Postgres with the KOMOJU
 * sandbox: saving at checkout, listing once KOMOJU confirms, paying with a saved method
 * in one click on KOMOJU's page, deleting, erasing with the customer, and two customers
 * who cannot reach each other's methods.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: { api: any; getContainer: () => any }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort)

    const member = () => signedInShopper(ctx.url(), ctx.store.publishableKey)

    /** Pays a signed-in customer's cart on KOMOJU's page (`choice` as the shopper picks) and completes it. */
    async function checkout(who: SignedInShopper, data: Record<string, unknown>, choice: Record<string, unknown>) {
      const cart = await who.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      const started = await who.startPayment(cart.id, data)
      const paid = ctx.sandbox.completeSession(started.komoju_session_id, choice as never)
      const result = await who.shopper.completeCheckout(cart.id)
      expect(result.status).toBe("paid")
      return { cart, session: ctx.sandbox.session(started.komoju_session_id) as any, payment: paid.payment as any }
    }

    async function saveCard(who: SignedInShopper) {
      const saved = await checkout(who, { save_payment_method: true }, { payment_type: "credit_card", card_number: VISA, month: 8, year: 2039 })
      const [method] = await eventually(async () => {
        const methods = await who.savedMethods()
        return methods.length ? methods : undefined
      }, "the saved card to be listed")
      return { ...saved, method }
    }

    it("saves the card paid with, lists it once KOMOJU confirms it, pays with it in one click, and deletes it at KOMOJU too", async () => {
      const taro = await member()
      const { session, payment, method } = await saveCard(taro)

      // A customer_payment session for this customer: only what KOMOJU can save, a fresh one-click id.
      expect(session.mode).toBe("customer_payment")
      expect(session.payment_methods.map((m: any) => m.type)).toContain("credit_card")
      expect(session.payment_methods.map((m: any) => m.type).every((type: string) => ["credit_card", "paypay"].includes(type))).toBe(true)
      expect(session.metadata.medusa_customer_id).toBe(taro.customer.id)
      expect(payment.customer).toBe(session.customer_id)
      expect(method).toMatchObject({ payment_type: "credit_card", brand: "visa", last_four: "1111", month: 8, year: 2039 })

      // Medusa keeps ids and display fields only.
      const [row] = await getContainer().resolve("komoju").listKomojuSavedMethods({ customer_id: taro.customer.id })
      expect(JSON.stringify(row)).not.toContain(VISA)
      expect(row.komoju_customer_id).toBe(session.customer_id)
      expect(row.external_customer_id).toMatch(/^medusa_/)
      expect(ctx.sandbox.externalCustomer(row.external_customer_id)).toBeDefined()

      // One click: KOMOJU's page offers the saved card for this customer and its one-click id.
      const again = await checkout(taro, { komoju_saved_method_id: method.id }, { use_saved_payment_method: true })
      expect(again.session).toMatchObject({ mode: "customer_payment", customer_id: session.customer_id })
      // (use_saved_payment_method is refused unless the session names the one-click id that remembers the card)
      expect(again.session.payment_methods.map((m: any) => m.type)).toEqual(["credit_card"])
      expect(again.payment).toMatchObject({ status: "captured", customer: session.customer_id })
      expect(again.payment.payment_details).toMatchObject({ brand: "visa", last_four_digits: "1111" })
      const { data: [order] } = await getContainer().resolve("query").graph({
        entity: "order",
        fields: ["id", "payment_collections.payments.captured_at"],
        filters: { customer_id: taro.customer.id },
      })
      expect(order).toBeDefined()
      expect(await taro.savedMethods()).toHaveLength(1)

      // Deleting erases the KOMOJU customer and the page's one-click memory.
      await expect(taro.deleteSavedMethod(method.id)).resolves.toMatchObject({ id: method.id, deleted: true })
      expect(ctx.sandbox.customer(session.customer_id)).toBeUndefined()
      expect(ctx.sandbox.externalCustomer(row.external_customer_id)).toBeUndefined()
      expect(await taro.savedMethods()).toEqual([])
      const cart = await taro.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      await expect(taro.startPayment(cart.id, { komoju_saved_method_id: method.id })).rejects.toMatchObject({ status: 404 })
    })

    it("PayPay too: saved at checkout, listed without card fields, paid with in one click offering PayPay only", async () => {
      const taro = await member()
      const saved = await checkout(taro, { save_payment_method: true }, { payment_type: "paypay" })
      const [method] = await eventually(async () => {
        const methods = await taro.savedMethods()
        return methods.length ? methods : undefined
      }, "the saved PayPay account to be listed")
      expect(method).toMatchObject({ payment_type: "paypay", brand: null, last_four: null, month: null, year: null })
      const again = await checkout(taro, { komoju_saved_method_id: method.id }, { use_saved_payment_method: true })
      expect(again.session.payment_methods.map((m: any) => m.type)).toEqual(["paypay"])
      expect(again.payment).toMatchObject({ status: "captured", customer: saved.session.customer_id })
    })

    it("customer.updated before the payment that saved the card, with a body that lies: KOMOJU's read decides, either order works", async () => {
      await ctx.komoju.configure({ webhook_url: null })
      const taro = await member()
      const { session } = await checkout(taro, { save_payment_method: true }, { payment_type: "credit_card", card_number: VISA, month: 8, year: 2039 })
      const events = ctx.sandbox.events() as any[]
      const updated = events.find((event) => event.type === "customer.updated" && event.data.id === session.customer_id)
      const captured = events.find((event) => event.type === "payment.captured" && event.data.customer === session.customer_id)
      const lie = { ...updated, data: { ...updated.data, source: { ...updated.data.source, brand: "amex", last_four_digits: "0005" } } }
      expect((await post(ctx.url(), delivery(lie))).status).toBe(200)
      await eventually(async () => {
        const [row] = await getContainer().resolve("komoju").listKomojuSavedMethods({ komoju_customer_id: session.customer_id })
        return row?.confirmed_at
      }, "the confirmation to be recorded")
      expect(await taro.savedMethods()).toEqual([]) // not linked to anybody yet
      expect((await post(ctx.url(), delivery(captured))).status).toBe(200)
      const [method] = await eventually(async () => {
        const methods = await taro.savedMethods()
        return methods.length ? methods : undefined
      }, "the saved card to be listed")
      expect(method).toMatchObject({ brand: "visa", last_four: "1111" })
    })

    it("saves a card without a purchase from the account page: a customer-mode session, listed once KOMOJU confirms it", async () => {
      const taro = await member()
      const started = await taro.sdk.client.fetch<{ session_url: string; komoju_session_id: string }>("/store/komoju/payment-methods", {
        method: "POST",
        body: { return_url: "http://localhost:8000/account", currency_code: "jpy", locale: "en" },
      })
      const session = ctx.sandbox.session(started.komoju_session_id) as any
      expect(session).toMatchObject({ mode: "customer", amount: 0, currency: "JPY", default_locale: "en" })
      expect(started.session_url).toBe(session.session_url)
      expect(await taro.savedMethods()).toEqual([])
      ctx.sandbox.saveSession(started.komoju_session_id, { payment_type: "credit_card", card_number: "5555555555554444", month: 3, year: 2040 } as never)
      const [method] = await eventually(async () => {
        const methods = await taro.savedMethods()
        return methods.length ? methods : undefined
      }, "the card saved on KOMOJU's page to be listed")
      expect(method).toMatchObject({ payment_type: "credit_card", brand: "master", last_four: "4444", month: 3, year: 2040 })

      // and it pays in one click like any saved card
      const paid = await checkout(taro, { komoju_saved_method_id: method.id }, { use_saved_payment_method: true })
      expect(paid.payment).toMatchObject({ status: "captured", customer: session.customer_id })
    })

    it("two customers: neither can list, pay with or delete the other's method, and KOMOJU gets no write for trying", async () => {
      const taro = await member()
      const hanako = await member()
      const { method, session } = await saveCard(taro)

      expect(await hanako.savedMethods()).toEqual([])
      ctx.sandbox.clearRequests()
      const cart = await hanako.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      await expect(hanako.startPayment(cart.id, { komoju_saved_method_id: method.id })).rejects.toMatchObject({ status: 404 })
      await expect(hanako.deleteSavedMethod(method.id)).rejects.toMatchObject({ status: 404 })
      expect(ctx.sandbox.requests().filter((request: any) => request.method !== "GET")).toEqual([])

      expect(ctx.sandbox.customer(session.customer_id)).toBeDefined()
      expect((await taro.savedMethods()).map((m) => m.id)).toEqual([method.id])
      // Without a signed-in customer the routes answer 401.
      const guest = await fetch(`${ctx.url()}/store/komoju/payment-methods`, { headers: { "x-publishable-api-key": ctx.store.publishableKey } })
      expect(guest.status).toBe(401)
    })

    it("a guest's save_payment_method is ignored: an ordinary payment session, nothing saved", async () => {
      const cart = await ctx.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      const { payment_collection } = await ctx.shopper.sdk.store.payment.initiatePaymentSession(cart, {
        provider_id: "pp_komoju_komoju",
        data: { return_url: "http://localhost:8000/checkout/komoju-return", save_payment_method: true },
      })
      const data = payment_collection.payment_sessions![0].data as { komoju_session_id: string }
      const session = ctx.sandbox.session(data.komoju_session_id) as any
      expect(session.mode).toBe("payment")
      expect(session.external_customer_id ?? null).toBeNull()
      expect(session.metadata.medusa_customer_id).toBeUndefined()
    })

    it("deleting the Medusa customer erases their KOMOJU customer and one-click memory", async () => {
      const taro = await member()
      const { session } = await saveCard(taro)
      const [row] = await getContainer().resolve("komoju").listKomojuSavedMethods({ customer_id: taro.customer.id })
      await api.delete(`/admin/customers/${taro.customer.id}`, ctx.admin)
      expect(ctx.sandbox.customer(session.customer_id)).toBeUndefined()
      expect(ctx.sandbox.externalCustomer(row.external_customer_id)).toBeUndefined()
      expect(await getContainer().resolve("komoju").listKomojuSavedMethods({ customer_id: taro.customer.id })).toEqual([])
    })

    it("the provider's account-holder methods, through Medusa's payment module", async () => {
      const taro = await member()
      const { method, session } = await saveCard(taro)
      const payment = getContainer().resolve(Modules.PAYMENT)
      const [holder] = await (payment as any).listAccountHolders({ provider_id: "pp_komoju_komoju", external_id: taro.customer.id } as never)
      expect(holder).toBeDefined()
      const listed = await payment.listPaymentMethods({ provider_id: "pp_komoju_komoju", context: { account_holder: holder } } as never)
      expect(listed).toEqual([expect.objectContaining({ id: method.id, data: expect.objectContaining({ brand: "visa", last_four: "1111" }) })])
      await payment.deletePaymentMethods({ provider_id: "pp_komoju_komoju", id: method.id, context: { account_holder: holder } } as never)
      expect(ctx.sandbox.customer(session.customer_id)).toBeUndefined()
      expect(await payment.listPaymentMethods({ provider_id: "pp_komoju_komoju", context: { account_holder: holder } } as never)).toEqual([])
    })
  },
})
