import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { KOMOJU_MODULE } from "../../src/modules/komoju"
import type { KomojuModuleService } from "../../src/modules/komoju/service"
import { orderOfCart } from "../helpers/medusa-state"
import { komojuTestEnvironment, useKomojuStore } from "../helpers/komoju-store"
import { eventually } from "../helpers/sandbox-control"
import { delivery, post } from "../helpers/webhooks"

const sandboxPort = komojuTestEnvironment()
jest.setTimeout(120_000)

const ping = { id: "evt_ping", type: "ping", resource: "event", data: {}, created_at: "2026-11-23T10:00:00Z", reason: null }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ctx = useKomojuStore({ api, getContainer }, sandboxPort, { webhooks: false })
    const ledger = () => getContainer().resolve<KomojuModuleService>(KOMOJU_MODULE)
    const url = () => api.defaults.baseURL as string

    /** A card payment nobody came back for, and the KOMOJU event that reports it. */
    async function paidCheckout() {
      const cart = await ctx.shopper.fillCart(ctx.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
      const started = await ctx.shopper.startPayment(cart.id)
      const { payment } = await ctx.komoju.complete(started.komojuSessionId, { payment_type: "credit_card" })
      const [event] = ctx.sandbox.events({ payment: payment.id, type: "payment.captured" })
      return { cart, payment, event }
    }

    it("refuses forged, unsigned and tampered deliveries with 401, changes nothing, and counts them in one row", async () => {
      const { event } = await paidCheckout()
      const tampered = delivery(event)
      const forgeries = [
        ...Array.from({ length: 10 }, (_, i) => delivery(event, { secret: null, id: `dlv_unsigned_${i}` })),
        ...Array.from({ length: 10 }, (_, i) => delivery(event, { secret: "whsec_attacker", id: `dlv_forged_${i}` })),
        ...Array.from({ length: 10 }, (_, i) => ({ ...tampered, body: tampered.body.replace('"amount":1700', '"amount":17'), headers: { ...tampered.headers, "x-komoju-id": `dlv_tampered_${i}` } })),
      ]
      const answers = await Promise.all(forgeries.map((forged) => post(url(), forged)))
      expect(answers.map((a) => a.status)).toEqual(forgeries.map(() => 401))
      expect(await ledger().listKomojuWebhookDeliveries({})).toEqual([])
      const refusals = await ledger().listKomojuWebhookRefusals({})
      expect(refusals).toHaveLength(1)
      expect(refusals[0].count).toBe(30)
      expect(await ledger().webhookHealth()).toMatchObject({ refused_count: 30, last_processed_at: null })
    })

    it("answers a verified delivery that is no payment event 200, a body that is not JSON 4xx, and records nothing", async () => {
      expect((await post(url(), delivery(ping))).status).toBe(200)
      expect((await post(url(), delivery(ping, { body: JSON.stringify({ hello: "world" }) }))).status).toBe(200)
      const notJson = await post(url(), delivery(ping, { body: "not json" }))
      expect(notJson.status).toBeGreaterThanOrEqual(400)
      expect(notJson.status).toBeLessThan(500)
      expect(await ledger().listKomojuWebhookDeliveries({})).toEqual([])
    })

    it("records a delivery once however many copies arrive at once, and marks it processed only when the order exists", async () => {
      const { cart, payment, event } = await paidCheckout()
      await ctx.komoju.clearRequests()
      const copies = await Promise.all(Array.from({ length: 10 }, () => post(url(), delivery(event))))
      expect(copies.map((c) => c.status)).toEqual(copies.map(() => 200))
      const rows = await ledger().listKomojuWebhookDeliveries({ delivery_id: event.id })
      expect(rows).toHaveLength(1)
      await eventually(async () => (await ledger().listKomojuWebhookDeliveries({ delivery_id: event.id, status: "processed" }))[0], "the delivery processed")
      expect(await orderOfCart(getContainer(), api, ctx.admin, cart.id)).toMatchObject({ payment_status: "captured" })
      // One read-back, placing the order included: the payment through its session, used for both.
      const reads = (await ctx.komoju.requestsBesidesSweep()).filter((r) => r.method === "GET")
      expect(reads).toHaveLength(1)
      expect(ctx.sandbox.session(reads[0].path.split("/")[2])?.payment?.id).toBe(payment.id)
    })

    it("answers a repeat of a processed delivery 200 and does not process it again", async () => {
      const { event } = await paidCheckout()
      await post(url(), delivery(event))
      await eventually(async () => (await ledger().listKomojuWebhookDeliveries({ delivery_id: event.id, status: "processed" }))[0], "processed")
      await ctx.komoju.clearRequests()
      expect(await post(url(), delivery(event))).toEqual({ status: 200, body: { duplicate: true } })
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await ctx.komoju.requestsBesidesSweep()).toEqual([])
    })

    it("processes a delivery again when its first processing failed, instead of calling the retry a duplicate", async () => {
      const { cart, event } = await paidCheckout()
      // KOMOJU cannot be reached for the read-back, retries included.
      await ctx.komoju.configure({ next_errors: 3, fault_path_pattern: "^GET /(payments|sessions)/" })
      try {
        await post(url(), delivery(event))
        const [failed] = await eventually(
          async () => ledger().listKomojuWebhookDeliveries({ delivery_id: event.id, status: "failed" }).then((r) => (r.length ? r : undefined)),
          "the first processing failed"
        )
        expect(failed).toMatchObject({ attempts: 1, last_error: expect.stringContaining("service_unavailable") })
        expect(await orderOfCart(getContainer(), api, ctx.admin, cart.id)).toBeUndefined()
      } finally {
        await ctx.komoju.configure({ next_errors: 0, fault_path_pattern: null })
      }
      // KOMOJU's retry of the same delivery.
      expect(await post(url(), delivery(event))).toMatchObject({ status: 200, body: { received: true } })
      await eventually(async () => (await orderOfCart(getContainer(), api, ctx.admin, cart.id))?.payment_status === "captured", "the order placed by the retry")
      // The order is placed while the retry is processed; the delivery is marked done after.
      await eventually(
        async () => (await ledger().listKomojuWebhookDeliveries({ delivery_id: event.id, status: "processed" }))[0],
        "the retry processed"
      )
      expect(await ledger().listKomojuWebhookDeliveries({ delivery_id: event.id })).toEqual([
        expect.objectContaining({ status: "processed", attempts: 2 }),
      ])
    })
  },
})
