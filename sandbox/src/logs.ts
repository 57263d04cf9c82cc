import { LIMITS } from "./constants"
import type { ApiFault } from "./faults"

/** One KOMOJU API request as the sandbox saw it (`GET /_sandbox/requests`). */
export type RequestLogEntry = {
  /** Sequence number, from 1, across clears. */
  seq: number
  at: string
  method: string
  /** After /api/v1, without the query string. */
  path: string
  query: string
  /** 0 when no answer was sent (a timeout fault). */
  status: number
  idempotency_key: string | null
  /** The answer was replayed from an earlier request with the same idempotency key. */
  replayed: boolean
  api_version: string | null
  /** `timeout` was not processed; `lost_answer` was, and its answer lost. */
  fault: ApiFault
}

/** One webhook delivery attempt, or a delivery the drop fault swallowed (`GET /_sandbox/webhooks`). */
export type WebhookLogEntry = {
  seq: number
  at: string
  event_id: string
  type: string
  url: string | null
  /** 1 for the first attempt; 0 for a dropped delivery. */
  attempt: number
  /** The merchant's HTTP status, or null after a network error or a drop. */
  status: number | null
  error: string | null
  /** The second copy of a duplicated delivery. */
  duplicate: boolean
  dropped: boolean
  /** Sent after the event that followed it. */
  reordered: boolean
  delayed_ms: number
}

export type RequestFilter = { method?: string; path?: string; path_prefix?: string; status?: number; idempotency_key?: string }
export type WebhookFilter = { type?: string; event_id?: string; status?: number }

/** An append-only log with a size cap, so a long demo cannot eat the memory. */
export class Log<T extends { seq: number }> {
  private entries: T[] = []
  private seq = 0

  add(entry: Omit<T, "seq">): T {
    const full = { ...entry, seq: ++this.seq } as T
    this.entries.push(full)
    if (this.entries.length > LIMITS.logEntriesMax) this.entries.splice(0, this.entries.length - LIMITS.logEntriesMax)
    return full
  }

  all(): T[] {
    return [...this.entries]
  }

  clear(): void {
    this.entries = []
  }
}

export function filterRequests(entries: RequestLogEntry[], filter: RequestFilter): RequestLogEntry[] {
  return entries.filter(
    (r) =>
      (!filter.method || r.method === filter.method.toUpperCase()) &&
      (!filter.path || r.path === filter.path) &&
      (!filter.path_prefix || r.path.startsWith(filter.path_prefix)) &&
      (filter.status === undefined || r.status === filter.status) &&
      (!filter.idempotency_key || r.idempotency_key === filter.idempotency_key)
  )
}

export function filterWebhooks(entries: WebhookLogEntry[], filter: WebhookFilter): WebhookLogEntry[] {
  return entries.filter(
    (w) =>
      (!filter.type || w.type === filter.type) &&
      (!filter.event_id || w.event_id === filter.event_id) &&
      (filter.status === undefined || w.status === filter.status)
  )
}
