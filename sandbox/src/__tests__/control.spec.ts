import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SESSION, sandboxFor, webhookReceiver, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

describe("clock", () => {
  it("expires a konbini payment, with its webhook, when the clock passes its deadline", async () => {
    const receiver = await webhookReceiver()
    try {
      await sandbox.call("PATCH", "/_sandbox/config", { webhook_url: receiver.url })
      const payment = await sandbox.paidPayment("konbini")
      const early = await sandbox.call("POST", "/_sandbox/clock/advance", { days: 2 })
      expect(early.body.expired_payments).toEqual([])
      const { body } = await sandbox.call("POST", "/_sandbox/clock/advance", { days: 2 })
      expect(body).toMatchObject({ expired_payments: [payment.id], offset_seconds: 4 * 86_400, now: expect.stringMatching(/\+09:00$/) })
      expect((await sandbox.call("GET", `/payments/${payment.id}`)).body.status).toBe("expired")
      await sandbox.webhooksIdle()
      expect(receiver.types()).toEqual(["payment.authorized", "payment.updated", "payment.expired", "payment.updated"])
    } finally {
      await receiver.close()
    }
  })

  it("marks a session expired (still pending) after expires_in_seconds, and it can no longer be paid", async () => {
    const session = await sandbox.createSession({ expires_in_seconds: 60 })
    const { body } = await sandbox.call("POST", "/_sandbox/clock/advance", { seconds: 61 })
    expect(body.expired_sessions).toEqual([session.id])
    expect((await sandbox.call("GET", `/sessions/${session.id}`)).body).toMatchObject({ status: "pending", expired: true })
    expect(await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, {})).toMatchObject({ status: 422 })
  })

  it("lets a held card authorization lapse after 30 days", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { capture: "manual" } })
    const { body } = await sandbox.call("POST", "/_sandbox/clock/advance", { days: 31 })
    expect(body.expired_payments).toEqual([payment.id])
  })

  it("refuses a customer payment of a konbini slip after its deadline", async () => {
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("POST", "/_sandbox/clock/advance", { days: 5 })
    expect(await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})).toMatchObject({ status: 422 })
  })
})

describe("shopper actions", () => {
  it("cancels the session when the customer goes back to the merchant, and gives the return URL", async () => {
    const session = await sandbox.createSession({ return_url: "https://shop.example/return?cart=c1" })
    const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/back`, {})
    expect(body).toMatchObject({ session: { status: "cancelled" }, redirect_url: `https://shop.example/return?cart=c1&session_id=${session.id}` })
  })

  it("completes a session as a given konbini store and answers the redirect URL", async () => {
    const session = await sandbox.createSession()
    const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: "konbini", store: "lawson" })
    expect(body).toMatchObject({
      session: { status: "completed" },
      payment: { status: "authorized", payment_details: { store: "lawson" } },
      redirect_url: `https://shop.example/return?session_id=${session.id}`,
    })
  })

  it("refuses a payment type the session does not offer with 422 invalid_payment_type", async () => {
    const session = await sandbox.createSession({ payment_types: ["credit_card"] })
    expect(await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: "konbini" })).toMatchObject({
      status: 422,
      body: { error: { code: "invalid_payment_type" } },
    })
  })

  it("answers 404 for a control endpoint that does not exist", async () => {
    expect((await sandbox.call("POST", "/_sandbox/nothing", {})).status).toBe(404)
  })
})

describe("request log", () => {
  it("records every API request with method, path, status, idempotency key and time, not control calls", async () => {
    const session = await sandbox.createSession({}, { "x-komoju-idempotency": "k1" })
    await sandbox.call("GET", `/sessions/${session.id}`)
    await sandbox.call("GET", "/sessions/unknown")
    await sandbox.call("GET", "/_sandbox/config")
    const { body } = await sandbox.call("GET", "/_sandbox/requests")
    expect(body).toEqual([
      expect.objectContaining({ method: "POST", path: "/sessions", status: 200, idempotency_key: "k1", at: expect.stringMatching(/\+09:00$/) }),
      expect.objectContaining({ method: "GET", path: `/sessions/${session.id}`, status: 200, idempotency_key: null }),
      expect.objectContaining({ method: "GET", path: "/sessions/unknown", status: 404 }),
    ])
  })

  it("filters by method, path prefix and status, and clears", async () => {
    await sandbox.createSession()
    await sandbox.createSession()
    await sandbox.call("GET", "/payments")
    expect((await sandbox.call("GET", "/_sandbox/requests?method=post&path_prefix=/sessions")).body).toHaveLength(2)
    expect((await sandbox.call("GET", "/_sandbox/requests?status=200")).body).toHaveLength(3)
    await sandbox.call("DELETE", "/_sandbox/requests")
    expect((await sandbox.call("GET", "/_sandbox/requests")).body).toEqual([])
  })

  it("counts the KOMOJU calls of a checkout: one create, one show", async () => {
    const session = await sandbox.createSession()
    await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, {})
    await sandbox.call("GET", `/sessions/${session.id}`)
    expect(sandbox.requests().map((c) => `${c.method} ${c.path.replace(session.id, ":id")}`)).toEqual(["POST /sessions", "GET /sessions/:id"])
  })
})

describe("state", () => {
  it("keeps sessions, payments and the clock in a state file across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "komoju-sandbox-"))
    const file = join(dir, "state.json")
    try {
      const first = await sandboxFor({ stateFile: file })
      const payment = await first.paidPayment("konbini", {}, { payment_data: { external_order_num: "order-1" } })
      await first.call("POST", "/_sandbox/clock/advance", { hours: 1 })
      await first.close()
      expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ version: 1, clock_offset_seconds: 3600 })

      const second = await sandboxFor({ stateFile: file })
      try {
        expect((await second.call("GET", `/payments/${payment.id}`)).body).toEqual(payment)
        expect((await second.call("GET", "/_sandbox/clock")).body.offset_seconds).toBe(3600)
        expect((await second.call("POST", "/sessions", { ...SESSION, payment_data: { external_order_num: "order-1" } })).status).toBe(422)
        expect((await second.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})).body.status).toBe("captured")
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("forgets everything on reset", async () => {
    const payment = await sandbox.paidPayment()
    await sandbox.call("POST", "/_sandbox/reset", {})
    expect((await sandbox.call("GET", `/payments/${payment.id}`)).status).toBe(404)
    expect((await sandbox.call("GET", "/_sandbox/requests")).body).toEqual([expect.objectContaining({ path: `/payments/${payment.id}` })])
  })

  it("restores the start-up settings on reset with config: true", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { error_rate: 0.5 })
    await sandbox.call("POST", "/_sandbox/reset", { config: true })
    expect((await sandbox.call("GET", "/_sandbox/config")).body.error_rate).toBe(0)
  })
})
