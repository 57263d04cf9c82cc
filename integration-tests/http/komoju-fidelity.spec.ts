import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandbox, type Sandbox } from "../../sandbox/src"
import { seedDemoStore, type DemoStore } from "../../scripts/demo/seed"
import { reconcileKomojuSessions } from "../../src/workflows/komoju-webhook/reconcile"
import { freePortSync } from "../helpers/free-port"
import { orderOfCart } from "../helpers/medusa-state"
import { eventually, SandboxControl } from "../helpers/sandbox-control"
import { Shopper } from "../helpers/shopper"

const sandboxPort = freePortSync()
process.env.KOMOJU_SANDBOX_PORT = String(sandboxPort)
process.env.MEDUSA_ADMIN_DISABLED = "true"
process.env.PAYMENT_WEBHOOK_DELAY_MS = "50"
jest.setTimeout(180_000)

const DAY = 86_400_000
const noThrow = { validateStatus: () => true }

/** The plugin against KOMOJU's behaviours where they differ from the obvious: each with the sandbox set to produce it. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let komoju: SandboxControl
    let store: DemoStore
    let shopper: Shopper
    let admin: { headers: Record<string, string> }
    const url = () => api.defaults.baseURL as string
    const order = (cartId: string) => orderOfCart(getContainer(), api, admin, cartId)

    beforeAll(async () => {
      sandbox = await startSandbox({ port: sandboxPort, pingOnStart: false })
      komoju = new SandboxControl(sandbox)
    })
    afterAll(() => sandbox?.close())

    beforeEach(async () => {
      await komoju.configure({ webhook_url: null })
      sandbox.reset({ config: true })
      store = await seedDemoStore(getContainer())
      shopper = new Shopper(url(), store.publishableKey)
      const { data } = await api.post("/auth/user/emailpass", store.admin)
      admin = { headers: { authorization: `Bearer ${data.token}` } }
      await komoju.configure({ webhook_url: `${url()}/hooks/payment/komoju_komoju` })
    })
    afterEach(() => sandbox.webhooksIdle())

    async function checkout(paymentType: string, extra: Record<string, unknown> = {}) {
      const cart = await shopper.fillCart(store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      const started = await shopper.startPayment(cart.id)
      const { payment } = await komoju.complete(started.komojuSessionId, { payment_type: paymentType, ...extra })
      return { cart, payment, result: await shopper.completeCheckout(cart.id) }
    }

    it("a wallet charging in another currency: the order and its refund stay in yen, KOMOJU's in yuan", async () => {
      await komoju.configure({ cross_currency: { alipay: { currency: "CNY", exchange_rate: 0.048 } } })
      const { cart, payment, result } = await checkout("alipay")
      expect(payment).toMatchObject({ currency: "CNY", amount: 8160 })
      expect(result.status).toBe("paid")
      const placed = await eventually(async () => (await order(cart.id))?.payment_status === "captured" && order(cart.id), "a captured order")
      expect(placed).toMatchObject({ total: 1700, payments: [expect.objectContaining({ amount: 1700 })] })

      const partial = await api.post(`/admin/payments/${placed!.payments[0].id}/refund`, { amount: 500 }, { ...admin, ...noThrow })
      expect(partial.status).toBeGreaterThanOrEqual(400)
      expect(partial.data.message).toContain("KOMOJU charged payment")
      await api.post(`/admin/payments/${placed!.payments[0].id}/refund`, { amount: 1700 }, admin)
      expect(komoju.payment(payment.id)).toMatchObject({ status: "refunded", refunds: [expect.objectContaining({ amount: 8160, currency: "CNY" })] })
      await sandbox.webhooksIdle()
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect((await order(cart.id))!.payments[0].refunds.map((r) => Number(r.amount))).toEqual([1700])
    })

    it("a konbini fee on top: Medusa's amount is the order's, and a dashboard refund of the whole total records what Medusa captured", async () => {
      await komoju.configure({ payment_method_fees: { konbini: 190 } })
      const { cart, payment, result } = await checkout("konbini")
      expect(payment).toMatchObject({ amount: 1700, payment_method_fee: 190, total: 1890 })
      expect(result.status).toBe("awaiting_payment")
      await komoju.customerPays(payment.id)
      await eventually(async () => (await order(cart.id))?.payment_status === "captured", "the konbini order captured")
      await komoju.dashboardRefund(payment.id, 1890)
      await eventually(async () => (await order(cart.id))!.payments[0].refunds.length > 0, "the dashboard refund in Medusa")
      await sandbox.webhooksIdle()
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
      await komoju.configure({ expiry_days: { bank_transfer: 59 }, webhook: { drop_rate: 1 } })
      const cart = await shopper.fillCart(store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      const started = await shopper.startPayment(cart.id)
      const { payment } = await komoju.complete(started.komojuSessionId, { payment_type: "bank_transfer" })
      await sandbox.webhooksIdle()
      sandbox.advanceClock(40 * 86_400)
      await komoju.customerPays(payment.id)
      expect(await order(cart.id)).toBeUndefined()
      await reconcileKomojuSessions(getContainer(), { now: new Date(Date.now() + 40 * DAY), graceMs: 0 })
      expect(await order(cart.id)).toMatchObject({ payment_status: "captured" })
    })

    it.each(["unprocessable_entity", "detailed"])(
      "KOMOJU answering state errors with %s codes: a capture already made succeeds, a konbini refund says what to do",
      async (codes) => {
        await komoju.configure({ state_error_codes: codes })
        await api.post("/admin/komoju/settings", { capture_mode: "manual" }, admin)
        const card = await checkout("credit_card")
        await api.post("/admin/komoju/settings", { capture_mode: null }, admin)
        const held = await eventually(async () => (await order(card.cart.id))?.payment_status === "authorized" && order(card.cart.id), "an authorized order")
        // Captured in KOMOJU's dashboard first: Medusa's capture then meets KOMOJU's refusal.
        await fetch(`${sandbox.apiUrl}/payments/${card.payment.id}/capture`, {
          method: "POST",
          headers: { authorization: `Basic ${Buffer.from("sk_test_sandbox:").toString("base64")}`, "content-type": "application/json" },
          body: "{}",
        })
        await api.post(`/admin/payments/${held!.payments[0].id}/capture`, {}, admin)
        await eventually(async () => (await order(card.cart.id))?.payment_status === "captured", "captured in Medusa")

        const cash = await checkout("konbini")
        await komoju.customerPays(cash.payment.id)
        const paid = await eventually(async () => (await order(cash.cart.id))?.payment_status === "captured" && order(cash.cart.id), "the konbini order captured")
        const refused = await api.post(`/admin/payments/${paid!.payments[0].id}/refund`, { amount: 100 }, { ...admin, ...noThrow })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("refunded to the customer's bank account through a refund request")
      }
    )

    it("payment.updated beside every event changes nothing more than the event itself", async () => {
      const { cart, payment } = await checkout("credit_card")
      await sandbox.webhooksIdle()
      const events = sandbox.events({ payment: payment.id }).map((e) => e.type)
      expect(events).toContain("payment.updated")
      await eventually(async () => (await order(cart.id))?.payment_status === "captured", "captured")
      expect((await order(cart.id))!.payments[0].captures).toHaveLength(1)
    })
  },
})
