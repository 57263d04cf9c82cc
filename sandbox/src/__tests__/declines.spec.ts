import { sandboxFor, webhookReceiver, type Receiver, type TestSandbox } from "./helpers"

let sandbox: TestSandbox
let receiver: Receiver

beforeEach(async () => {
  receiver = await webhookReceiver()
  sandbox = await sandboxFor({ webhookUrl: receiver.url, webhookRetry: { baseMs: 10 } })
})
afterEach(async () => {
  await sandbox.close()
  await receiver.close()
})

const DECLINED = "4123111111111000"
const complete = (sessionId: string, body: Record<string, unknown> = {}) => sandbox.call("POST", `/_sandbox/sessions/${sessionId}/complete`, body)
const version = (value: string) => ({ "x-komoju-api-version": value })

async function declinedPayment(card = DECLINED) {
  const session = await sandbox.createSession()
  return (await complete(session.id, { card_number: card })).body.payment
}

describe("a declined card under today's API (the default)", () => {
  it("is a pending payment held by a session that stays pending", async () => {
    const payment = await declinedPayment()
    expect((await sandbox.call("GET", `/payments/${payment.id}`)).body.status).toBe("pending")
    expect((await sandbox.call("GET", `/sessions/${payment.session}`)).body).toMatchObject({ status: "pending", payment: { id: payment.id, status: "pending" } })
  })

  it("leaves a cancelled session holding the pending payment when the shopper goes back to the merchant", async () => {
    const payment = await declinedPayment()
    await sandbox.call("POST", `/_sandbox/sessions/${payment.session}/back`, {})
    expect((await sandbox.call("GET", `/sessions/${payment.session}`)).body).toMatchObject({ status: "cancelled", payment: { id: payment.id, status: "pending" } })
  })

  it("is failed on the dashboard page", async () => {
    const payment = await declinedPayment()
    expect(await (await fetch(`${sandbox.url}/admin/payments/${payment.id}`)).text()).toContain('data-testid="dashboard-status">failed<')
  })

  it("is found by GET /payments?status=pending, not status=failed", async () => {
    const payment = await declinedPayment()
    expect((await sandbox.call("GET", "/payments?status=pending")).body.data.map((p: { id: string }) => p.id)).toEqual([payment.id])
    expect((await sandbox.call("GET", "/payments?status=failed")).body.total).toBe(0)
  })

  it("can be cancelled, as a pending payment can, but not captured or refunded", async () => {
    const payment = await declinedPayment()
    expect((await sandbox.call("POST", `/payments/${payment.id}/capture`, {})).status).toBe(422)
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, {})).status).toBe(422)
    expect((await sandbox.call("POST", `/payments/${payment.id}/cancel`, {})).body.status).toBe("cancelled")
  })

  it("sends payment.failed (then payment.updated) with the reason, the data pending", async () => {
    await declinedPayment()
    await sandbox.webhooksIdle()
    expect(receiver.events().map((e) => [e.type, e.reason, e.data.status])).toEqual([
      ["payment.failed", "insufficient_funds", "pending"],
      ["payment.updated", "insufficient_funds", "pending"],
    ])
  })

  it("sends nothing with payment_failed_on_decline off", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { payment_failed_on_decline: false })
    await declinedPayment()
    await sandbox.webhooksIdle()
    expect(receiver.received).toEqual([])
  })

  it("sends payment.failed for each declined attempt, then payment.captured for the retry that succeeds", async () => {
    const session = await sandbox.createSession()
    await complete(session.id, { card_number: DECLINED })
    await complete(session.id, { card_number: "4123111111111018" })
    await complete(session.id, {})
    await sandbox.webhooksIdle()
    expect(receiver.types().filter((t) => t !== "payment.updated")).toEqual(["payment.failed", "payment.failed", "payment.captured"])
  })
})

describe("declined_payment_status: failed (a future API version as the account default)", () => {
  beforeEach(() => sandbox.call("PATCH", "/_sandbox/config", { declined_payment_status: "failed" }))

  it("reports the declined card failed, in the API and in webhooks", async () => {
    const payment = await declinedPayment()
    expect(payment.status).toBe("failed")
    expect((await sandbox.call("GET", `/sessions/${payment.session}`)).body).toMatchObject({ status: "pending", payment: { status: "failed" } })
    await sandbox.webhooksIdle()
    expect(receiver.events().map((e) => e.data.status)).toEqual(["failed", "failed"])
  })

  it("refuses to cancel it: a failed payment is not cancellable", async () => {
    const payment = await declinedPayment()
    expect(await sandbox.call("POST", `/payments/${payment.id}/cancel`, {})).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })
})

describe("X-KOMOJU-API-VERSION with failed_status_api_version", () => {
  beforeEach(() => sandbox.call("PATCH", "/_sandbox/config", { failed_status_api_version: "2026-01-01" }))

  it.each([
    ["2026-01-01", "failed"],
    ["v.2026-03-15", "failed"],
    ["2025-01-28", "pending"],
    ["not-a-version", "pending"],
  ])("shows a request pinning %s a %s payment", async (pinned, status) => {
    const payment = await declinedPayment()
    expect((await sandbox.call("GET", `/payments/${payment.id}`, undefined, version(pinned))).body.status).toBe(status)
    expect((await sandbox.call("GET", `/sessions/${payment.session}`, undefined, version(pinned))).body.payment.status).toBe(status)
  })

  it("leaves unpinned requests and webhooks on the account default (pending)", async () => {
    const payment = await declinedPayment()
    expect((await sandbox.call("GET", `/payments/${payment.id}`)).body.status).toBe("pending")
    await sandbox.webhooksIdle()
    expect(receiver.events()[0].data.status).toBe("pending")
  })

  it("refuses a version that is not a date", async () => {
    expect((await sandbox.call("PATCH", "/_sandbox/config", { failed_status_api_version: "latest" })).status).toBe(400)
  })
})

describe("methods other than cards", () => {
  it("report a failed konbini attempt (Komoju-Scenario) as failed: KOMOJU's change concerns cards", async () => {
    const session = await sandbox.createSession({}, { "komoju-scenario": "insufficient_funds" })
    const { body } = await complete(session.id, { payment_type: "konbini" })
    expect(body.payment.status).toBe("failed")
  })
})
