/** Small statistics for the benchmark: medians, percentiles and paired differences. */

export function median(values: number[]): number {
  return percentile(values, 50)
}

/** Linear interpolation between the closest ranks. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = ((sorted.length - 1) * p) / 100
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low)
}

/** The median of the differences a[i] − b[i] of runs made side by side. */
export function pairedMedian(a: number[], b: number[]): number {
  return median(a.map((value, i) => value - b[i]))
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** "12.3 ms (8.1 %)": a difference and its share of the baseline. */
export function withShare(ms: number, baseline: number): string {
  return `${round(ms)} ms (${round((100 * ms) / baseline)} % of the baseline)`
}

/** A fixed-seed generator (LCG), so a run's duplicates and order repeat. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}
