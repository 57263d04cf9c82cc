import { SESSION, sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

const key = (value: string) => ({ "x-komoju-idempotency": value })

/** Polls until the check holds (jest's timeout bounds it). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10))
}

async function inFlight(value: string): Promise<boolean> {
  const { body } = await sandbox.call("GET", "/_sandbox/idempotency")
  return body.some((entry: { key: string; in_flight: boolean }) => entry.key === value && entry.in_flight)
}

it("replays the first answer, status and body, for the same key and body without creating another session", async () => {
  const first = await sandbox.call("POST", "/sessions", SESSION, key("payses_1"))
  const second = await sandbox.call("POST", "/sessions", SESSION, key("payses_1"))
  expect(second.status).toBe(first.status)
  expect(second.body).toEqual(first.body)
  expect(sandbox.requests({ path: "/sessions" }).map((r) => r.replayed)).toEqual([false, true])
})

it("replays a refused request as refused, even after the cause is gone", async () => {
  const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { capture: "manual" } })
  const refused = await sandbox.call("POST", `/payments/${payment.id}/refund`, {}, key("refund_1"))
  await sandbox.call("POST", `/payments/${payment.id}/capture`, {})
  const replay = await sandbox.call("POST", `/payments/${payment.id}/refund`, {}, key("refund_1"))
  expect(refused.status).toBe(422)
  expect(replay).toMatchObject({ status: 422, body: refused.body })
})

it("refunds once when a refund is retried with the same key", async () => {
  const payment = await sandbox.paidPayment()
  await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 100 }, key("refund_2"))
  await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 100 }, key("refund_2"))
  expect(sandbox.payment(payment.id)!.refunds).toHaveLength(1)
})

it("refuses the same key with another body with 409 conflict, creating nothing", async () => {
  await sandbox.call("POST", "/sessions", SESSION, key("payses_2"))
  const other = await sandbox.call("POST", "/sessions", { ...SESSION, amount: 1 }, key("payses_2"))
  expect(other).toMatchObject({ status: 409, body: { error: { code: "conflict", param: "X-KOMOJU-IDEMPOTENCY" } } })
  expect(sandbox.requests({ path: "/sessions" }).map((r) => r.status)).toEqual([200, 409])
})

it("treats keys as global per account: the same key on another endpoint is a 409 conflict, not a fresh request", async () => {
  const payment = await sandbox.paidPayment()
  await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 100 }, key("shared"))
  const elsewhere = await sandbox.call("POST", `/payments/${payment.id}/cancel`, {}, key("shared"))
  expect(elsewhere).toMatchObject({ status: 409, body: { error: { code: "conflict" } } })
  expect(sandbox.payment(payment.id)).toMatchObject({ status: "captured", amount_refunded: 100 })
})

it("keeps a key across account keys apart: another sk_test_ key may use it", async () => {
  await sandbox.call("POST", "/sessions", SESSION, key("per-account"))
  const other = { authorization: `Basic ${Buffer.from("sk_test_other:").toString("base64")}`, ...key("per-account") }
  expect((await sandbox.call("POST", "/sessions", { ...SESSION, amount: 5 }, other)).status).toBe(200)
})

it("replays the first answer to a reused key with idempotency_key_reuse: replay", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { idempotency_key_reuse: "replay" })
  const first = await sandbox.call("POST", "/sessions", SESSION, key("payses_r"))
  const other = await sandbox.call("POST", "/sessions", { ...SESSION, amount: 1 }, key("payses_r"))
  expect(other).toMatchObject({ status: 200, body: first.body })
  expect(sandbox.requests({ path: "/sessions" }).map((r) => r.replayed)).toEqual([false, true])
})

it("answers 409 conflict while the first request with the key is still in flight", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { latency_ms: 1_000 })
  const first = sandbox.call("POST", "/sessions", SESSION, key("payses_3"))
  await until(() => inFlight("payses_3"))
  const second = await sandbox.call("POST", "/sessions", SESSION, key("payses_3"))
  expect(second).toMatchObject({ status: 409, body: { error: { code: "conflict" } } })
  expect((await first).status).toBe(200)
})

it("forgets a key whose request failed with an injected 503, so the retry is processed", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { next_errors: 1 })
  const failed = await sandbox.call("POST", "/sessions", SESSION, key("payses_4"))
  const retried = await sandbox.call("POST", "/sessions", SESSION, key("payses_4"))
  expect([failed.status, retried.status]).toEqual([503, 200])
  expect(retried.body.resource).toBe("session")
})

it("refuses a key longer than 100 characters as an invalid parameter", async () => {
  expect(await sandbox.call("POST", "/sessions", SESSION, key("k".repeat(101)))).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter" } } })
})

it("forgets keys after 24 hours of the sandbox's clock", async () => {
  const first = await sandbox.call("POST", "/sessions", SESSION, key("payses_5"))
  await sandbox.call("POST", "/_sandbox/clock/advance", { hours: 25 })
  const later = await sandbox.call("POST", "/sessions", SESSION, key("payses_5"))
  expect(later.body.id).not.toBe(first.body.id)
})
