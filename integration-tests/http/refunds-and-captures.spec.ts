import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"
import { eventually } from "../helpers/sandbox-control"
import { delivery, post } from "../helpers/webhooks"

const sandboxPort = komojuTestEnvironment()
jest.setTimeout(180_000)

/** The money paths an admin and KOMOJU's dashboard take after checkout, and what their webhooks may not do. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort)
    const { url } = ctx

    it("captures part of a held card for exactly what the admin captures; KOMOJU's webhook then changes nothing", async () => {
      const checkout = await ctx.checkouts.pay("card_manual", true)
      const order = await ctx.checkouts.order(checkout.cartId)
      await api.post(`/admin/payments/${order!.payments[0].id}/capture`, { amount: 1000 }, ctx.admin)
      expect(ctx.komoju.payment(checkout.komojuPaymentId)).toMatchObject({ status: "captured", amount: 1000 })
      await ctx.sandbox.webhooksIdle()
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const after = await ctx.checkouts.order(checkout.cartId)
      expect(after!.payments[0].captures.map((c) => Number(c.amount))).toEqual([1000])
    })

    it("mirrors a dashboard refund once; a replayed or out-of-date refund body asks KOMOJU for no refund", async () => {
      const checkout = await ctx.checkouts.pay("card", true)
      await eventually(async () => (await ctx.checkouts.order(checkout.cartId))?.payment_status === "captured", "captured")
      await ctx.komoju.dashboardRefund(checkout.komojuPaymentId, 700)
      await eventually(async () => (await ctx.checkouts.medusaRefunded(checkout.cartId)) === 700, "the dashboard refund in Medusa")
      await ctx.sandbox.webhooksIdle()
      await ctx.komoju.clearRequests()

      const [refundEvent] = ctx.sandbox.events({ payment: checkout.komojuPaymentId, type: "payment.refund.created" })
      // A signed body claiming a refund KOMOJU's payment does not hold (out of date, or replayed from elsewhere).
      const stale = {
        ...refundEvent,
        id: "evt_stale_refund",
        type: "payment.refunded",
        data: { ...refundEvent.data, status: "refunded", amount_refunded: 1700, refunds: [{ ...(refundEvent.data as { refunds: object[] }).refunds[0], id: "rf_not_in_komoju", amount: 1000 }] },
      }
      for (let i = 0; i < 5; i++) await post(url(), delivery(refundEvent, { id: `replay_${i}` }))
      await post(url(), delivery(stale))
      await new Promise((resolve) => setTimeout(resolve, 1500))

      expect((await ctx.komoju.requests()).filter((r) => r.method === "POST")).toEqual([])
      expect(ctx.komoju.payment(checkout.komojuPaymentId).refunds).toHaveLength(1)
      expect((await ctx.checkouts.order(checkout.cartId))!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([700])
    })

    it("an admin refund and the webhook it triggers record one Medusa refund, and KOMOJU makes one", async () => {
      const checkout = await ctx.checkouts.pay("card", true)
      const order = await eventually(async () => {
        const o = await ctx.checkouts.order(checkout.cartId)
        return o?.payment_status === "captured" && o
      }, "captured")
      await Promise.all([
        api.post(`/admin/payments/${order.payments[0].id}/refund`, { amount: 300 }, ctx.admin),
        ...ctx.sandbox.events({ payment: checkout.komojuPaymentId }).map((event) => post(url(), delivery(event, { id: `again_${event.id}` }))),
      ])
      await ctx.sandbox.webhooksIdle()
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(ctx.komoju.payment(checkout.komojuPaymentId).refunds.map((r) => r.amount)).toEqual([300])
      expect((await ctx.checkouts.order(checkout.cartId))!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([300])
    })
  },
})
