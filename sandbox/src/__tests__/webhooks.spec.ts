import { createHmac } from "node:crypto"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { verifyWebhookSignature } from "../index"
import { sandboxFor, webhookReceiver, type Receiver, type TestSandbox } from "./helpers"

const SECRET = "whsec_test"
let sandbox: TestSandbox
let receiver: Receiver

/** Delivery mechanics are tested on the specific events alone; `events` below covers payment.updated. */
const SPECIFIC_ONLY = { payment_updated_event: "off" } as const

async function start(statuses: number[] = [200], options: Parameters<typeof sandboxFor>[0] = {}) {
  receiver = await webhookReceiver(statuses)
  sandbox = await sandboxFor({ webhookUrl: receiver.url, webhookSecret: SECRET, webhookRetry: { baseMs: 10 }, config: SPECIFIC_ONLY, ...options })
}

afterEach(async () => {
  await sandbox?.close()
  await receiver?.close()
})

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "fixtures", name), "utf8"))

describe("signing and shape", () => {
  beforeEach(() => start())

  it("signs each event with the lower-case hex HMAC-SHA256 of the exact body, keyed with the webhook secret", async () => {
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    const [{ headers, body }] = receiver.received
    expect(headers["x-komoju-signature"]).toBe(createHmac("sha256", SECRET).update(body).digest("hex"))
    expect(verifyWebhookSignature(body, headers["x-komoju-signature"] as string, SECRET)).toBe(true)
    expect(verifyWebhookSignature(body.replace("captured", "refunded"), headers["x-komoju-signature"] as string, SECRET)).toBe(false)
  })

  it("sends KOMOJU's headers: event type, event id, user agent, JSON content type", async () => {
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    const [{ headers, body }] = receiver.received
    expect(headers).toMatchObject({
      "x-komoju-event": "payment.captured",
      "x-komoju-id": JSON.parse(body).id,
      "user-agent": "Komoju-Webhook",
      "content-type": "application/json",
    })
  })

  it("wraps the payment in KOMOJU's event envelope, with the fixture's fields", async () => {
    const payment = await sandbox.paidPayment("konbini", { store: "family-mart" }, { metadata: { woocommerce_order_id: "101" } })
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/expire`, {})
    await sandbox.webhooksIdle()
    const expired = receiver.events().find((e) => e.type === "payment.expired")
    const sample = fixture("event-payment-expired-konbini.json")
    expect(Object.keys(expired).sort()).toEqual(Object.keys(sample).sort())
    expect(Object.keys(expired.data).sort()).toEqual(Object.keys(sample.data).sort())
    expect(expired).toMatchObject({
      id: expect.stringMatching(/^[a-z0-9]{25}$/),
      resource: "event",
      reason: null,
      data: { id: payment.id, status: "expired", session: payment.session, metadata: { woocommerce_order_id: "101" }, payment_details: { type: "konbini", store: "family-mart" } },
    })
  })

  it("signs with a secret changed at runtime", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { webhook_secret: "whsec_rotated" })
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    const [{ headers, body }] = receiver.received
    expect(verifyWebhookSignature(body, headers["x-komoju-signature"] as string, "whsec_rotated")).toBe(true)
  })
})

describe("events", () => {
  beforeEach(() => start([200], { config: {} }))

  /** The specific events, without the payment.updated that follows each (see payment-events.spec.ts). */
  const specific = () => receiver.types().filter((type) => type !== "payment.updated")

  it("sends payment.captured for a card paid in auto capture, then payment.updated", async () => {
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["payment.captured", "payment.updated"])
  })

  it("sends payment.authorized for a held card, then payment.captured when the merchant captures", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { capture: "manual" } })
    await sandbox.call("POST", `/payments/${payment.id}/capture`, {})
    await sandbox.webhooksIdle()
    expect(specific()).toEqual(["payment.authorized", "payment.captured"])
  })

  it("sends payment.authorized for a konbini receipt, then payment.captured when the customer pays", async () => {
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["payment.authorized", "payment.updated", "payment.captured", "payment.updated"])
    expect(receiver.events()[2].data).toMatchObject({ status: "captured", captured_at: expect.any(String) })
  })

  it.each([
    ["expire", "payment.expired"],
    ["cancel", "payment.cancelled"],
    ["fail", "payment.failed"],
  ])("sends the event when a waiting payment is told to %s", async (action, type) => {
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/${action}`, {})
    await sandbox.webhooksIdle()
    expect(specific()).toEqual(["payment.authorized", type])
  })

  it("sends payment.failed with the reason for a declined card, its data pending as today's API reports it", async () => {
    const session = await sandbox.createSession()
    await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: "4123111111111000" })
    await sandbox.webhooksIdle()
    expect(receiver.events()).toEqual([
      expect.objectContaining({ type: "payment.failed", reason: "insufficient_funds", data: expect.objectContaining({ status: "pending" }) }),
      expect.objectContaining({ type: "payment.updated", reason: "insufficient_funds", data: expect.objectContaining({ status: "pending" }) }),
    ])
  })

  it("sends payment.refund.created for each refund, and payment.refunded too for the one that completes it", async () => {
    const payment = await sandbox.paidPayment()
    await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 200 })
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/refund`, {})
    await sandbox.webhooksIdle()
    expect(specific()).toEqual(["payment.captured", "payment.refund.created", "payment.refund.created", "payment.refunded"])
    expect(receiver.events().filter((e) => e.type !== "payment.updated").map((e) => e.data.amount_refunded)).toEqual([0, 200, 1200, 1200])
  })

  it("sends a ping on demand, with empty data", async () => {
    await sandbox.call("POST", "/_sandbox/webhooks/ping", {})
    await sandbox.webhooksIdle()
    expect(receiver.events()).toEqual([expect.objectContaining({ type: "ping", resource: "event", data: {} })])
  })
})

it("sends a ping at start when a webhook URL is set", async () => {
  await start([200], { pingOnStart: true })
  await sandbox.webhooksIdle()
  expect(receiver.types()).toEqual(["ping"])
})

describe("retries", () => {
  it("retries a delivery the merchant answers with 500 until a 2xx, with the same event id", async () => {
    await start([500, 500, 200])
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    const ids = receiver.received.map((r) => r.headers["x-komoju-id"])
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(1)
    expect((await sandbox.call("GET", "/_sandbox/webhooks")).body.map((w: { attempt: number; status: number }) => [w.attempt, w.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ])
  })

  it("gives up after max_attempts", async () => {
    await start([503], { webhookRetry: { baseMs: 5, maxAttempts: 3 } })
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    expect(receiver.received).toHaveLength(3)
  })

  it("retries after a network error and logs the error", async () => {
    await start()
    await sandbox.call("PATCH", "/_sandbox/config", { webhook_url: "http://127.0.0.1:9/unreachable", webhook: { max_attempts: 2 } })
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    expect(sandbox.webhookAttempts()).toEqual([
      expect.objectContaining({ attempt: 1, status: null, error: expect.any(String) }),
      expect.objectContaining({ attempt: 2, status: null, error: expect.any(String) }),
    ])
  })
})

describe("delivery faults", () => {
  beforeEach(() => start())

  it("duplicates a delivery: the same body and X-Komoju-ID arrive twice", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { webhook: { duplicate_rate: 1 } })
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    expect(receiver.received).toHaveLength(2)
    expect(receiver.received[0].body).toBe(receiver.received[1].body)
    expect(sandbox.webhookAttempts().map((w) => w.duplicate)).toEqual([false, true])
  })

  it("drops a delivery and logs it as dropped", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { webhook: { drop_rate: 1 } })
    await sandbox.paidPayment()
    await sandbox.webhooksIdle()
    expect(receiver.received).toHaveLength(0)
    expect(sandbox.webhookAttempts()).toEqual([expect.objectContaining({ type: "payment.captured", dropped: true, attempt: 0 })])
  })

  it("reorders deliveries: a held event arrives after the next one", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { webhook: { reorder_rate: 1 } })
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("PATCH", "/_sandbox/config", { webhook: { reorder_rate: 0 } })
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["payment.captured", "payment.authorized"])
    expect(sandbox.webhookAttempts().map((w) => [w.type, w.reordered])).toEqual([
      ["payment.captured", false],
      ["payment.authorized", true],
    ])
  })

  it("delays a delivery so that a later event overtakes it", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { webhook: { delay_ms: 1_000 } })
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("PATCH", "/_sandbox/config", { webhook: { delay_ms: 0 } })
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["payment.captured", "payment.authorized"])
    expect(sandbox.webhookAttempts({ type: "payment.authorized" })).toEqual([expect.objectContaining({ delayed_ms: 1_000 })])
  })
})
