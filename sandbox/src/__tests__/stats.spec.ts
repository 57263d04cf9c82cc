import { sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

describe("request stats", () => {
  it("counts API requests and the most in flight at once, not control calls", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { latency_ms: 80 })
    await Promise.all([sandbox.createSession(), sandbox.createSession(), sandbox.createSession()])
    await sandbox.call("GET", "/sessions/nope")
    const { status, body } = await sandbox.call("GET", "/_sandbox/stats")
    expect(status).toBe(200)
    expect(body).toEqual({ requests: 4, in_flight: 0, peak_in_flight: 3, busy_ms: expect.any(Number) })
    // Four requests of at least 80 ms each (three side by side): their times add up.
    expect(body.busy_ms).toBeGreaterThanOrEqual(4 * 80 - 5)
    expect(sandbox.stats()).toEqual(body)
  })

  it("starts afresh on DELETE, keeping requests under way in flight", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { latency_ms: 150 })
    await Promise.all([sandbox.createSession(), sandbox.createSession()])
    const slow = sandbox.createSession()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await sandbox.call("DELETE", "/_sandbox/stats")).body).toEqual({ ok: true })
    expect(sandbox.stats()).toMatchObject({ requests: 0, in_flight: 1, peak_in_flight: 1 })
    await slow
    // The slow request's time counts from the reset on: under its 150 ms.
    const after = sandbox.stats()
    expect(after).toMatchObject({ requests: 0, in_flight: 0, peak_in_flight: 1 })
    expect(after.busy_ms).toBeGreaterThan(50)
    expect(after.busy_ms).toBeLessThan(140)
    sandbox.resetStats()
    expect(sandbox.stats()).toEqual({ requests: 0, in_flight: 0, peak_in_flight: 0, busy_ms: 0 })
  })
})
