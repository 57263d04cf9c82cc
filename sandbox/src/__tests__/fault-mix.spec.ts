import { SESSION, sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

afterEach(() => sandbox?.close())

/** Calls an endpoint n times; `fetch` rejects for a reset connection (fault "timeout" or "lost_answer"). */
async function outcomes(n: number, path = "/payments", method = "GET"): Promise<(number | "reset")[]> {
  const seen: (number | "reset")[] = []
  for (let i = 0; i < n; i++) {
    try {
      seen.push((await sandbox.call(method, path, method === "POST" ? SESSION : undefined)).status)
    } catch {
      seen.push("reset")
    }
  }
  return seen
}

const tally = (faults: (string | null)[]) => faults.reduce<Record<string, number>>((t, f) => ({ ...t, [String(f)]: (t[String(f)] ?? 0) + 1 }), {})

it("mixes 5xx, timeouts and lost answers at once in the configured shares", async () => {
  sandbox = await sandboxFor({ seed: 7, config: { error_rate: 0.2, timeout_rate: 0.2, lost_answer_rate: 0.2, timeout_mode: "reset" } })
  await outcomes(200)
  const counts = tally(sandbox.requests().map((r) => r.fault))
  for (const fault of ["error", "timeout", "lost_answer", "null"]) expect(counts[fault]).toBeGreaterThan(20)
  expect(counts.null).toBeGreaterThan(counts.error)
})

it("repeats the same mix for the same seed", async () => {
  const run = async () => {
    sandbox = await sandboxFor({ seed: 99, config: { error_rate: 0.3, timeout_rate: 0.3, lost_answer_rate: 0.3, timeout_mode: "reset" } })
    await outcomes(30)
    const faults = sandbox.requests().map((r) => r.fault)
    await sandbox.close()
    return faults
  }
  expect(await run()).toEqual(await run())
})

it("gives endpoints their own rates, replacing the global ones there", async () => {
  sandbox = await sandboxFor({
    config: { error_rate: 1, timeout_mode: "reset", endpoint_faults: { "POST /sessions": { lost_answer_rate: 1 }, "GET /sessions/:id": {} } },
  })
  expect(await outcomes(1, "/sessions", "POST")).toEqual(["reset"])
  expect(sandbox.requests({ path: "/sessions" })).toEqual([expect.objectContaining({ fault: "lost_answer", status: 0 })])
  // No rule for GET /payments: the global error_rate applies.
  expect(await outcomes(1, "/payments")).toEqual([503])
  // An empty rule turns every fault off for its endpoint.
  expect(await outcomes(1, `/sessions/${"a".repeat(25)}`)).toEqual([404])
})

it("answers an error fault with error_status and KOMOJU's code for it", async () => {
  sandbox = await sandboxFor({ config: { error_status: 504, next_errors: 1 } })
  expect(await sandbox.call("GET", "/payments")).toMatchObject({ status: 504, body: { error: { code: "gateway_timeout" } } })
})

it.each([
  [{ error_rate: 0.5, timeout_rate: 0.4, lost_answer_rate: 0.2 }, "error_rate"],
  [{ endpoint_faults: { "POST /sessions": { error_rate: 0.6, lost_answer_rate: 0.6 } } }, "endpoint_faults.POST /sessions.error_rate"],
  [{ endpoint_faults: { "/sessions": { error_rate: 0.1 } } }, "endpoint_faults./sessions"],
  [{ endpoint_faults: { "POST /sessions": { eror_rate: 0.1 } } }, "endpoint_faults.POST /sessions.eror_rate"],
  [{ error_status: 501 }, "error_status"],
  [{ timeout_after_processing: true }, "timeout_after_processing"],
])("refuses %j", async (patch, param) => {
  sandbox = await sandboxFor()
  expect(await sandbox.call("PATCH", "/_sandbox/config", patch)).toMatchObject({ status: 400, body: { error: { code: "invalid_parameter", param } } })
})

it("names the replacement of timeout_after_processing", async () => {
  sandbox = await sandboxFor()
  const reply = await sandbox.call("PATCH", "/_sandbox/config", { timeout_after_processing: true })
  expect(reply.body.error.message).toMatch(/lost_answer_rate/)
})
