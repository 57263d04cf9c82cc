import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { KOMOJU_MODULE } from "../../src/modules/komoju"
import type { KomojuModuleService } from "../../src/modules/komoju/service"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"
import { eventually } from "../helpers/sandbox-control"

const sandboxPort = komojuTestEnvironment()
jest.setTimeout(180_000)

/** Refunding konbini payments to the customer's bank account from Medusa's admin, through KOMOJU's refund requests. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort)

    const form = (overrides: Record<string, unknown> = {}) => ({
      amount: 700,
      customer_name: "やまだ　たろう",
      bank_name: "みずほ銀行",
      bank_code: "0001",
      branch_name: "本店",
      branch_number: "001",
      account_type: "normal",
      account_number: "0123456",
      description: "返品",
      request_id: randomUUID(),
      ...overrides,
    })
    const requestRefund = (orderId: string, body: unknown) =>
      api.post(`/admin/komoju/orders/${orderId}/refund-requests`, body, { ...ctx.admin, validateStatus: () => true }) as Promise<{
        status: number
        data: any
      }>
    const summary = async (orderId: string) => (await api.get(`/admin/komoju/orders/${orderId}`, ctx.admin)).data.komoju
    const komojuWrites = async () => (await ctx.komoju.requests()).filter((r) => r.method === "POST" && r.path.startsWith("/payments/"))
    const rows = (orderId: string) => getContainer().resolve<KomojuModuleService>(KOMOJU_MODULE).listKomojuRefundRequests({ order_id: orderId })

    /** A konbini order the customer paid at the counter, captured in Medusa. */
    const paidKonbiniOrder = async () => {
      const checkout = await ctx.checkouts.pay("konbini_paid", true)
      await ctx.checkouts.followUp(checkout)
      const order = await eventually(async () => {
        const o = await ctx.checkouts.order(checkout.cartId)
        return o?.payment_status === "captured" && o
      }, "the konbini payment captured in Medusa")
      await ctx.sandbox.webhooksIdle()
      return { checkout, order }
    }

    it("refuses invalid forms and card orders without writing to KOMOJU", async () => {
      const { order } = await paidKonbiniOrder()
      const card = await ctx.checkouts.pay("card", true)
      const cardOrder = await eventually(async () => {
        const o = await ctx.checkouts.order(card.cartId)
        return o?.payment_status === "captured" && o
      }, "the card payment captured")
      await ctx.sandbox.webhooksIdle()
      await ctx.komoju.clearRequests()

      const badName = await requestRefund(order.id, form({ customer_name: "山田 太郎" }))
      expect(badName.status).toBe(400)
      expect(badName.data.message).toMatch(/customer_name must be the account holder's name in katakana/)
      const shortAccount = await requestRefund(order.id, form({ account_number: "123456" }))
      expect(shortAccount.status).toBe(400)
      expect(shortAccount.data.message).toMatch(/account_number must be 7 digits/)
      // Half a yen: rounded, it would refund ¥501 for the ¥500.5 the admin typed.
      const subYen = await requestRefund(order.id, form({ amount: 500.5 }))
      expect(subYen.status).toBe(400)
      expect(subYen.data.message).toMatch(/finer than JPY's smallest unit/)
      const cardRefund = await requestRefund(cardOrder.id, form())
      expect(cardRefund.status).toBe(400)
      expect(cardRefund.data.message).toMatch(/credit_card: refund it with Medusa's refund/)

      expect(await komojuWrites()).toEqual([])
      expect(await rows(order.id)).toEqual([])
      expect(await rows(cardOrder.id)).toEqual([])
    })

    it("sends one request per submission, keeps no bank account, and records KOMOJU's refund once when it pays", async () => {
      const { checkout, order } = await paidKonbiniOrder()
      // Every webhook delivered twice: the refund must still be recorded once.
      await ctx.komoju.configure({ webhook: { duplicate_rate: 1 } })
      try {
        await ctx.komoju.clearRequests()
        const body = form()
        const first = await requestRefund(order.id, body)
        expect(first.status).toBe(200)
        expect(first.data.komoju.refund_requests).toEqual([
          expect.objectContaining({ amount: 700, currency: "JPY", bank_name: "みずほ銀行", account_last_digits: "456", status: "pending" }),
        ])
        const again = await requestRefund(order.id, body)
        expect(again.status).toBe(200)
        expect(again.data.komoju.refund_requests).toHaveLength(1)

        const atKomoju = await ctx.komoju.refundRequests(checkout.komojuPaymentId)
        expect(atKomoju).toHaveLength(1)
        expect(atKomoju[0]).toMatchObject({ amount: 700, customer_name: "ﾔﾏﾀﾞ ﾀﾛｳ", account_number: "0123456", bank_code: "0001", status: "pending" })
        const writes = await komojuWrites()
        expect(writes.map((w) => [w.path, w.idempotency_key])).toEqual([
          [`/payments/${checkout.komojuPaymentId}/refund_request`, body.request_id],
          [`/payments/${checkout.komojuPaymentId}/refund_request`, body.request_id],
        ])
        expect(writes[1].replayed).toBe(true)

        const stored = await rows(order.id)
        expect(stored).toHaveLength(1)
        expect(stored[0]).toMatchObject({ komoju_refund_request_id: atKomoju[0].id, amount: 700, currency: "JPY", account_last_digits: "456" })
        const kept = JSON.stringify(stored[0])
        for (const secret of ["0123456", "ﾔﾏﾀﾞ", "ヤマダ", "やまだ", "本店"]) expect(kept).not.toContain(secret)

        await ctx.komoju.completeRefundRequest(atKomoju[0].id)
        await eventually(async () => (await ctx.checkouts.medusaRefunded(checkout.cartId)) === 700, "KOMOJU's refund in Medusa")
        await ctx.sandbox.webhooksIdle()
        await new Promise((resolve) => setTimeout(resolve, 1500))
        const after = await ctx.checkouts.order(checkout.cartId)
        expect(after!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([700])
        expect(await ctx.checkouts.verify(checkout, [700])).toBeUndefined()
        expect(await summary(order.id)).toMatchObject({
          refund_requests: [expect.objectContaining({ id: atKomoju[0].id, status: "completed" })],
          refundable_amount: 1000,
          can_request_refund: true,
        })
      } finally {
        await ctx.komoju.configure({ webhook: { duplicate_rate: 0 } })
      }
    })

    it("moves no money when KOMOJU rejects a request", async () => {
      const { checkout, order } = await paidKonbiniOrder()
      const sent = await requestRefund(order.id, form({ amount: 1700, include_payment_method_fee: false }))
      expect(sent.status).toBe(200)
      expect(sent.data.komoju).toMatchObject({ refundable_amount: 0, can_request_refund: false })
      const [request] = await ctx.komoju.refundRequests(checkout.komojuPaymentId)
      await ctx.komoju.rejectRefundRequest(request.id)
      await ctx.sandbox.webhooksIdle()
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(ctx.komoju.payment(checkout.komojuPaymentId)).toMatchObject({ status: "captured", refunds: [] })
      expect(await ctx.checkouts.medusaRefunded(checkout.cartId)).toBe(0)
      expect(await summary(order.id)).toMatchObject({
        refund_requests: [expect.objectContaining({ id: request.id, status: "rejected" })],
        refundable_amount: 1700,
        can_request_refund: true,
      })
    })
  },
})
