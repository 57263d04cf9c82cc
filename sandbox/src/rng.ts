/** A seedable random source, so fault injection is repeatable in tests. */
export class Rng {
  private state: number

  constructor(seed = Date.now()) {
    this.state = seed >>> 0
  }

  reseed(seed: number) {
    this.state = seed >>> 0
  }

  /** mulberry32: small, fast, good enough to decide which request fails. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  chance(probability: number): boolean {
    return probability > 0 && this.next() < probability
  }
}
