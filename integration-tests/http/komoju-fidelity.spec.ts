import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { reconcileKomojuSessions } from "../../src/workflows/komoju-webhook/reconcile"
import { orderOfCart } from "../helpers/medusa-state"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"
import { eventually } from "../helpers/sandbox-control"

const sandboxPort = komojuTestEnvironment()
jest.setTimeout(180_000)

const DAY = 86_400_000
const noThrow = { validateStatus: () => true }

/** The plugin against KOMOJU's behaviours where they differ from the obvious: each with the sandbox set to produce it. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort)
    const url = () => api.defaults.baseURL as string
    const order = (cartId: string) => orderOfCart(getContainer(), api, ctx.admin, cartId)

    beforeEach(async () => {
      ctx.sandbox.reset({ config: true })
      await ctx.komoju.configure({ webhook_url: `${url()}/hooks/payment/komoju_komoju` })
    })

    async function checkout(paymentType: string, extra: Record<string, unknown> = {}) {
      const cart = await ctx.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      const started = await ctx.shopper.startPayment(cart.id)
      const { payment } = await ctx.komoju.complete(started.komojuSessionId, { payment_type: paymentType, ...extra })
      return { cart, payment, result: await ctx.shopper.completeCheckout(cart.id) }
    }

    it("a wallet charging in another currency: the order and its refund stay in yen, KOMOJU's in yuan", async () => {
      await ctx.komoju.configure({ cross_currency: { alipay: { currency: "CNY", exchange_rate: 0.048 } } })
      const { cart, payment, result } = await checkout("alipay")
      expect(payment).toMatchObject({ currency: "CNY", amount: 8160 })
      expect(result.status).toBe("paid")
      const placed = await eventually(async () => (await order(cart.id))?.payment_status === "captured" && order(cart.id), "a captured order")
      expect(placed).toMatchObject({ total: 1700, payments: [expect.objectContaining({ amount: 1700 })] })

      const partial = await api.post(`/admin/payments/${placed!.payments[0].id}/refund`, { amount: 500 }, { ...ctx.admin, ...noThrow })
      expect(partial.status).toBeGreaterThanOrEqual(400)
      expect(partial.data.message).toContain("KOMOJU charged payment")
      await api.post(`/admin/payments/${placed!.payments[0].id}/refund`, { amount: 1700 }, ctx.admin)
      expect(ctx.komoju.payment(payment.id)).toMatchObject({ status: "refunded", refunds: [expect.objectContaining({ amount: 8160, currency: "CNY" })] })
      await ctx.sandbox.webhooksIdle()
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect((await order(cart.id))!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([1700])
    })

    it("a konbini fee on top: Medusa's amount is the order's, and a dashboard refund of the whole total records what Medusa captured", async () => {
      await ctx.komoju.configure({ payment_method_fees: { konbini: 190 } })
      const { cart, payment, result } = await checkout("konbini")
      expect(payment).toMatchObject({ amount: 1700, payment_method_fee: 190, total: 1890 })
      expect(result.status).toBe("awaiting_payment")
      await ctx.komoju.customerPays(payment.id)
      await eventually(async () => (await order(cart.id))?.payment_status === "captured", "the konbini order captured")
      await ctx.komoju.dashboardRefund(payment.id, 1890)
      await eventually(async () => (await order(cart.id))!.payments[0].refunds.length > 0, "the dashboard refund in Medusa")
      await ctx.sandbox.webhooksIdle()
      expect((await order(cart.id))!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([1700])
    })

    it("bank transfer and Pay-easy: the shopper gets KOMOJU's account and numbers, under KOMOJU's field names", async () => {
      const bank = await checkout("bank_transfer")
      expect(bank.result).toMatchObject({
        status: "awaiting_payment",
        instructions: {
          paymentType: "bank_transfer",
          bankTransfer: { bankName: expect.any(String), branchName: expect.any(String), accountNumber: expect.stringMatching(/^\d{7}$/) },
        },
      })
      const payEasy = await checkout("pay_easy")
      expect(payEasy.result).toMatchObject({
        status: "awaiting_payment",
        instructions: {
          paymentType: "pay_easy",
          payEasy: { customerNumber: expect.any(String), confirmationNumber: expect.any(String) },
          paymentUrl: expect.stringContaining("/pay_easy/"),
        },
      })
    })

    it("a bank transfer paid on day 40 of a 59-day deadline, its webhook lost, is placed by the reconciliation", async () => {
      await ctx.komoju.configure({ expiry_days: { bank_transfer: 59 }, webhook: { drop_rate: 1 } })
      const cart = await ctx.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      const started = await ctx.shopper.startPayment(cart.id)
      const { payment } = await ctx.komoju.complete(started.komojuSessionId, { payment_type: "bank_transfer" })
      await ctx.sandbox.webhooksIdle()
      ctx.sandbox.advanceClock(40 * 86_400)
      await ctx.komoju.customerPays(payment.id)
      expect(await order(cart.id)).toBeUndefined()
      await reconcileKomojuSessions(getContainer(), { now: new Date(Date.now() + 40 * DAY), graceMs: 0 })
      expect(await order(cart.id)).toMatchObject({ payment_status: "captured" })
    })

    it.each(["unprocessable_entity", "detailed"])(
      "KOMOJU answering state errors with %s codes: a capture already made succeeds, a konbini refund says what to do",
      async (codes) => {
        await ctx.komoju.configure({ state_error_codes: codes })
        await api.post("/admin/komoju/settings", { capture_mode: "manual" }, ctx.admin)
        const card = await checkout("credit_card")
        await api.post("/admin/komoju/settings", { capture_mode: null }, ctx.admin)
        const held = await eventually(async () => (await order(card.cart.id))?.payment_status === "authorized" && order(card.cart.id), "an authorized order")
        // Captured in KOMOJU's dashboard first: Medusa's capture then meets KOMOJU's refusal.
        await fetch(`${ctx.sandbox.apiUrl}/payments/${card.payment.id}/capture`, {
          method: "POST",
          headers: { authorization: `Basic ${Buffer.from("sk_test_sandbox:").toString("base64")}`, "content-type": "application/json" },
          body: "{}",
        })
        await api.post(`/admin/payments/${held!.payments[0].id}/capture`, {}, ctx.admin)
        await eventually(async () => (await order(card.cart.id))?.payment_status === "captured", "captured in Medusa")

        const cash = await checkout("konbini")
        await ctx.komoju.customerPays(cash.payment.id)
        const paid = await eventually(async () => (await order(cash.cart.id))?.payment_status === "captured" && order(cash.cart.id), "the konbini order captured")
        const refused = await api.post(`/admin/payments/${paid!.payments[0].id}/refund`, { amount: 100 }, { ...ctx.admin, ...noThrow })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("refunded to the customer's bank account through a refund request")
      }
    )

    it("payment.updated beside every event changes nothing more than the event itself", async () => {
      const { cart, payment } = await checkout("credit_card")
      await ctx.sandbox.webhooksIdle()
      const events = ctx.sandbox.events({ payment: payment.id }).map((e) => e.type)
      expect(events).toContain("payment.updated")
      await eventually(async () => (await order(cart.id))?.payment_status === "captured", "captured")
      expect((await order(cart.id))!.payments[0].captures).toHaveLength(1)
    })
  },
})
