import { parseFlags, PARTS } from "../flags"

describe("npm run bench flags", () => {
  it("defaults to every part at 50 ms, 25 pairs", () => {
    expect(parseFlags([])).toMatchObject({ latency: 50, pairs: 25, deliveries: 1000, checkouts: 200, sessions: 10_000, parts: [...PARTS] })
  })

  it("reads --name value and --name=value, latency 0 included", () => {
    expect(parseFlags(["--latency", "0", "--pairs=5", "--parts", "checkout,cpu", "--out", "x.json"])).toMatchObject({
      latency: 0,
      pairs: 5,
      parts: ["checkout", "cpu"],
      out: "x.json",
    })
  })

  it("refuses what it cannot use, naming the flag", () => {
    expect(() => parseFlags(["--pairs", "0"])).toThrow("--pairs must be a whole number ≥ 1, not 0")
    expect(() => parseFlags(["--latency", "-1"])).toThrow("--latency must be a whole number ≥ 0")
    expect(() => parseFlags(["--latency", "1.5"])).toThrow("--latency")
    expect(() => parseFlags(["--parts", "checkout,speed"])).toThrow("--parts takes cpu, checkout, webhooks, reconcile, not checkout,speed")
    expect(() => parseFlags(["--pairs"])).toThrow("--pairs needs a value")
    expect(() => parseFlags(["--fast", "1"])).toThrow("unknown flag --fast")
    expect(() => parseFlags(["--deliveries", "100", "--checkouts", "60"])).toThrow("--deliveries must be at least twice --checkouts")
  })
})
