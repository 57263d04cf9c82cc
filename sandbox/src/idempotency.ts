import { createHash } from "node:crypto"
import { ApiError } from "./errors"

type Entry = { bodyHash: string; inFlight: boolean; status?: number; body?: unknown; at: number }

const TTL_MS = 24 * 3600_000

/**
 * KOMOJU's X-KOMOJU-IDEMPOTENCY: the same key and body replay the first answer; a key
 * whose first request is still being processed answers 409. A key reused with another
 * body is refused with 422 (KOMOJU does not document this case; refusing is the safe
 * reading, and it catches client bugs).
 */
export class IdempotencyKeys {
  private entries = new Map<string, Entry>()

  async run(
    key: string,
    scope: string,
    rawBody: string,
    handler: () => Promise<{ status: number; body: unknown }>
  ): Promise<{ status: number; body: unknown; replayed: boolean }> {
    const id = `${scope} ${key}`
    const bodyHash = createHash("sha256").update(rawBody).digest("hex")
    const existing = this.entries.get(id)
    if (existing && Date.now() - existing.at < TTL_MS) {
      if (existing.inFlight) throw new ApiError(409, "conflict", "A request with this idempotency key is still being processed")
      if (existing.bodyHash !== bodyHash) {
        throw new ApiError(422, "invalid_parameter", "This idempotency key was used with a different request", "X-KOMOJU-IDEMPOTENCY")
      }
      return { status: existing.status!, body: existing.body, replayed: true }
    }
    const entry: Entry = { bodyHash, inFlight: true, at: Date.now() }
    this.entries.set(id, entry)
    try {
      const result = await handler()
      Object.assign(entry, { inFlight: false, status: result.status, body: result.body })
      return { ...result, replayed: false }
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) {
        Object.assign(entry, { inFlight: false, status: error.status, body: error.toBody() })
      } else {
        // A server fault is not a result: the client's retry must be processed afresh.
        this.entries.delete(id)
      }
      throw error
    }
  }

  clear() {
    this.entries.clear()
  }
}
