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

/** An admin cancels an order whose payment is still waiting; KOMOJU must follow, and money taken meanwhile must not vanish. */
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

    const cancel = async (cartId: string) => {
      const order = await checkouts.order(cartId)
      return api.post(`/admin/orders/${order!.id}/cancel`, {}, { ...admin, validateStatus: () => true })
    }
    const notices = async (cartId: string) => {
      const order = await checkouts.order(cartId)
      return (await api.get(`/admin/komoju/orders/${order!.id}`, admin)).data.komoju.notices
    }

    it("cancels the KOMOJU payment of a konbini order waiting for cash, so the receipt can no longer be paid", async () => {
      const checkout = await checkouts.pay("konbini_cancelled", true)
      expect(komoju.payment(checkout.komojuPaymentId).status).toBe("authorized")
      expect((await cancel(checkout.cartId)).status).toBe(200)
      expect(komoju.payment(checkout.komojuPaymentId).status).toBe("cancelled")
      await expect(komoju.customerPays(checkout.komojuPaymentId)).rejects.toThrow()
      await sandbox.webhooksIdle()
      expect(await checkouts.verify(checkout)).toBeUndefined()
    })

    it("releases a held card authorization when its order is cancelled", async () => {
      const checkout = await checkouts.pay("card_manual", true)
      expect(komoju.payment(checkout.komojuPaymentId).status).toBe("authorized")
      expect((await cancel(checkout.cartId)).status).toBe(200)
      expect(komoju.payment(checkout.komojuPaymentId).status).toBe("cancelled")
    })

    it("keeps a konbini payment made as the order was cancelled: recorded on the order, flagged for a refund request", async () => {
      const checkout = await checkouts.pay("konbini_cancelled", true)
      // The customer pays at the counter; KOMOJU's news has not reached Medusa yet.
      await komoju.configure({ webhook_url: null })
      await komoju.customerPays(checkout.komojuPaymentId)
      expect((await cancel(checkout.cartId)).status).toBe(200)
      const order = await checkouts.order(checkout.cartId)
      expect(order).toMatchObject({ status: "canceled", payments: [expect.objectContaining({ captures: [expect.objectContaining({ amount: 1700 })] })] })
      expect(await notices(checkout.cartId)).toEqual([
        expect.objectContaining({ kind: "captured_after_cancel_needs_refund_request", amount: 1700, currency: "JPY" }),
      ])
      // KOMOJU's late events change nothing more: one capture, one notice.
      for (const event of sandbox.events({ payment: checkout.komojuPaymentId })) await post(url(), delivery(event))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect((await checkouts.order(checkout.cartId))!.payments[0].captures).toHaveLength(1)
      expect(await notices(checkout.cartId)).toHaveLength(1)
    })

    it("refunds a card payment KOMOJU captured as its order was cancelled, and says so on the order", async () => {
      const checkout = await checkouts.pay("card_manual", true)
      await komoju.configure({ webhook_url: null })
      // Captured in KOMOJU's dashboard while the admin cancels in Medusa.
      await fetch(`${sandbox.apiUrl}/payments/${checkout.komojuPaymentId}/capture`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from("sk_test_sandbox:").toString("base64")}`, "content-type": "application/json" },
        body: "{}",
      })
      const cancelled = await cancel(checkout.cartId)
      expect(cancelled.data.message).toBeUndefined()
      expect(cancelled.status).toBe(200)
      await eventually(async () => komoju.payment(checkout.komojuPaymentId).status === "refunded", "KOMOJU refunded")
      const order = await checkouts.order(checkout.cartId)
      expect(order!.status).toBe("canceled")
      expect(order!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([1700])
      expect(komoju.payment(checkout.komojuPaymentId).refunds).toHaveLength(1)
      expect(await notices(checkout.cartId)).toEqual([expect.objectContaining({ kind: "captured_after_cancel_refunded", amount: 1700 })])
      for (const event of sandbox.events({ payment: checkout.komojuPaymentId })) await post(url(), delivery(event))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(komoju.payment(checkout.komojuPaymentId).refunds).toHaveLength(1)
      expect((await checkouts.order(checkout.cartId))!.payments[0].refunds).toHaveLength(1)
    })
  },
})
