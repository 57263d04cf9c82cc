import { SESSION, sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

it("answers the next n API requests with 503 service_unavailable and logs them as faults", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { next_errors: 2 })
  const statuses = []
  for (let i = 0; i < 3; i++) statuses.push((await sandbox.call("GET", "/payments")).status)
  expect(statuses).toEqual([503, 503, 200])
  expect(sandbox.requests().map((r) => r.fault)).toEqual(["error", "error", null])
})

it("answers 503 in KOMOJU's error shape", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { error_rate: 1 })
  expect(await sandbox.call("GET", "/payments")).toMatchObject({ status: 503, body: { error: { code: "service_unavailable" } } })
})

it("injects the same faults in the same order for the same seed", async () => {
  async function run() {
    const seeded = await sandboxFor({ seed: 42, config: { error_rate: 0.5 } })
    const statuses = []
    for (let i = 0; i < 12; i++) statuses.push((await seeded.call("GET", "/payments")).status)
    await seeded.close()
    return statuses
  }
  const [a, b] = [await run(), await run()]
  expect(a).toEqual(b)
  expect(new Set(a)).toEqual(new Set([200, 503]))
})

it("limits faults to requests matching fault_path_pattern", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { error_rate: 1, fault_path_pattern: "^POST /sessions$" })
  expect((await sandbox.call("GET", "/payments")).status).toBe(200)
  expect((await sandbox.call("POST", "/sessions", SESSION)).status).toBe(503)
})

it("holds a timed-out request without an answer past the client's timeout", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { timeout_rate: 1, timeout_hold_ms: 5_000 })
  await expect(fetch(`${sandbox.apiUrl}/payments`, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i)
  expect(sandbox.requests()).toEqual([expect.objectContaining({ status: 0, fault: "timeout" })])
})

it("resets the connection at once in timeout_mode reset", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { next_timeouts: 1, timeout_mode: "reset" })
  await expect(fetch(`${sandbox.apiUrl}/payments`)).rejects.toThrow(/fetch failed/)
})

it("processes a request whose answer is lost (next_lost_answers), so an idempotent retry gets the result", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { next_lost_answers: 1, timeout_mode: "reset" })
  const headers = { "x-komoju-idempotency": "payses_lost" }
  await expect(sandbox.call("POST", "/sessions", SESSION, headers)).rejects.toThrow()
  const retry = await sandbox.call("POST", "/sessions", SESSION, headers)
  expect(retry.status).toBe(200)
  expect(sandbox.requests({ path: "/sessions" }).map((r) => [r.status, r.fault, r.replayed])).toEqual([
    [0, "lost_answer", false],
    [200, null, true],
  ])
})

it("does not process a timed-out request: the retry creates the only session", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { next_timeouts: 1, timeout_mode: "reset" })
  const headers = { "x-komoju-idempotency": "payses_timeout" }
  await expect(sandbox.call("POST", "/sessions", SESSION, headers)).rejects.toThrow()
  const retry = await sandbox.call("POST", "/sessions", SESSION, headers)
  expect(retry.status).toBe(200)
  expect(sandbox.requests({ path: "/sessions" }).map((r) => r.replayed)).toEqual([false, false])
})

it("reads and changes settings at runtime", async () => {
  const { body } = await sandbox.call("PATCH", "/_sandbox/config", { webhook_url: "http://127.0.0.1:1/hooks", webhook_secret: "whsec_new", webhook: { drop_rate: 0.25 } })
  expect(body).toMatchObject({ webhook_url: "http://127.0.0.1:1/hooks", webhook_secret: "whsec_new", webhook: { drop_rate: 0.25, max_attempts: 5 } })
  expect((await sandbox.call("GET", "/_sandbox/config")).body).toEqual(body)
})

it.each([
  ["a rate above 1", { error_rate: 2 }, "error_rate"],
  ["a negative latency", { latency_ms: -1 }, "latency_ms"],
  ["a misspelt setting", { eror_rate: 0.5 }, "eror_rate"],
  ["a misspelt webhook setting", { webhook: { drop: 1 } }, "webhook.drop"],
  ["an unknown payment type", { enabled_payment_types: ["bitcoin"] }, "enabled_payment_types"],
  ["a webhook URL that is not http", { webhook_url: "ftp://x" }, "webhook_url"],
])("refuses %s with 400 naming the setting", async (_case, patch, param) => {
  expect(await sandbox.call("PATCH", "/_sandbox/config", patch)).toMatchObject({ status: 400, body: { error: { code: "invalid_parameter", param } } })
})
