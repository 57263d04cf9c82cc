import { presentBody, presentPayment, type DeclineView } from "./api-version"
import { TEST_CARDS } from "./card"
import { komojuTime, type Clock } from "./clock"
import type { SandboxConfig } from "./config"
import { patchConfig } from "./config-patch"
import { ErrorCode, EventType, SessionStatus } from "./constants"
import { ApiError, invalidParameter } from "./errors"
import type { IdempotencyEntry, IdempotencyKeys } from "./idempotency"
import { filterRequests, filterWebhooks, type RequestFilter, type RequestLogEntry, type WebhookFilter, type WebhookLogEntry } from "./logs"
import type { Payments } from "./payments"
import type { RefundRequestFilter, RefundRequests, RefundRequestView } from "./refund-requests"
import type { Rng } from "./rng"
import { returnUrlFor, type Sessions } from "./sessions"
import type { RequestStats } from "./stats"
import type { Store } from "./store"
import type { Customers } from "./customers"
import type { SecureTokens } from "./secure-tokens"
import type { Customer, CustomerRecord, ExternalCustomerRecord, KomojuEvent, Payment, SecureTokenRecord, Session } from "./types"
import type { WebhookDispatcher } from "./webhooks"

/** How a test pays a session without the browser (`POST /_sandbox/sessions/:id/complete`). */
export type CompleteSessionRequest = {
  /** Default credit_card. */
  payment_type?: string
  /** Default 4111111111111111; KOMOJU's declining test cards (TEST_CARDS) are declined with their reason. */
  card_number?: string
  /** Default 12 / three years ahead. */
  month?: number
  year?: number
  /** Konbini chain, e.g. lawson (default seven-eleven). */
  store?: string
  email?: string
  /** Pay with the card (or PayPay) remembered for the session's external_customer_id (one-click). */
  use_saved_payment_method?: boolean
  /** Payment mode with an external_customer_id: remember the method for one-click (default true). */
  save_payment_method?: boolean
}

/** A session paid (payment or customer_payment mode); `customer` is the session's customer in customer_payment mode. */
export type CompleteSessionResult = { session: Session; payment: Payment; customer?: Customer; redirect_url: string }
/** A customer-mode session completed: nothing is paid, the method is saved to `customer`. */
export type SaveSessionResult = { session: Session; payment: null; customer: Customer; redirect_url: string }

/** A customer with what the sandbox keeps beside it (never the card number). */
export type CustomerView = Customer & { external_customer_id: string | null; currency: string | null }
/** The one-click memory of an external_customer_id (never the card number). */
export type ExternalCustomerView = Omit<ExternalCustomerRecord, "card_number">
/** A secure token with what the sandbox keeps beside it (never the card number). */
export type SecureTokenView = Omit<SecureTokenRecord, "card_number"> & { last_four_digits: string }
export type CustomerFilter = { external_customer_id?: string }
export type BackToMerchantResult = { session: Session; redirect_url: string }
export type ClockState = { now: string; offset_seconds: number }
export type ClockAdvanceResult = ClockState & { expired_payments: string[]; expired_sessions: string[] }
export type RefundRequest = { amount?: number; description?: string }
export type EventFilter = { type?: string; payment?: string; customer?: string }

export type ControllerDeps = {
  sessions: Sessions
  payments: Payments
  refundRequests: RefundRequests
  customers: Customers
  secureTokens: SecureTokens
  store: Store
  clock: Clock
  webhooks: WebhookDispatcher
  idempotency: IdempotencyKeys
  rng: Rng
  getConfig: () => SandboxConfig
  setConfig: (config: SandboxConfig) => void
  initialConfig: SandboxConfig
}

/**
 * What a shopper or KOMOJU's dashboard would do, the clock, faults and logs: the
 * sandbox's own operations, behind both the HTTP control API and the in-process helpers.
 */
export class Controller {
  constructor(private readonly deps: ControllerDeps) {}

  config(): SandboxConfig {
    return this.deps.getConfig()
  }

  /** Changes settings at runtime; `seed` reseeds the fault generator. */
  configure(patch: Record<string, unknown>): SandboxConfig {
    const { seed, ...settings } = patch
    if (seed !== undefined && (typeof seed !== "number" || !Number.isInteger(seed))) throw invalidParameter("seed", "seed must be a whole number")
    this.deps.setConfig(patchConfig(this.deps.getConfig(), settings))
    if (typeof seed === "number") this.deps.rng.reseed(seed)
    return this.deps.getConfig()
  }

  /** Forgets sessions, payments, events, logs, idempotency keys and the clock offset; with `config`, settings too. */
  reset(options: { config?: boolean } = {}): void {
    this.deps.store.reset()
    this.deps.clock.offsetSeconds = 0
    this.deps.idempotency.clear()
    if (options.config) this.deps.setConfig(this.deps.initialConfig)
  }

  clock(): ClockState {
    return { now: komojuTime(this.deps.clock.now()), offset_seconds: this.deps.clock.offsetSeconds }
  }

  /** Moves "now" forward; what passed its deadline expires (with its webhook). */
  advanceClock(seconds: number): ClockAdvanceResult {
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) throw invalidParameter("seconds", "seconds must be a positive number")
    const { sessions, store, clock } = this.deps
    const pendingBefore = [...store.sessions.values()].filter((s) => s.status === SessionStatus.Pending && !sessions.isExpired(s))
    clock.advance(seconds)
    store.clockOffsetSeconds = clock.offsetSeconds
    store.save()
    const expiredPayments = this.expireOverdue()
    return {
      ...this.clock(),
      expired_payments: expiredPayments.map((p) => p.id),
      expired_sessions: pendingBefore.filter((s) => sessions.isExpired(s)).map((s) => s.id),
    }
  }

  expireOverdue(): Payment[] {
    return this.deps.payments.expireOverdue()
  }

  /** How declined cards look here: as the account's default API version reports them. */
  private get view(): DeclineView {
    return this.deps.getConfig().declined_payment_status
  }

  private shown(payment: Payment): Payment {
    return presentPayment(payment, this.view)
  }

  session(id: string): Session {
    return presentBody(this.deps.sessions.view(this.deps.sessions.get(id)), this.view) as Session
  }

  payment(id: string): Payment {
    return this.shown(this.deps.payments.get(id))
  }

  /** The payment as KOMOJU's dashboard shows it: a declined card is `failed` there. */
  dashboardPayment(id: string): Payment {
    return this.deps.payments.get(id)
  }

  /** Pays as the shopper would on the hosted page; a declined card answers normally, with the declined payment. */
  completeSession(id: string, request: CompleteSessionRequest = {}): CompleteSessionResult | SaveSessionResult {
    const { sessions } = this.deps
    const { payment } = sessions.pay(id, {
      type: request.payment_type ?? "credit_card",
      card: { number: String(request.card_number ?? TEST_CARDS.success), month: request.month, year: request.year },
      store: request.store,
      email: request.email,
      saved: request.use_saved_payment_method === true,
      save: request.save_payment_method,
    })
    const session = sessions.get(id)
    const customer = session.customer_id && this.deps.customers.has(session.customer_id) ? this.deps.customers.view(this.deps.customers.get(session.customer_id)) : undefined
    if (!payment) return { session: this.session(id), payment: null, customer: customer!, redirect_url: returnUrlFor(session) }
    return { session: this.session(id), payment: this.shown(payment), ...(customer ? { customer } : {}), redirect_url: returnUrlFor(session) }
  }

  customerView(record: CustomerRecord): CustomerView {
    return { ...this.deps.customers.view(record), external_customer_id: record.external_customer_id, currency: record.currency }
  }

  /** Customers, oldest first, optionally those of one external_customer_id. */
  customers(filter: CustomerFilter = {}): CustomerView[] {
    return [...this.deps.store.customers.values()]
      .filter((c) => !filter.external_customer_id || c.external_customer_id === filter.external_customer_id)
      .map((c) => this.customerView(c))
  }

  customer(id: string): CustomerView {
    return this.customerView(this.deps.customers.get(id))
  }

  /** The hosted page's one-click memory of an external_customer_id. */
  externalCustomer(externalCustomerId: string): ExternalCustomerView {
    const record = this.deps.customers.oneClick(externalCustomerId)
    if (!record) throw new ApiError(404, ErrorCode.NotFound, `Nothing is saved for external customer ${externalCustomerId}`, "external_customer_id")
    const { card_number: _number, ...view } = record
    return view
  }

  secureToken(id: string): SecureTokenView {
    const { card_number, ...rest } = this.deps.secureTokens.get(id)
    return { ...rest, last_four_digits: card_number.slice(-4) }
  }

  /** Where the 3-D Secure step sends the shopper back: the token's return_url with secure_token_id. */
  verifySecureTokenUrl(id: string): string {
    return this.deps.secureTokens.returnUrl(this.deps.secureTokens.get(id))
  }

  /** The shopper's answer at the 3-D Secure step: `{secure_token, redirect_url}`. */
  verifySecureToken(id: string, pass: boolean): { secure_token: SecureTokenView; redirect_url: string } {
    const token = this.deps.secureTokens.verify(id, pass)
    return { secure_token: this.secureToken(id), redirect_url: this.deps.secureTokens.returnUrl(token) }
  }

  /** "Back to merchant" on the hosted page: cancels a pending session. */
  backToMerchant(id: string): BackToMerchantResult {
    const session = this.deps.sessions.cancel(id, "customer")
    return { session: this.session(id), redirect_url: returnUrlFor(session) }
  }

  /** The customer paid a waiting konbini / bank transfer / Pay-easy payment. */
  payPayment(id: string): Payment {
    return this.shown(this.deps.payments.customerPaid(id))
  }

  expirePayment(id: string): Payment {
    return this.shown(this.deps.payments.expire(id))
  }

  failPayment(id: string, reason: string | null = null): Payment {
    return this.shown(this.deps.payments.fail(id, reason))
  }

  cancelPayment(id: string): Payment {
    return this.shown(this.deps.payments.cancel(id, this.view))
  }

  /** A refund made in KOMOJU's dashboard: any method, cash included. */
  refundPayment(id: string, request: RefundRequest = {}): Payment {
    return this.shown(this.deps.payments.refund(id, { ...request }, "dashboard"))
  }

  /** What can still be refunded: the total less refunds and what pending refund requests ask for. */
  refundable(id: string): number {
    return this.deps.payments.refundable(this.deps.payments.get(id))
  }

  /** A refund request with what the sandbox keeps beside it (amount, account type, fee flag, the refund it made). */
  refundRequest(id: string): RefundRequestView {
    return this.deps.refundRequests.get(id)
  }

  refundRequests(filter: RefundRequestFilter = {}): RefundRequestView[] {
    return this.deps.refundRequests.list(filter)
  }

  /** KOMOJU paid a refund request out: the refund, its webhooks; again, nothing more. */
  completeRefundRequest(id: string): Payment {
    return this.shown(this.deps.refundRequests.complete(id))
  }

  /** KOMOJU refused a refund request: no money moves. */
  rejectRefundRequest(id: string): Payment {
    return this.shown(this.deps.refundRequests.reject(id))
  }

  ping(): KomojuEvent {
    return this.deps.webhooks.emit(EventType.Ping, null)
  }

  requests(filter: RequestFilter = {}): RequestLogEntry[] {
    return filterRequests(this.deps.store.requests.all(), filter)
  }

  clearRequests(): void {
    this.deps.store.requests.clear()
  }

  /** API requests counted and in flight, with the peak since the last reset. */
  stats(): RequestStats {
    return this.deps.store.gauge.read()
  }

  resetStats(): void {
    this.deps.store.gauge.reset()
  }

  webhookAttempts(filter: WebhookFilter = {}): WebhookLogEntry[] {
    return filterWebhooks(this.deps.store.webhooks.all(), filter)
  }

  clearWebhookAttempts(): void {
    this.deps.store.webhooks.clear()
  }

  events(filter: EventFilter = {}): KomojuEvent[] {
    return this.deps.store.events.filter(
      (e) =>
        (!filter.type || e.type === filter.type) &&
        (!filter.payment || ("id" in e.data && e.data.resource === "payment" && e.data.id === filter.payment)) &&
        (!filter.customer || ("id" in e.data && (e.data.resource === "customer" ? e.data.id : e.data.customer) === filter.customer))
    )
  }

  idempotencyKeys(): IdempotencyEntry[] {
    return this.deps.idempotency.list()
  }
}
