import { median, pairedMedian, percentile, round, seeded, withShare } from "../stats"

describe("bench statistics", () => {
  it("takes medians and interpolated percentiles, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48)
    expect(percentile([7], 95)).toBe(7)
    expect(median([])).toBeNaN()
  })

  it("pairs runs made side by side: the median of the differences, not the difference of the medians", () => {
    // Machine drift: the second half of the run is twice as slow for both sides.
    const plugin = [110, 112, 111, 220, 222]
    const baseline = [100, 101, 100, 200, 201]
    expect(pairedMedian(plugin, baseline)).toBe(11)
    expect(median(plugin) - median(baseline)).toBe(11)
    expect(pairedMedian([3, 100], [1, 1])).toBe(50.5)
  })

  it("quotes a difference with its share of the baseline", () => {
    expect(withShare(12.34, 200)).toBe("12.3 ms (6.2 % of the baseline)")
    expect(round(1.26, 1)).toBe(1.3)
    expect(round(1234.5, 0)).toBe(1235)
  })

  it("draws the same numbers from the same seed, in [0, 1)", () => {
    const a = seeded(42)
    const b = seeded(42)
    const draws = Array.from({ length: 100 }, () => a())
    expect(Array.from({ length: 100 }, () => b())).toEqual(draws)
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Set(draws).size).toBeGreaterThan(90)
    expect(seeded(43)()).not.toBe(seeded(42)())
  })
})
