import { pool, slots } from "../slots"

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("slots", () => {
  it("runs at most `size` at once, the rest in the order they came", async () => {
    const run = slots(2)
    let inFlight = 0
    let peak = 0
    const started: number[] = []
    const results = await Promise.all(
      [30, 10, 20, 5, 15, 1].map((ms, i) =>
        run(async () => {
          started.push(i)
          peak = Math.max(peak, ++inFlight)
          await tick(ms)
          inFlight--
          return i
        })
      )
    )
    expect(results).toEqual([0, 1, 2, 3, 4, 5])
    expect(peak).toBe(2)
    expect(started).toEqual([0, 1, 2, 3, 4, 5])
  })

  it("frees the slot of work that fails, and passes the failure on", async () => {
    const run = slots(1)
    await expect(run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom")
    await expect(run(async () => "next")).resolves.toBe("next")
  })

  it("refuses a size it cannot use", () => {
    expect(() => slots(0)).toThrow("size must be a whole number ≥ 1, not 0")
  })
})

describe("pool", () => {
  it("runs work with bounded concurrency and keeps the input order", async () => {
    let inFlight = 0
    let peak = 0
    const results = await pool([30, 10, 20, 5, 15], 2, async (ms, i) => {
      peak = Math.max(peak, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, ms))
      inFlight--
      return i * 10
    })
    expect(results).toEqual([0, 10, 20, 30, 40])
    expect(peak).toBe(2)
    expect(await pool([], 4, async () => 1)).toEqual([])
  })
})
