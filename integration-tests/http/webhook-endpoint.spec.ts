import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createHmac } from "node:crypto"
import { KOMOJU_MODULE } from "../../src/modules/komoju"
import type { KomojuModuleService } from "../../src/modules/komoju/service"

process.env.MEDUSA_ADMIN_DISABLED = "true"
jest.setTimeout(120_000)

// The sandbox's default secret, which medusa-config.ts uses without KOMOJU keys.
const SECRET = "whsec_sandbox"
const HOOK = "/hooks/payment/komoju_komoju"

function delivery(body: object, { secret = SECRET, id = "dlv_1" }: { secret?: string | null; id?: string } = {}) {
  const raw = JSON.stringify(body)
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-komoju-id": id,
    "x-komoju-event": String((body as { type?: string }).type),
  }
  if (secret) headers["x-komoju-signature"] = createHmac("sha256", secret).update(raw).digest("hex")
  return { raw, config: { headers, validateStatus: () => true } }
}

const ping = { id: "evt_ping", type: "ping", resource: "event", data: {}, created_at: "2026-11-23T10:00:00Z", reason: null }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ledger = () => getContainer().resolve<KomojuModuleService>(KOMOJU_MODULE)

    it("accepts a delivery signed with the webhook secret and records it", async () => {
      const { raw, config } = delivery(ping)
      const response = await api.post(HOOK, raw, config)
      expect(response.status).toBe(200)
      expect(await ledger().webhookHealth()).toMatchObject({
        last_accepted_event: "ping",
        last_accepted_at: expect.any(Date),
        refused_count: 0,
      })
    })

    it("refuses an unsigned delivery with 401 and counts it", async () => {
      const { raw, config } = delivery(ping, { secret: null })
      const response = await api.post(HOOK, raw, config)
      expect(response.status).toBe(401)
      expect(await ledger().webhookHealth()).toMatchObject({ refused_count: 1, last_accepted_at: null })
    })

    it("refuses a delivery signed with another secret", async () => {
      const { raw, config } = delivery(ping, { secret: "whsec_attacker" })
      expect((await api.post(HOOK, raw, config)).status).toBe(401)
    })

    it("refuses a body changed after signing", async () => {
      const { config } = delivery(ping)
      const tampered = JSON.stringify({ ...ping, type: "payment.captured" })
      expect((await api.post(HOOK, tampered, config)).status).toBe(401)
    })

    it("answers a repeated delivery without processing it twice", async () => {
      const { raw, config } = delivery(ping, { id: "dlv_repeat" })
      expect((await api.post(HOOK, raw, config)).status).toBe(200)
      const again = await api.post(HOOK, raw, config)
      expect(again.status).toBe(200)
      expect(again.data).toEqual({ duplicate: true })
      const [, accepted] = await ledger().listAndCountKomojuWebhookDeliveries({ delivery_id: "dlv_repeat" })
      expect(accepted).toBe(1)
    })
  },
})
