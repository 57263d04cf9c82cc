import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandbox, type Sandbox } from "../../sandbox/src"
import { seedDemoStore } from "../../scripts/demo/seed"
import { Checkouts } from "../helpers/checkouts"
import { freePortSync } from "../helpers/free-port"
import { eventually, SandboxControl } from "../helpers/sandbox-control"
import { Shopper } from "../helpers/shopper"
import { delivery, post } from "../helpers/webhooks"

const sandboxPort = freePortSync()
process.env.KOMOJU_SANDBOX_PORT = String(sandboxPort)
process.env.MEDUSA_ADMIN_DISABLED = "true"
process.env.PAYMENT_WEBHOOK_DELAY_MS = "50"
jest.setTimeout(180_000)

/** The money paths an admin and KOMOJU's dashboard take after checkout, and what their webhooks may not do. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let komoju: SandboxControl
    let checkouts: Checkouts
    let admin: { headers: Record<string, string> }
    const url = () => api.defaults.baseURL as string

    beforeAll(async () => {
      sandbox = await startSandbox({ port: sandboxPort, pingOnStart: false })
      komoju = new SandboxControl(sandbox)
    })
    afterAll(() => sandbox?.close())

    beforeEach(async () => {
      const store = await seedDemoStore(getContainer())
      const { data } = await api.post("/auth/user/emailpass", store.admin)
      admin = { headers: { authorization: `Bearer ${data.token}` } }
      checkouts = new Checkouts({ container: getContainer, api, admin, shopper: new Shopper(url(), store.publishableKey), komoju, store })
      await komoju.configure({ webhook_url: `${url()}/hooks/payment/komoju_komoju` })
    })
    afterEach(() => sandbox.webhooksIdle())

    it("captures part of a held card for exactly what the admin captures; KOMOJU's webhook then changes nothing", async () => {
      const checkout = await checkouts.pay("card_manual", true)
      const order = await checkouts.order(checkout.cartId)
      await api.post(`/admin/payments/${order!.payments[0].id}/capture`, { amount: 1000 }, admin)
      expect(komoju.payment(checkout.komojuPaymentId)).toMatchObject({ status: "captured", amount: 1000 })
      await sandbox.webhooksIdle()
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const after = await checkouts.order(checkout.cartId)
      expect(after!.payments[0].captures.map((c) => Number(c.amount))).toEqual([1000])
    })

    it("mirrors a dashboard refund once; a replayed or out-of-date refund body asks KOMOJU for no refund", async () => {
      const checkout = await checkouts.pay("card", true)
      await eventually(async () => (await checkouts.order(checkout.cartId))?.payment_status === "captured", "captured")
      await komoju.dashboardRefund(checkout.komojuPaymentId, 700)
      await eventually(async () => (await checkouts.medusaRefunded(checkout.cartId)) === 700, "the dashboard refund in Medusa")
      await sandbox.webhooksIdle()
      await komoju.clearRequests()

      const [refundEvent] = sandbox.events({ payment: checkout.komojuPaymentId, type: "payment.refund.created" })
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

      expect((await komoju.requests()).filter((r) => r.method === "POST")).toEqual([])
      expect(komoju.payment(checkout.komojuPaymentId).refunds).toHaveLength(1)
      expect((await checkouts.order(checkout.cartId))!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([700])
    })

    it("an admin refund and the webhook it triggers record one Medusa refund, and KOMOJU makes one", async () => {
      const checkout = await checkouts.pay("card", true)
      const order = await eventually(async () => {
        const o = await checkouts.order(checkout.cartId)
        return o?.payment_status === "captured" && o
      }, "captured")
      await Promise.all([
        api.post(`/admin/payments/${order.payments[0].id}/refund`, { amount: 300 }, admin),
        ...sandbox.events({ payment: checkout.komojuPaymentId }).map((event) => post(url(), delivery(event, { id: `again_${event.id}` }))),
      ])
      await sandbox.webhooksIdle()
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(komoju.payment(checkout.komojuPaymentId).refunds.map((r) => r.amount)).toEqual([300])
      expect((await checkouts.order(checkout.cartId))!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([300])
    })
  },
})
