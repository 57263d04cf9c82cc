import { createHash } from "node:crypto"
import type { Clock } from "./clock"
import { ErrorCode, LIMITS } from "./constants"
import { ApiError, invalidParameter } from "./errors"

/** Named as KOMOJU spells it, for `param` of the errors about it. */
const HEADER = "X-KOMOJU-IDEMPOTENCY"

export type ApiResult = { status: number; body: unknown }

type Entry = { fingerprint: string; inFlight: boolean; result?: ApiResult; at: number }

export type IdempotencyEntry = { key: string; in_flight: boolean; status: number | null }

/** What a key reused for another request (endpoint or body) gets. */
export type KeyReuse = "conflict" | "replay"

/**
 * KOMOJU's X-KOMOJU-IDEMPOTENCY (doc.komoju.com/docs/idempotent-requests): a key is
 * "globally unique" per account, whatever the endpoint, and kept 24 hours (of the
 * sandbox's clock, so advancing it forgets them).
 * - same key, same request (method, path, exact body bytes): the first answer again,
 *   status and body, without doing anything;
 * - a key whose first request is still being processed: 409 (KOMOJU documents this);
 * - same key, another request: KOMOJU only says retries must send the same key and
 *   body, and that a processed key gets the first answer. `conflict` (the default)
 *   answers 409, exposing a client that reuses keys; `replay` answers the first
 *   response, the literal reading of KOMOJU's page.
 * Answers to 4xx are kept like successes; a 5xx is forgotten so the retry runs afresh.
 */
export class IdempotencyKeys {
  private entries = new Map<string, Entry>()

  constructor(private readonly clock: Clock) {}

  static check(key: string): void {
    if (key.length > LIMITS.idempotencyKeyMaxChars || !/^[\x20-\x7e]+$/.test(key)) {
      throw invalidParameter(HEADER, `The idempotency key must be 1 to ${LIMITS.idempotencyKeyMaxChars} printable ASCII characters`)
    }
  }

  async run(
    account: string,
    key: string,
    request: { target: string; rawBody: string; reuse: KeyReuse },
    handler: () => Promise<ApiResult>
  ): Promise<ApiResult & { replayed: boolean }> {
    IdempotencyKeys.check(key)
    const id = `${account}\u0000${key}`
    const fingerprint = createHash("sha256").update(request.target).update("\u0000").update(request.rawBody).digest("hex")
    const now = this.clock.now().getTime()
    const existing = this.entries.get(id)
    if (existing && now - existing.at < LIMITS.idempotencyTtlMs) {
      if (existing.inFlight) throw new ApiError(409, ErrorCode.Conflict, "A request with this idempotency key is still being processed", HEADER)
      if (existing.fingerprint !== fingerprint && request.reuse === "conflict") {
        throw new ApiError(409, ErrorCode.Conflict, "This idempotency key was already used for another request (keys are unique per account, across endpoints)", HEADER)
      }
      return { ...existing.result!, replayed: true }
    }
    const entry: Entry = { fingerprint, inFlight: true, at: now }
    this.entries.set(id, entry)
    try {
      const result = await handler()
      entry.inFlight = false
      entry.result = result
      return { ...result, replayed: false }
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) {
        entry.inFlight = false
        entry.result = { status: error.status, body: error.toBody() }
      } else {
        this.entries.delete(id)
      }
      throw error
    }
  }

  list(): IdempotencyEntry[] {
    return [...this.entries.entries()].map(([id, entry]) => ({
      key: id.split("\u0000")[1],
      in_flight: entry.inFlight,
      status: entry.result?.status ?? null,
    }))
  }

  clear(): void {
    this.entries.clear()
  }
}
