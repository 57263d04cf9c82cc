import type { AddressInfo } from "node:net"
import { apiRoutes } from "./api"
import { Clock } from "./clock"
import { defaultConfig, type ConfigPatch, type SandboxConfig } from "./config"
import { patchConfig } from "./config-patch"
import { DEFAULTS, ErrorCode } from "./constants"
import { ApiError as SandboxApiError } from "./errors"
import {
  Controller,
  type BackToMerchantResult,
  type ClockAdvanceResult,
  type ClockState,
  type CompleteSessionRequest,
  type CompleteSessionResult,
  type SaveSessionResult,
  type EventFilter,
  type RefundRequest,
  type CustomerFilter,
  type CustomerView,
  type ExternalCustomerView,
  type SecureTokenView,
} from "./control"
import { controlRoutes } from "./control-routes"
import { FaultInjector } from "./faults"
import { IdempotencyKeys } from "./idempotency"
import type { RequestFilter, RequestLogEntry, WebhookFilter, WebhookLogEntry } from "./logs"
import type { RequestStats } from "./stats"
import { paymentEmitter } from "./payment-events"
import { Payments } from "./payments"
import { RefundRequests, type RefundRequestFilter, type RefundRequestView } from "./refund-requests"
import { presentPayment } from "./api-version"
import { Rng } from "./rng"
import { createSandboxServer } from "./server"
import { Sessions } from "./sessions"
import { Customers } from "./customers"
import { SecureTokens } from "./secure-tokens"
import { Charges } from "./charges"
import { Store } from "./store"
import { Timers } from "./timers"
import type { KomojuEvent, Payment, Session } from "./types"
import { WebhookDispatcher } from "./webhooks"

export type {
  Session,
  SessionRecord,
  Payment,
  PaymentRefundRequest,
  RefundRequestRecord,
  AccountType,
  LineItem,
  Address,
  PaymentDetails,
  CardDetails,
  KonbiniDetails,
  BankTransferDetails,
  PayEasyDetails,
  WalletDetails,
  PaymentMethod,
  PaymentData,
  PaymentList,
  Refund,
  KomojuEvent,
  KomojuError,
  Customer,
  CustomerSource,
  CustomerList,
  CustomerRecord,
  ExternalCustomerRecord,
  SecureToken,
  SecureTokenRecord,
  SessionMode,
} from "./types"
export type { SandboxConfig, WebhookConfig, ConfigPatch, TimeoutMode, ExpiryDays, FaultRates } from "./config"
export type { DeclineView } from "./api-version"
export type { ApiFault, ErrorStatus } from "./faults"
export type { KeyReuse } from "./idempotency"
export type { PaymentUpdatedOrder } from "./payment-events"
export type { CrossCurrency } from "./pricing"
export type { RequestLogEntry, WebhookLogEntry, RequestFilter, WebhookFilter } from "./logs"
export type { RequestStats } from "./stats"
export type { RefundRequestView, RefundRequestFilter } from "./refund-requests"
export type { CompleteSessionRequest, CompleteSessionResult, SaveSessionResult, BackToMerchantResult, ClockAdvanceResult, ClockState, RefundRequest, EventFilter, CustomerFilter, CustomerView, ExternalCustomerView, SecureTokenView } from "./control"
export { SessionStatus, PaymentStatus, RefundRequestStatus, EventType, CaptureMode, Scenario, DeclineReason, ErrorCode, WebhookHeader, RequestHeader, LOCALES, DEFAULTS, THREE_D_SECURE_REQUIRED } from "./constants"
export { CHALLENGE_CARDS } from "./secure-tokens"
export type { Locale } from "./constants"
export { CURRENCIES, type CurrencyCode } from "./currencies"
export { PAYMENT_TYPES, DEFAULT_ENABLED_PAYMENT_TYPES, KONBINI_BRANDS, type PaymentTypeCode, type PaymentKind } from "./payment-types"
export { TEST_CARDS } from "./card"
export { ApiError } from "./errors"
export { signWebhook, verifyWebhookSignature } from "./signature"

export type WebhookRetryOptions = {
  /** Attempts per delivery, the first included (default 5). */
  maxAttempts?: number
  /** Backoff before retry n: baseMs × 2^(n-1) (default 1000). */
  baseMs?: number
  /** Cap on one backoff (default 60000). */
  maxMs?: number
  /** Per-attempt timeout (default 10000). */
  timeoutMs?: number
}

export type SandboxOptions = {
  /** 0 picks a free port. Default 4010. */
  port?: number
  /** Default 127.0.0.1: the control API has no auth, keep it on loopback. */
  host?: string
  /**
   * The secret key clients authenticate with (Basic auth user, empty password). Default
   * `sk_test_sandbox`. Any other `sk_test_…` key is accepted too unless `strictSecretKey`.
   */
  secretKey?: string
  strictSecretKey?: boolean
  /** Where events are POSTed; none by default. */
  webhookUrl?: string
  /** Signs every event. Default `whsec_sandbox`. */
  webhookSecret?: string
  /** Base of session_url and instructions_url, if browsers reach the sandbox by another address. Default http://host:port. */
  publicUrl?: string
  /** Keep sessions, payments, events and the clock in this JSON file across restarts. */
  stateFile?: string
  webhookRetry?: WebhookRetryOptions
  /** Seeds fault injection so a faulty run repeats. Default: the current time. */
  seed?: number
  /** Send a `ping` at start when a webhook URL is set, as KOMOJU does for a new webhook. Default true. */
  pingOnStart?: boolean
  /** Any runtime setting from the start (faults, enabled payment types, …); see SandboxConfig. */
  config?: ConfigPatch
  /** How often overdue payments are expired in real time (ms). Default 30000. */
  sweepIntervalMs?: number
}

/** A running sandbox, with typed helpers that mirror the control API for in-process use. */
export type Sandbox = {
  /** http://host:port: the hosted pages and the control API (`/_sandbox`). */
  url: string
  /** `${url}/api/v1`: what a KOMOJU client's base URL should be. */
  apiUrl: string
  secretKey: string
  close(): Promise<void>
  /** Resolves when every webhook delivery under way (retries included) is finished. */
  webhooksIdle(): Promise<void>
  config(): SandboxConfig
  configure(patch: ConfigPatch & { seed?: number }): SandboxConfig
  /** A session as `GET /api/v1/sessions/:id` answers it, or undefined. */
  session(id: string): Session | undefined
  payment(id: string): Payment | undefined
  events(filter?: EventFilter): KomojuEvent[]
  /** Pays a payment or customer_payment session as the shopper would (a customer-mode session is `saveSession`'s). */
  completeSession(id: string, request?: CompleteSessionRequest): CompleteSessionResult
  /** Completes a customer-mode session: the card (or PayPay) is saved to its customer, nothing is paid. */
  saveSession(id: string, request?: CompleteSessionRequest): SaveSessionResult
  backToMerchant(id: string): BackToMerchantResult
  payPayment(id: string): Payment
  expirePayment(id: string): Payment
  failPayment(id: string, reason?: string): Payment
  cancelPayment(id: string): Payment
  refundPayment(id: string, request?: RefundRequest): Payment
  /** A refund request (`POST /api/v1/payments/:id/refund_request`) with what the sandbox keeps beside it. */
  refundRequest(id: string): RefundRequestView
  refundRequests(filter?: RefundRequestFilter): RefundRequestView[]
  /** KOMOJU paid the request out: a refund and its webhooks; completing again does nothing. */
  completeRefundRequest(id: string): Payment
  /** KOMOJU refused it: no money moves. */
  rejectRefundRequest(id: string): Payment
  /** Customers with what the sandbox keeps beside them (`GET /_sandbox/customers`). */
  customers(filter?: CustomerFilter): CustomerView[]
  customer(id: string): CustomerView | undefined
  /** The hosted page's one-click memory of an external_customer_id, or undefined. */
  externalCustomer(externalCustomerId: string): ExternalCustomerView | undefined
  secureToken(id: string): SecureTokenView | undefined
  /** The shopper passes (or fails) a secure token's 3-D Secure step. */
  verifySecureToken(id: string, pass?: boolean): { secure_token: SecureTokenView; redirect_url: string }
  ping(): KomojuEvent
  clock(): ClockState
  advanceClock(seconds: number): ClockAdvanceResult
  requests(filter?: RequestFilter): RequestLogEntry[]
  clearRequests(): void
  /** KOMOJU API requests counted, in flight now, and the most in flight at once since the last reset. */
  stats(): RequestStats
  resetStats(): void
  webhookAttempts(filter?: WebhookFilter): WebhookLogEntry[]
  clearWebhookAttempts(): void
  reset(options?: { config?: boolean }): void
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? DEFAULTS.host
  const secretKey = options.secretKey ?? DEFAULTS.secretKey
  const store = new Store(options.stateFile)
  const clock = new Clock()
  clock.offsetSeconds = store.clockOffsetSeconds
  const rng = new Rng(options.seed)
  const timers = new Timers()
  const retry = options.webhookRetry ?? {}
  const initialConfig = patchConfig(patchConfig(defaultConfig(), { ...(options.config ?? {}) }), {
    ...(options.webhookUrl !== undefined ? { webhook_url: options.webhookUrl } : {}),
    ...(options.webhookSecret !== undefined ? { webhook_secret: options.webhookSecret } : {}),
    webhook: {
      ...(retry.maxAttempts !== undefined ? { max_attempts: retry.maxAttempts } : {}),
      ...(retry.baseMs !== undefined ? { retry_base_ms: retry.baseMs } : {}),
      ...(retry.maxMs !== undefined ? { retry_max_ms: retry.maxMs } : {}),
      ...(retry.timeoutMs !== undefined ? { timeout_ms: retry.timeoutMs } : {}),
    },
  })
  let config = initialConfig
  const getConfig = () => config
  const setConfig = (next: SandboxConfig) => void (config = next)
  let publicUrl = ""

  const webhooks = new WebhookDispatcher(store, clock, getConfig, rng)
  const emit = paymentEmitter((type, payment, reason) => webhooks.emit(type, payment, reason), getConfig)
  const payments = new Payments(store, clock, emit)
  const refundRequests = new RefundRequests({
    store,
    clock,
    payments,
    config: getConfig,
    send: (type, payment) => void webhooks.emit(type, presentPayment(payment, getConfig().declined_payment_status), null),
  })
  const customers = new Customers({ store, clock, config: getConfig, emit: (type, customer) => void webhooks.emit(type, customer, null) })
  const secureTokens = new SecureTokens({ store, clock, customers, publicUrl: () => publicUrl })
  const charges = new Charges({ store, clock, payments, customers, secureTokens, emit, publicUrl: () => publicUrl, config: getConfig })
  const sessions = new Sessions({ store, clock, payments, customers, emit, publicUrl: () => publicUrl, config: getConfig })
  const idempotency = new IdempotencyKeys(clock)
  const control = new Controller({ sessions, payments, refundRequests, customers, secureTokens, store, clock, webhooks, idempotency, rng, getConfig, setConfig, initialConfig })

  const server = createSandboxServer({
    store,
    clock,
    sessions,
    control,
    apiRoutes: apiRoutes(sessions, payments, refundRequests, { customers, secureTokens, charges }),
    controlRoutes: controlRoutes(control),
    idempotency,
    faults: new FaultInjector(getConfig, setConfig, rng),
    timers,
    keyPolicy: { secretKey, acceptAnyTestKey: !options.strictSecretKey },
    getConfig,
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? DEFAULTS.port, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`
  publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "")
  // Deadlines pass in real time too (a demo left running over days).
  const sweep = setInterval(() => control.expireOverdue(), options.sweepIntervalMs ?? 30_000)
  sweep.unref()
  if (config.webhook_url && options.pingOnStart !== false) control.ping()

  return {
    url,
    apiUrl: `${url}/api/v1`,
    secretKey,
    close: async () => {
      clearInterval(sweep)
      webhooks.close()
      timers.cancelAll()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    webhooksIdle: () => webhooks.idle(),
    config: getConfig,
    configure: (patch) => control.configure(patch),
    session: (id) => (store.sessions.has(id) ? control.session(id) : undefined),
    payment: (id) => (store.payments.has(id) ? control.payment(id) : undefined),
    events: (filter) => control.events(filter),
    completeSession: (id, request) => {
      if (store.sessions.get(id)?.mode === "customer") throw new SandboxApiError(422, ErrorCode.UnprocessableEntity, `Session ${id} is in customer mode: it saves without paying (saveSession)`)
      return control.completeSession(id, request) as CompleteSessionResult
    },
    saveSession: (id, request) => {
      const session = store.sessions.get(id)
      if (session && session.mode !== "customer") throw new SandboxApiError(422, ErrorCode.UnprocessableEntity, `Session ${id} is in ${session.mode} mode: it pays (completeSession)`)
      return control.completeSession(id, request) as SaveSessionResult
    },
    backToMerchant: (id) => control.backToMerchant(id),
    payPayment: (id) => control.payPayment(id),
    expirePayment: (id) => control.expirePayment(id),
    failPayment: (id, reason) => control.failPayment(id, reason ?? null),
    cancelPayment: (id) => control.cancelPayment(id),
    refundPayment: (id, request) => control.refundPayment(id, request),
    refundRequest: (id) => control.refundRequest(id),
    refundRequests: (filter) => control.refundRequests(filter),
    completeRefundRequest: (id) => control.completeRefundRequest(id),
    rejectRefundRequest: (id) => control.rejectRefundRequest(id),
    customers: (filter) => control.customers(filter),
    customer: (id) => (store.customers.has(id) ? control.customer(id) : undefined),
    externalCustomer: (id) => (store.externalCustomers.has(id) ? control.externalCustomer(id) : undefined),
    secureToken: (id) => (store.secureTokens.has(id) ? control.secureToken(id) : undefined),
    verifySecureToken: (id, pass = true) => control.verifySecureToken(id, pass),
    ping: () => control.ping(),
    clock: () => control.clock(),
    advanceClock: (seconds) => control.advanceClock(seconds),
    requests: (filter) => control.requests(filter),
    clearRequests: () => control.clearRequests(),
    stats: () => control.stats(),
    resetStats: () => control.resetStats(),
    webhookAttempts: (filter) => control.webhookAttempts(filter),
    clearWebhookAttempts: () => control.clearWebhookAttempts(),
    reset: (resetOptions) => control.reset(resetOptions),
  }
}
