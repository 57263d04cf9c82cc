import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"
import { eventually } from "../helpers/sandbox-control"
import { delivery, post } from "../helpers/webhooks"

const sandboxPort = komojuTestEnvironment()
jest.setTimeout(180_000)

/** An admin cancels an order whose payment is still waiting; KOMOJU must follow, and money taken meanwhile must not vanish. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort)
    const { url } = ctx

    const cancel = async (cartId: string) => {
      const order = await ctx.checkouts.order(cartId)
      return api.post(`/admin/orders/${order!.id}/cancel`, {}, { ...ctx.admin, validateStatus: () => true })
    }
    const notices = async (cartId: string) => {
      const order = await ctx.checkouts.order(cartId)
      return (await api.get(`/admin/komoju/orders/${order!.id}`, ctx.admin)).data.komoju.notices
    }

    it("cancels the KOMOJU payment of a konbini order waiting for cash, so the receipt can no longer be paid", async () => {
      const checkout = await ctx.checkouts.pay("konbini_cancelled", true)
      expect(ctx.komoju.payment(checkout.komojuPaymentId).status).toBe("authorized")
      expect((await cancel(checkout.cartId)).status).toBe(200)
      expect(ctx.komoju.payment(checkout.komojuPaymentId).status).toBe("cancelled")
      await expect(ctx.komoju.customerPays(checkout.komojuPaymentId)).rejects.toThrow()
      await ctx.sandbox.webhooksIdle()
      expect(await ctx.checkouts.verify(checkout)).toBeUndefined()
    })

    it("releases a held card authorization when its order is cancelled", async () => {
      const checkout = await ctx.checkouts.pay("card_manual", true)
      expect(ctx.komoju.payment(checkout.komojuPaymentId).status).toBe("authorized")
      expect((await cancel(checkout.cartId)).status).toBe(200)
      expect(ctx.komoju.payment(checkout.komojuPaymentId).status).toBe("cancelled")
    })

    it("keeps a konbini payment made as the order was cancelled: recorded on the order, flagged for a refund request", async () => {
      const checkout = await ctx.checkouts.pay("konbini_cancelled", true)
      // The customer pays at the counter; KOMOJU's news has not reached Medusa yet.
      await ctx.komoju.configure({ webhook_url: null })
      await ctx.komoju.customerPays(checkout.komojuPaymentId)
      expect((await cancel(checkout.cartId)).status).toBe(200)
      const order = await ctx.checkouts.order(checkout.cartId)
      expect(order).toMatchObject({ status: "canceled", payments: [expect.objectContaining({ captures: [expect.objectContaining({ amount: 1700 })] })] })
      expect(await notices(checkout.cartId)).toEqual([
        expect.objectContaining({ kind: "captured_after_cancel_needs_refund_request", amount: 1700, currency: "JPY" }),
      ])
      // KOMOJU's late events change nothing more: one capture, one notice.
      for (const event of ctx.sandbox.events({ payment: checkout.komojuPaymentId })) await post(url(), delivery(event))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect((await ctx.checkouts.order(checkout.cartId))!.payments[0].captures).toHaveLength(1)
      expect(await notices(checkout.cartId)).toHaveLength(1)
    })

    it("refunds a card payment KOMOJU captured as its order was cancelled, and says so on the order", async () => {
      const checkout = await ctx.checkouts.pay("card_manual", true)
      await ctx.komoju.configure({ webhook_url: null })
      // Captured in KOMOJU's dashboard while the admin cancels in Medusa.
      await fetch(`${ctx.sandbox.apiUrl}/payments/${checkout.komojuPaymentId}/capture`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from("sk_test_sandbox:").toString("base64")}`, "content-type": "application/json" },
        body: "{}",
      })
      const cancelled = await cancel(checkout.cartId)
      expect(cancelled.data.message).toBeUndefined()
      expect(cancelled.status).toBe(200)
      await eventually(async () => ctx.komoju.payment(checkout.komojuPaymentId).status === "refunded", "KOMOJU refunded")
      const order = await ctx.checkouts.order(checkout.cartId)
      expect(order!.status).toBe("canceled")
      expect(order!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([1700])
      expect(ctx.komoju.payment(checkout.komojuPaymentId).refunds).toHaveLength(1)
      expect(await notices(checkout.cartId)).toEqual([expect.objectContaining({ kind: "captured_after_cancel_refunded", amount: 1700 })])
      for (const event of ctx.sandbox.events({ payment: checkout.komojuPaymentId })) await post(url(), delivery(event))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(ctx.komoju.payment(checkout.komojuPaymentId).refunds).toHaveLength(1)
      expect((await ctx.checkouts.order(checkout.cartId))!.payments[0].refunds).toHaveLength(1)
    })
  },
})
