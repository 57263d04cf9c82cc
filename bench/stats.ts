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

/**
 * A distribution-free interval of about 95 % around the median of `values` (the order
 * statistics n/2 ∓ 0.98·√n): how far a median of this many noisy runs can be trusted.
 * Undefined below 6 values, where no such interval exists.
 */
export function medianInterval(values: number[]): [number, number] | undefined {
  const n = values.length
  const k = Math.floor((n - 1.96 * Math.sqrt(n)) / 2)
  if (k < 1) return undefined
  const sorted = [...values].sort((x, y) => x - y)
  return [sorted[k - 1], sorted[n - k]]
}

/** `medianInterval` of the differences a[i] − b[i]. */
export function pairedInterval(a: number[], b: number[]): [number, number] | undefined {
  return medianInterval(a.map((value, i) => value - b[i]))
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

/** A Fisher–Yates shuffle drawing from `random` (a `seeded` generator, so runs repeat). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
