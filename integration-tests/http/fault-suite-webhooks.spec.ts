import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { KomojuEvent } from "../../sandbox/src"
import { KOMOJU_MODULE } from "../../src/modules/komoju"
import type { KomojuModuleService } from "../../src/modules/komoju/service"
import { reconcileKomojuSessions, sweepKomojuRefunds } from "../../src/workflows/komoju-webhook/reconcile"
import { shuffled, type Checkout, type CheckoutKind } from "../helpers/checkouts"
import { FaultFigures } from "../helpers/fault-figures"
import { captureLogs, secretsIn } from "../helpers/log-capture"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"
import { eventually } from "../helpers/sandbox-control"
import { delivery, post } from "../helpers/webhooks"

const sandboxPort = komojuTestEnvironment()
jest.setTimeout(600_000)

const figures = new FaultFigures("webhooks")
const logs = captureLogs()

/**
 * The fault suite, webhook side: what KOMOJU's deliveries (and an attacker's) can do to
 * money, measured. Each figure is counted, not asserted as a constant: how many were
 * tried, how many ended as they must.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort, { webhooks: false, sandbox: { config: { webhook: { retry_base_ms: 100 } } } })
    const { url } = ctx
    const inbox = () => getContainer().resolve<KomojuModuleService>(KOMOJU_MODULE)
    const sentSignatures: string[] = []

    async function deliver(event: KomojuEvent, options: Parameters<typeof delivery>[1] = {}) {
      const d = delivery(event, options)
      if (d.headers["x-komoju-signature"]) sentSignatures.push(d.headers["x-komoju-signature"])
      return post(url(), d)
    }

    /** Until every accepted delivery is processed (the catch-up job's work, run by hand). */
    async function settled() {
      await eventually(async () => {
        const open = await inbox().listKomojuWebhookDeliveries({ status: ["received", "processing", "failed"] })
        return open.length === 0
      }, "every delivery processed", 120_000)
    }

    async function verifyAll(list: Checkout[]) {
      const problems: string[] = []
      for (const checkout of list) {
        const problem = await ctx.checkouts.verify(checkout)
        if (problem) problems.push(`${checkout.kind} ${checkout.cartId}: ${problem}`)
      }
      return problems
    }

    afterEach(async () => {
      await ctx.komoju.configure({ webhook: { drop_rate: 0, duplicate_rate: 0, reorder_rate: 0 } })
    })

    it("refuses forged, tampered, unsigned and wrong-secret deliveries; a replay under a new id changes nothing", async () => {
      const paid = await ctx.checkouts.pay("card", true)
      const [event] = ctx.sandbox.events({ payment: paid.komojuPaymentId, type: "payment.captured" })
      const refunded = { ...event, type: "payment.refunded", data: { ...event.data, status: "refunded", amount_refunded: 1700 } }
      await ctx.komoju.clearRequests()
      const before = JSON.stringify(await ctx.checkouts.order(paid.cartId))
      const forged = [
        ...Array.from({ length: 10 }, (_, i) => delivery(refunded, { secret: "whsec_attacker", id: `forged_${i}` })),
        ...Array.from({ length: 10 }, (_, i) => delivery(refunded, { secret: null, id: `unsigned_${i}` })),
        ...Array.from({ length: 10 }, (_, i) => ({ ...delivery(event, { id: `tampered_${i}` }), body: JSON.stringify(refunded) })),
        ...Array.from({ length: 10 }, (_, i) => delivery(refunded, { secret: "whsec_sandbox ", id: `wrong_secret_${i}` })),
      ]
      const refusals = (await Promise.all(forged.map((d) => post(url(), d)))).filter((r) => r.status === 401).length
      const replays = await Promise.all(Array.from({ length: 10 }, (_, i) => deliver(event, { id: `replay_${i}` })))
      await settled()
      const unchanged = JSON.stringify(await ctx.checkouts.order(paid.cartId)) === before
      const writes = (await ctx.komoju.requests()).filter((r) => r.method === "POST").length
      figures.add({ check: "forged, tampered, unsigned, wrong-secret deliveries refused with 401", tried: forged.length, held: unchanged && writes === 0 ? refusals : 0 })
      figures.add({ check: "valid bodies replayed under a new X-Komoju-ID: no state change, no KOMOJU write", tried: replays.length, held: unchanged && writes === 0 ? replays.filter((r) => r.status === 200).length : 0 })
      expect(refusals).toBe(forged.length)
      expect(unchanged).toBe(true)
      expect(writes).toBe(0)
    })

    it("every event of 20 checkouts, delivered 3 times and shuffled: one order and one capture each, refunds equal KOMOJU's", async () => {
      const plan: [CheckoutKind, boolean][] = [
        ...Array.from({ length: 5 }, (_, i): [CheckoutKind, boolean] => ["card", i % 2 === 0]),
        ...Array.from({ length: 4 }, (): [CheckoutKind, boolean] => ["card_manual", true]),
        ...Array.from({ length: 4 }, (_, i): [CheckoutKind, boolean] => ["konbini_paid", i % 2 === 0]),
        ...Array.from({ length: 4 }, (): [CheckoutKind, boolean] => ["konbini_expired", true]),
        ...Array.from({ length: 3 }, (_, i): [CheckoutKind, boolean] => ["dashboard_refund", i === 0]),
      ]
      const list: Checkout[] = []
      for (const [kind, returned] of plan) list.push(await ctx.checkouts.pay(kind, returned))
      for (const checkout of list) await ctx.checkouts.followUp(checkout)
      const events = list.flatMap((c) => ctx.sandbox.events({ payment: c.komojuPaymentId }))
      const deliveries = shuffled([...events, ...events, ...events])
      for (let i = 0; i < deliveries.length; i += 6) {
        await Promise.all(deliveries.slice(i, i + 6).map((event) => deliver(event)))
      }
      await settled()
      const problems = await verifyAll(list)
      figures.add({
        check: `events of 20 checkouts delivered 3 times, shuffled (${deliveries.length} deliveries)`,
        tried: list.length,
        held: list.length - problems.length,
        detail: problems.join("; ") || undefined,
      })
      expect(problems).toEqual([])
    })

    it("the return to the shop racing the webhook, 50 times: no double capture, no missing order", async () => {
      await ctx.komoju.configure({ webhook_url: `${url()}/hooks/payment/komoju_komoju` })
      await ctx.komoju.clearRequests()
      const list: Checkout[] = []
      for (let round = 0; round < 10; round++) {
        list.push(...(await Promise.all(Array.from({ length: 5 }, () => ctx.checkouts.pay("card", true)))))
      }
      await ctx.sandbox.webhooksIdle()
      await settled()
      const problems = await verifyAll(list)
      const captureCalls = (await ctx.komoju.requests()).filter((r) => r.method === "POST" && r.path.endsWith("/capture")).length
      figures.add({ check: "return to the shop racing the webhook (card, auto capture)", tried: list.length, held: list.length - problems.length, detail: problems.join("; ") || undefined })
      expect(problems).toEqual([])
      expect(captureCalls).toBe(0)
    })

    it("a burst: every event of 80 card checkouts nobody came back for, 3 times, all at once: every order placed, nothing refunded", async () => {
      const list: Checkout[] = []
      for (let i = 0; i < 80; i += 8) list.push(...(await Promise.all(Array.from({ length: 8 }, () => ctx.checkouts.pay("card", false)))))
      const events = list.flatMap((c) => ctx.sandbox.events({ payment: c.komojuPaymentId }))
      await ctx.komoju.clearRequests()
      // As KOMOJU retrying after an outage: hundreds in flight at once, each placing an order.
      await Promise.all(shuffled([...events, ...events, ...events]).map((event) => deliver(event)))
      await settled()
      const problems = await verifyAll(list)
      const refunds = (await ctx.komoju.requests()).filter((r) => r.method === "POST" && r.path.endsWith("/refund")).length
      figures.add({
        check: `a burst of ${events.length * 3} deliveries at once, 80 orders to place from webhooks alone (${refunds} refunds made)`,
        tried: list.length,
        held: refunds ? 0 : list.length - problems.length,
        detail: problems.join("; ") || undefined,
      })
      expect(refunds).toBe(0)
      expect(problems).toEqual([])
    })

    it("30% of webhook deliveries dropped: one reconciliation run repairs every one", async () => {
      await ctx.komoju.configure({ webhook_url: `${url()}/hooks/payment/komoju_komoju`, webhook: { drop_rate: 0.3 }, seed: 7 })
      const plan: CheckoutKind[] = ["card", "card", "card", "konbini_paid", "konbini_paid", "konbini_expired", "konbini_expired", "dashboard_refund", "dashboard_refund", "dashboard_refund"]
      const list: Checkout[] = []
      for (const kind of plan) list.push(await ctx.checkouts.pay(kind, kind === "konbini_expired"))
      for (const checkout of list) await ctx.checkouts.followUp(checkout)
      await ctx.sandbox.webhooksIdle()
      await settled()
      const dropped = ctx.sandbox.webhookAttempts().filter((w) => w.dropped).length
      const brokenBefore = (await verifyAll(list)).length
      await reconcileKomojuSessions(getContainer(), { graceMs: 0 })
      await sweepKomojuRefunds(getContainer())
      const problems = await verifyAll(list)
      figures.add({
        check: `30% of deliveries dropped (${dropped} dropped, ${brokenBefore} checkouts left wrong), then one reconciliation run`,
        tried: list.length,
        held: list.length - problems.length,
        detail: problems.join("; ") || undefined,
      })
      expect(dropped).toBeGreaterThan(0)
      expect(problems).toEqual([])
    })

    it("malformed bodies: a 4xx or an ignored 200, no crash, no state change", async () => {
      const paid = await ctx.checkouts.pay("card", true)
      const [event] = ctx.sandbox.events({ payment: paid.komojuPaymentId, type: "payment.captured" })
      const before = JSON.stringify(await ctx.checkouts.order(paid.cartId))
      const bodies = [
        JSON.stringify({ ...event, padding: "x".repeat(1_100_000) }),
        "not json at all",
        "[]",
        JSON.stringify({ ...event, data: "a payment" }),
        JSON.stringify({ ...event, data: { ...event.data, amount: "abc", id: 42 } }),
        JSON.stringify({ id: event.id }),
        JSON.stringify({ ...event, type: "subscription.renewed" }),
        JSON.stringify({ ...event, type: "payment.captured", data: { resource: "payment", id: "nosuchpayment0000000000000" } }),
      ]
      const answers = await Promise.all(bodies.map((body, i) => deliver(event, { body, id: `malformed_${i}` })))
      await settled()
      const health = await fetch(`${url()}/health`)
      const unchanged = JSON.stringify(await ctx.checkouts.order(paid.cartId)) === before
      const handled = answers.filter((a) => a.status < 500).length
      figures.add({ check: "malformed bodies (1 MB, not JSON, wrong types, missing fields, unknown types)", tried: bodies.length, held: health.ok && unchanged ? handled : 0 })
      expect(answers.map((a) => a.status).every((status) => status < 500)).toBe(true)
      expect(health.ok).toBe(true)
      expect(unchanged).toBe(true)
    })

    it("the logs of the whole suite hold no secret key, webhook secret, signature, e-mail or card number", () => {
      const found = secretsIn(logs.text(), ["sk_test_sandbox", "whsec_sandbox", "@example.jp", "4111111111111111", ...sentSignatures])
      figures.add({ check: `log lines without secrets, signatures, e-mails or card numbers (${logs.count()} lines)`, tried: logs.count(), held: logs.count() - found.length })
      expect(found).toEqual([])
    })
  },
})
