/** A seedable random source, so which request or delivery a fault hits repeats run to run. */
export class Rng {
  private state: number

  constructor(seed: number = Date.now()) {
    this.state = seed >>> 0
  }

  reseed(seed: number): void {
    this.state = seed >>> 0
  }

  /** mulberry32: small and fast; fault injection needs repeatability, not cryptography. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Draws nothing for a probability of 0 or 1, so switching one fault on does not shift another's sequence. */
  chance(probability: number): boolean {
    if (probability <= 0) return false
    if (probability >= 1) return true
    return this.next() < probability
  }
}
