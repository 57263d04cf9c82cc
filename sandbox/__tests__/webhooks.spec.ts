import { createHmac } from "node:crypto"
import { SESSION, sandboxFor, webhookReceiver } from "./helpers"

const SECRET = "whsec_test"
type S = Awaited<ReturnType<typeof sandboxFor>>
type R = Awaited<ReturnType<typeof webhookReceiver>>
let sandbox: S
let receiver: R
let answer = 200

beforeEach(async () => {
  answer = 200
  receiver = await webhookReceiver(() => answer)
  sandbox = await sandboxFor({
    webhookUrl: receiver.url,
    webhookSecret: SECRET,
    config: { webhook: { retry_base_ms: 20 } as never },
  })
})
afterEach(async () => {
  await sandbox.close()
  await receiver.close()
})

async function payCard() {
  const { body: session } = await sandbox.call("POST", "/sessions", { ...SESSION, metadata: { medusa_payment_session_id: "payses_1" } })
  const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, {})
  await sandbox.webhooksIdle()
  return body.payment
}

it("signs each event with the hex HMAC-SHA256 of the exact body, and KOMOJU's headers", async () => {
  const payment = await payCard()
  expect(receiver.received).toHaveLength(1)
  const [{ headers, body }] = receiver.received
  expect(headers["x-komoju-signature"]).toBe(createHmac("sha256", SECRET).update(body).digest("hex"))
  expect(headers).toMatchObject({ "x-komoju-event": "payment.captured", "user-agent": "Komoju-Webhook", "content-type": "application/json" })
  const event = JSON.parse(body)
  expect(headers["x-komoju-id"]).toBe(event.id)
  expect(event).toMatchObject({
    type: "payment.captured",
    resource: "event",
    reason: null,
    data: { id: payment.id, resource: "payment", status: "captured", session: payment.session, metadata: { medusa_payment_session_id: "payses_1" } },
  })
})

it("sends refund.created for a partial refund and refunded as well for the last one", async () => {
  const payment = await payCard()
  await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 200 })
  await sandbox.call("POST", `/_sandbox/payments/${payment.id}/refund`, {})
  await sandbox.webhooksIdle()
  expect(receiver.types()).toEqual(["payment.captured", "payment.refund.created", "payment.refund.created", "payment.refunded"])
})

it("sends authorized for a konbini receipt, then captured when the customer pays", async () => {
  const { body: session } = await sandbox.call("POST", "/sessions", SESSION)
  const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: "konbini" })
  await sandbox.call("POST", `/_sandbox/payments/${body.payment.id}/pay`, {})
  await sandbox.webhooksIdle()
  expect(receiver.types()).toEqual(["payment.authorized", "payment.captured"])
})

it("sends expired when a konbini deadline passes, and cancelled and failed when they happen", async () => {
  for (const action of ["expire", "cancel", "fail"]) {
    const { body: session } = await sandbox.call("POST", "/sessions", SESSION)
    const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: "konbini" })
    await sandbox.call("POST", `/_sandbox/payments/${body.payment.id}/${action}`, {})
  }
  await sandbox.webhooksIdle()
  expect(receiver.types().filter((t) => t !== "payment.authorized")).toEqual(["payment.expired", "payment.cancelled", "payment.failed"])
})

it("retries a delivery the merchant answers with 500, with the same event id", async () => {
  answer = 500
  setTimeout(() => (answer = 200), 60)
  await payCard()
  const attempts = receiver.received.map((r) => r.headers["x-komoju-id"])
  expect(attempts.length).toBeGreaterThan(1)
  expect(new Set(attempts).size).toBe(1)
  const log = (await sandbox.call("GET", "/_sandbox/webhooks")).body
  expect(log.at(-1)).toMatchObject({ status: 200, attempt: attempts.length })
})

it("gives up after max_attempts", async () => {
  answer = 503
  await sandbox.call("PATCH", "/_sandbox/config", { webhook: { max_attempts: 3 } })
  await payCard()
  expect(receiver.received).toHaveLength(3)
})

it("duplicates a delivery when told to, with the same X-Komoju-ID", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { webhook: { duplicate_rate: 1 } })
  await payCard()
  expect(receiver.received).toHaveLength(2)
  expect(receiver.received[0].body).toBe(receiver.received[1].body)
})

it("drops a delivery when told to, and logs it", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { webhook: { drop_rate: 1 } })
  await payCard()
  expect(receiver.received).toHaveLength(0)
  expect((await sandbox.call("GET", "/_sandbox/webhooks")).body).toEqual([expect.objectContaining({ dropped: true, type: "payment.captured" })])
})

it("reorders deliveries when told to: the held event arrives after the next one", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { webhook: { reorder_rate: 1 } })
  const { body: session } = await sandbox.call("POST", "/sessions", SESSION)
  const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: "konbini" })
  await sandbox.call("PATCH", "/_sandbox/config", { webhook: { reorder_rate: 0 } })
  await sandbox.call("POST", `/_sandbox/payments/${body.payment.id}/pay`, {})
  await sandbox.webhooksIdle()
  expect(receiver.types()).toEqual(["payment.captured", "payment.authorized"])
})

it("sends a ping on demand", async () => {
  await sandbox.call("POST", "/_sandbox/webhooks/ping", {})
  await sandbox.webhooksIdle()
  expect(JSON.parse(receiver.received[0].body)).toMatchObject({ type: "ping", resource: "event", data: {} })
})
