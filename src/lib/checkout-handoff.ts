import { randomUUID } from "node:crypto"

/**
 * Hands what the store middleware read from the cart (addresses, names, line items) to
 * the provider's `initiatePayment` in the same process, without Medusa storing it:
 * Medusa keeps everything in a payment session's input `data` in the database, so the
 * middleware puts only this handoff's opaque token there (and the provider leaves it out
 * of the data it returns). The middleware and the provider run in one request, so an
 * entry lives for milliseconds; one not taken (the session creation failed before the
 * provider) is dropped after `TTL_MS`. A token from another process finds nothing: the
 * session is then created without the details, as if the cart had none.
 */
const TTL_MS = 60_000

type Entry<T> = { value: T; expiresAt: number }

export class Handoff<T> {
  private readonly entries = new Map<string, Entry<T>>()

  constructor(private readonly now: () => number = Date.now) {}

  give(value: T): string {
    this.sweep()
    const token = randomUUID()
    this.entries.set(token, { value, expiresAt: this.now() + TTL_MS })
    return token
  }

  /** The value once; later calls, unknown tokens and expired entries give undefined. */
  take(token: unknown): T | undefined {
    if (typeof token !== "string") return undefined
    const entry = this.entries.get(token)
    if (!entry) return undefined
    this.entries.delete(token)
    return entry.expiresAt > this.now() ? entry.value : undefined
  }

  get size(): number {
    return this.entries.size
  }

  private sweep() {
    const now = this.now()
    for (const [token, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(token)
    }
  }
}
