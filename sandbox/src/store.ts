import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import type { KomojuEvent, Payment, Session } from "./types"

export type RequestLogEntry = {
  at: string
  method: string
  path: string
  status: number
  idempotency_key: string | null
  fault: "error" | "timeout" | null
}

export type WebhookLogEntry = {
  at: string
  event_id: string
  type: string
  attempt: number
  status: number | null
  error: string | null
  duplicate: boolean
  dropped: boolean
  delayed_ms: number
}

type State = {
  sessions: Record<string, Session>
  payments: Record<string, Payment>
  events: KomojuEvent[]
  clockOffsetSeconds: number
}

/**
 * Everything the sandbox knows, in memory; with a state file, written after every
 * change so a demo survives a restart. Logs are not persisted: they describe a run.
 */
export class Store {
  sessions = new Map<string, Session>()
  payments = new Map<string, Payment>()
  /** Refs used by external_order_num per account key: KOMOJU refuses a reused one. */
  orderNumbers = new Set<string>()
  events: KomojuEvent[] = []
  requests: RequestLogEntry[] = []
  webhooks: WebhookLogEntry[] = []
  clockOffsetSeconds = 0

  constructor(private readonly stateFile?: string) {
    if (stateFile && existsSync(stateFile)) this.load(stateFile)
  }

  reset() {
    this.sessions.clear()
    this.payments.clear()
    this.orderNumbers.clear()
    this.events = []
    this.requests = []
    this.webhooks = []
    this.clockOffsetSeconds = 0
    this.save()
  }

  save() {
    if (!this.stateFile) return
    const state: State = {
      sessions: Object.fromEntries(this.sessions),
      payments: Object.fromEntries(this.payments),
      events: this.events,
      clockOffsetSeconds: this.clockOffsetSeconds,
    }
    const temp = `${this.stateFile}.tmp`
    writeFileSync(temp, JSON.stringify(state))
    renameSync(temp, this.stateFile)
  }

  private load(file: string) {
    const state = JSON.parse(readFileSync(file, "utf8")) as State
    this.sessions = new Map(Object.entries(state.sessions ?? {}))
    this.payments = new Map(Object.entries(state.payments ?? {}))
    this.events = state.events ?? []
    this.clockOffsetSeconds = state.clockOffsetSeconds ?? 0
    for (const session of this.sessions.values()) {
      if (session.payment_data.external_order_num) this.orderNumbers.add(session.payment_data.external_order_num)
    }
  }
}
