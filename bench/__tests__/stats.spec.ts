import { median, medianInterval, pairedInterval, pairedMedian, percentile, round, seeded, shuffle, withShare } from "../stats"

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

  it("brackets a median with the order statistics around it, and says when too few runs allow none", () => {
    const values = Array.from({ length: 25 }, (_, i) => 25 - i) // 1…25, shuffled order
    // n = 25: k = floor((25 − 1.96·5) / 2) = 7, so the 7th and the 19th smallest.
    expect(medianInterval(values)).toEqual([7, 19])
    expect(medianInterval([1, 2, 3, 4, 5])).toBeUndefined()
    expect(pairedInterval(values.map((v) => v + 10), values)).toEqual([10, 10])
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

  it("shuffles every item into each place about equally often, and repeats from the same seed", () => {
    const arms = ["a", "b", "c", "d", "e"]
    const random = seeded(20261201)
    const first: Record<string, number> = {}
    for (let round = 0; round < 1000; round++) {
      const order = shuffle(arms, random)
      expect([...order].sort()).toEqual(arms)
      first[order[0]] = (first[order[0]] ?? 0) + 1
    }
    for (const arm of arms) expect(first[arm]).toBeGreaterThan(150)
    expect(shuffle(arms, seeded(7))).toEqual(shuffle(arms, seeded(7)))
  })
})
