import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { KOMOJU_MODULE } from "../../src/modules/komoju"
import type { KomojuModuleService } from "../../src/modules/komoju/service"
import { reconcileKomojuSessions, retryUnfinishedDeliveries, sweepKomojuRefunds } from "../../src/workflows/komoju-webhook/reconcile"
import type { Checkout, CheckoutKind } from "../helpers/checkouts"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"
import { FaultFigures } from "../helpers/fault-figures"
import { captureLogs, secretsIn } from "../helpers/log-capture"

const sandboxPort = komojuTestEnvironment()
jest.setTimeout(900_000)

const figures = new FaultFigures("komoju")
const logs = captureLogs()

/** KOMOJU misbehaving on 30% of calls to every endpoint, in equal parts. */
const FAULTS = { error_rate: 0.1, timeout_rate: 0.1, lost_answer_rate: 0.1, timeout_mode: "reset", seed: 4242 }
const NO_FAULTS = { error_rate: 0, timeout_rate: 0, lost_answer_rate: 0 }

/**
 * The fault suite, KOMOJU side: KOMOJU answering 5xx, not answering, or doing the work
 * and losing the answer, on 30% of calls to every endpoint, while shoppers pay and
 * admins capture, refund and cancel. People retry what failed, as they would. Every
 * checkout must end correct, and KOMOJU must show no side effect done twice.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort, { sandbox: { config: { webhook: { retry_base_ms: 100 } } } })
    const attempts = { failed: 0 }

    /** What a person does when something fails: try again, a few times. */
    async function persist<T>(what: () => Promise<T>, done?: () => Promise<boolean>): Promise<T | undefined> {
      for (let attempt = 1; attempt <= 10; attempt++) {
        if (done && (await done())) return undefined
        try {
          return await what()
        } catch {
          attempts.failed++
          await new Promise((resolve) => setTimeout(resolve, 300))
        }
      }
      throw new Error("still failing after 10 attempts")
    }

    async function pay(kind: CheckoutKind): Promise<Checkout> {
      const checkout = await persist(() => ctx.checkouts.pay(kind, false))
      await persist(() => ctx.checkouts.completeAsShopper(checkout!))
      return checkout!
    }

    async function refund(checkout: Checkout, amount: number) {
      const before = await ctx.checkouts.medusaRefunded(checkout.cartId)
      await persist(
        async () => {
          const order = await ctx.checkouts.order(checkout.cartId)
          await api.post(`/admin/payments/${order!.payments[0].id}/refund`, { amount }, ctx.admin)
        },
        // A refund whose answer was lost can still appear, recorded from KOMOJU's side.
        async () => (await settle(), (await ctx.checkouts.medusaRefunded(checkout.cartId)) >= before + amount)
      )
    }

    /** What the catch-up job does every two minutes, until nothing is left unprocessed. */
    async function settle() {
      await ctx.sandbox.webhooksIdle()
      const inbox = getContainer().resolve<KomojuModuleService>(KOMOJU_MODULE)
      for (let round = 0; round < 20; round++) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        const open = await inbox.listKomojuWebhookDeliveries({ status: ["received", "processing", "failed"] })
        if (!open.length) return
        await retryUnfinishedDeliveries(getContainer(), { olderThanMs: 0 })
      }
    }

    it("KOMOJU failing 30% of calls to every endpoint: every checkout, capture, refund and cancel ends correct, nothing done twice", async () => {
      await ctx.komoju.configure(FAULTS)
      const list: Checkout[] = []
      const expectedRefunds = new Map<string, number[]>()
      try {
        for (const kind of ["card", "card", "card", "card_manual", "card_manual", "konbini_paid", "konbini_paid"] as const) {
          list.push(await pay(kind))
        }
        for (const checkout of list.filter((c) => c.kind === "card_manual")) {
          await persist(
            async () => {
              const order = await ctx.checkouts.order(checkout.cartId)
              await api.post(`/admin/payments/${order!.payments[0].id}/capture`, {}, ctx.admin)
            },
            async () => (await ctx.checkouts.order(checkout.cartId))!.payments[0]?.captures.length > 0
          )
        }
        for (const checkout of list.filter((c) => c.kind === "card" || c.kind === "card_manual").slice(0, 4)) {
          await refund(checkout, 300)
          await refund(checkout, 200)
          expectedRefunds.set(checkout.cartId, [200, 300])
        }
        for (const checkout of list.filter((c) => c.kind === "konbini_paid")) {
          await persist(() => ctx.komoju.customerPays(checkout.komojuPaymentId))
        }
        const cancelled: Checkout[] = []
        for (let i = 0; i < 3; i++) {
          const checkout = await pay("konbini_cancelled")
          cancelled.push(checkout)
          await persist(
            async () => {
              const order = await ctx.checkouts.order(checkout.cartId)
              await api.post(`/admin/orders/${order!.id}/cancel`, {}, ctx.admin)
            },
            async () => (await ctx.checkouts.order(checkout.cartId))?.status === "canceled"
          )
        }
        list.push(...cancelled)
      } finally {
        await ctx.komoju.configure(NO_FAULTS)
      }
      await settle()
      await reconcileKomojuSessions(getContainer(), { graceMs: 0 })
      await sweepKomojuRefunds(getContainer())

      const problems: string[] = []
      for (const checkout of list) {
        const problem = await ctx.checkouts.verify(checkout, expectedRefunds.get(checkout.cartId))
        if (problem) problems.push(`${checkout.kind} ${checkout.cartId}: ${problem}`)
      }
      const requests = await ctx.komoju.requests()
      const faulted = requests.filter((r) => r.fault).length
      const processedByKey = new Map<string, number>()
      for (const r of requests) {
        const processed = !r.replayed && (r.fault === "lost_answer" || (!r.fault && r.status >= 200 && r.status < 300))
        if (r.idempotency_key && processed) processedByKey.set(r.idempotency_key, (processedByKey.get(r.idempotency_key) ?? 0) + 1)
      }
      const twice = [...processedByKey].filter(([, count]) => count > 1)
      figures.add({
        check: `KOMOJU failing 30% of calls (${faulted} of ${requests.length} calls faulted, ${attempts.failed} operations retried by people)`,
        tried: list.length,
        held: list.length - problems.length,
        detail: problems.join("; ") || undefined,
      })
      figures.add({ check: "KOMOJU writes done once per idempotency key under those faults", tried: processedByKey.size, held: processedByKey.size - twice.length })
      expect(problems).toEqual([])
      expect(twice).toEqual([])
    })

    it("the logs of the suite hold no secret key, webhook secret, e-mail or card number", () => {
      const found = secretsIn(logs.text(), ["sk_test_sandbox", "whsec_sandbox", "@example.jp", "4111111111111111"])
      figures.add({ check: `log lines without secrets, e-mails or card numbers, KOMOJU faults (${logs.count()} lines)`, tried: logs.count(), held: logs.count() - found.length })
      expect(found).toEqual([])
    })
  },
})
