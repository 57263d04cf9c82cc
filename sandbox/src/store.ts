import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { Log, type RequestLogEntry, type WebhookLogEntry } from "./logs"
import { RequestGauge } from "./stats"
import type { CustomerRecord, ExternalCustomerRecord, KomojuEvent, Payment, RefundRequestRecord, SecureTokenRecord, SessionRecord } from "./types"

const STATE_VERSION = 1

type PersistedState = {
  version: number
  sessions: Record<string, SessionRecord>
  payments: Record<string, Payment>
  /** What the sandbox keeps of each refund request beside the payment's `refund_requests[]`. */
  refund_requests: Record<string, RefundRequestRecord>
  customers: Record<string, CustomerRecord>
  /** Keyed by the merchant's external_customer_id. */
  external_customers: Record<string, ExternalCustomerRecord>
  secure_tokens: Record<string, SecureTokenRecord>
  events: KomojuEvent[]
  clock_offset_seconds: number
}

/**
 * Everything the sandbox knows, in memory; with a state file, written after every change
 * (atomically, via a rename) so a demo survives a restart. Logs, idempotency keys and
 * runtime config are not persisted: they describe one run.
 */
export class Store {
  sessions = new Map<string, SessionRecord>()
  payments = new Map<string, Payment>()
  refundRequests = new Map<string, RefundRequestRecord>()
  customers = new Map<string, CustomerRecord>()
  /** The hosted page's one-click memory, keyed by the merchant's external_customer_id. */
  externalCustomers = new Map<string, ExternalCustomerRecord>()
  secureTokens = new Map<string, SecureTokenRecord>()
  /** KOMOJU refuses an external_order_num it has seen on another session. */
  orderNumbers = new Set<string>()
  events: KomojuEvent[] = []
  clockOffsetSeconds = 0
  readonly requests = new Log<RequestLogEntry>()
  readonly webhooks = new Log<WebhookLogEntry>()
  readonly gauge = new RequestGauge()

  constructor(private readonly stateFile?: string) {
    if (stateFile && existsSync(stateFile)) this.load(stateFile)
  }

  reset(): void {
    this.sessions.clear()
    this.payments.clear()
    this.refundRequests.clear()
    this.customers.clear()
    this.externalCustomers.clear()
    this.secureTokens.clear()
    this.orderNumbers.clear()
    this.events = []
    this.clockOffsetSeconds = 0
    this.requests.clear()
    this.webhooks.clear()
    this.gauge.reset()
    this.save()
  }

  save(): void {
    if (!this.stateFile) return
    const state: PersistedState = {
      version: STATE_VERSION,
      sessions: Object.fromEntries(this.sessions),
      payments: Object.fromEntries(this.payments),
      refund_requests: Object.fromEntries(this.refundRequests),
      customers: Object.fromEntries(this.customers),
      external_customers: Object.fromEntries(this.externalCustomers),
      secure_tokens: Object.fromEntries(this.secureTokens),
      events: this.events,
      clock_offset_seconds: this.clockOffsetSeconds,
    }
    const temp = `${this.stateFile}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(state))
    renameSync(temp, this.stateFile)
  }

  private load(file: string): void {
    let state: Partial<PersistedState> & { clockOffsetSeconds?: number }
    try {
      state = JSON.parse(readFileSync(file, "utf8"))
    } catch (error) {
      throw new Error(`komoju-sandbox: cannot read state file ${file}: ${(error as Error).message} (delete it to start over)`)
    }
    // Sessions saved before tax_rate existed had no tax.
    this.sessions = new Map(Object.entries(state.sessions ?? {}).map(([id, session]) => [id, { ...session, tax_rate: session.tax_rate ?? 0 }]))
    // Payments saved before refund requests existed had none.
    this.payments = new Map(Object.entries(state.payments ?? {}).map(([id, payment]) => [id, { ...payment, refund_requests: payment.refund_requests ?? [] }]))
    this.refundRequests = new Map(Object.entries(state.refund_requests ?? {}))
    this.customers = new Map(Object.entries(state.customers ?? {}))
    this.externalCustomers = new Map(Object.entries(state.external_customers ?? {}))
    this.secureTokens = new Map(Object.entries(state.secure_tokens ?? {}))
    this.events = state.events ?? []
    // Files written before the format was versioned named the offset in camelCase.
    this.clockOffsetSeconds = state.clock_offset_seconds ?? state.clockOffsetSeconds ?? 0
    for (const session of this.sessions.values()) {
      const orderNumber = session.payment_data?.external_order_num
      if (orderNumber) this.orderNumbers.add(orderNumber)
    }
    for (const payment of this.payments.values()) {
      if (!payment.session && payment.external_order_num) this.orderNumbers.add(payment.external_order_num)
    }
  }
}
