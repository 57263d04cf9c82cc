import { createHash, randomUUID } from "node:crypto"
import { IDEMPOTENCY_KEY_MAX, KomojuErrorCode, KomojuHeader } from "./constants"
import { KomojuError } from "./errors"
import type {
  CreateRefundRequestBody,
  CreateSessionRequest,
  KomojuCustomer,
  KomojuPayment,
  KomojuPaymentList,
  KomojuSession,
  ListPaymentsQuery,
  RefundRequest,
  SaveSessionRequest,
} from "./types"

/** Per-call options for writes. */
export type WriteOptions = {
  /** Sent as X-KOMOJU-IDEMPOTENCY; reused on every retry of the same call. */
  idempotencyKey?: string
}

/**
 * What the provider needs from KOMOJU. Tests may replace it; production uses
 * {@link KomojuHttpClient}.
 */
export interface KomojuClient {
  createSession(body: CreateSessionRequest | SaveSessionRequest, options?: WriteOptions): Promise<KomojuSession>
  retrieveSession(sessionId: string): Promise<KomojuSession>
  cancelSession(sessionId: string, options?: WriteOptions): Promise<KomojuSession>
  retrievePayment(paymentId: string): Promise<KomojuPayment>
  listPayments(query: ListPaymentsQuery): Promise<KomojuPaymentList>
  capturePayment(
    paymentId: string,
    body?: { amount?: number },
    options?: WriteOptions
  ): Promise<KomojuPayment>
  refundPayment(
    paymentId: string,
    body: RefundRequest,
    options?: WriteOptions
  ): Promise<KomojuPayment>
  cancelPayment(paymentId: string, options?: WriteOptions): Promise<KomojuPayment>
  /** A cash payment's refund to a bank account; answers with the payment, the request in its `refund_requests`. */
  createRefundRequest(
    paymentId: string,
    body: CreateRefundRequestBody,
    options?: WriteOptions
  ): Promise<KomojuPayment>
  retrieveCustomer(customerId: string): Promise<KomojuCustomer>
  /** Deletes a KOMOJU customer and its saved source; answers the customer as it was. */
  deleteCustomer(customerId: string): Promise<KomojuCustomer>
  /** Erases what KOMOJU's hosted page remembers for one-click under the merchant's id. */
  deleteExternalCustomer(externalCustomerId: string): Promise<{ id: string }>
}

export type KomojuLogger = {
  warn(message: string): void
  debug?(message: string): void
}

export type KomojuHttpClientConfig = {
  secretKey: string
  apiUrl: string
  apiVersion?: string
  timeoutMs: number
  maxRetries: number
  /** First retry waits this long, doubling each time (plus jitter). */
  retryBaseDelayMs?: number
  /** Longest single wait, also the cap on a Retry-After header. */
  retryMaxDelayMs?: number
  logger?: KomojuLogger
  /** Injected for tests; defaults to Node's fetch (undici, keep-alive by default). */
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
}

type Method = "GET" | "POST" | "DELETE"

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504])

export class KomojuHttpClient implements KomojuClient {
  private readonly config: Required<
    Omit<KomojuHttpClientConfig, "apiVersion" | "logger">
  > &
    Pick<KomojuHttpClientConfig, "apiVersion" | "logger">
  private readonly authorization: string

  constructor(config: KomojuHttpClientConfig) {
    this.config = {
      retryBaseDelayMs: 250,
      retryMaxDelayMs: 4_000,
      fetch: globalThis.fetch,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...config,
      apiUrl: config.apiUrl.replace(/\/+$/, ""),
    }
    // KOMOJU's Basic auth: the secret key is the user name, the password is empty.
    this.authorization = `Basic ${Buffer.from(`${config.secretKey}:`).toString("base64")}`
  }

  createSession(body: CreateSessionRequest | SaveSessionRequest, options?: WriteOptions) {
    return this.request<KomojuSession>("POST", "/sessions", body, options)
  }

  retrieveSession(sessionId: string) {
    return this.request<KomojuSession>("GET", `/sessions/${encode(sessionId)}`)
  }

  cancelSession(sessionId: string, options?: WriteOptions) {
    return this.request<KomojuSession>(
      "POST",
      `/sessions/${encode(sessionId)}/cancel`,
      {},
      options
    )
  }

  retrievePayment(paymentId: string) {
    return this.request<KomojuPayment>("GET", `/payments/${encode(paymentId)}`)
  }

  listPayments(query: ListPaymentsQuery) {
    const params = new URLSearchParams(
      Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]))
    )
    return this.request<KomojuPaymentList>("GET", `/payments?${params}`)
  }

  capturePayment(paymentId: string, body: { amount?: number } = {}, options?: WriteOptions) {
    return this.request<KomojuPayment>(
      "POST",
      `/payments/${encode(paymentId)}/capture`,
      body,
      options
    )
  }

  refundPayment(paymentId: string, body: RefundRequest, options?: WriteOptions) {
    return this.request<KomojuPayment>(
      "POST",
      `/payments/${encode(paymentId)}/refund`,
      body,
      options
    )
  }

  cancelPayment(paymentId: string, options?: WriteOptions) {
    return this.request<KomojuPayment>(
      "POST",
      `/payments/${encode(paymentId)}/cancel`,
      {},
      options
    )
  }

  createRefundRequest(paymentId: string, body: CreateRefundRequestBody, options?: WriteOptions) {
    return this.request<KomojuPayment>(
      "POST",
      `/payments/${encode(paymentId)}/refund_request`,
      body,
      options
    )
  }

  retrieveCustomer(customerId: string) {
    return this.request<KomojuCustomer>("GET", `/customers/${encode(customerId)}`)
  }

  deleteCustomer(customerId: string) {
    return this.request<KomojuCustomer>("DELETE", `/customers/${encode(customerId)}`)
  }

  deleteExternalCustomer(externalCustomerId: string) {
    return this.request<{ id: string }>("DELETE", `/external_customers/${encode(externalCustomerId)}`)
  }

  private async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    options: WriteOptions = {}
  ): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: this.authorization,
      Accept: "application/json",
    }
    if (this.config.apiVersion) {
      headers[KomojuHeader.ApiVersion] = this.config.apiVersion
    }
    let payload: string | undefined
    if (method === "POST") {
      payload = JSON.stringify(body ?? {})
      headers["Content-Type"] = "application/json"
      // Every write carries a key, so a retry after a lost answer cannot pay or refund twice.
      headers[KomojuHeader.Idempotency] = toIdempotencyKey(options.idempotencyKey)
    }

    const attempts = this.config.maxRetries + 1
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(method, path, headers, payload)
      if (outcome.kind === "ok") {
        return outcome.body as T
      }
      if (!outcome.retryable || attempt >= attempts) {
        throw outcome.error
      }
      const delay = this.backoff(attempt, outcome.retryAfterMs)
      this.config.logger?.warn(
        `KOMOJU ${method} ${path} failed (${outcome.error.komojuCode}); retry ${attempt}/${this.config.maxRetries} in ${delay} ms` +
          (headers[KomojuHeader.Idempotency]
            ? ` with idempotency key ${headers[KomojuHeader.Idempotency]}`
            : "")
      )
      await this.config.sleep(delay)
    }
  }

  private async attempt(
    method: Method,
    path: string,
    headers: Record<string, string>,
    payload: string | undefined
  ): Promise<
    | { kind: "ok"; body: unknown }
    | { kind: "error"; error: KomojuError; retryable: boolean; retryAfterMs?: number }
  > {
    let response: Response
    let text: string
    const signal = AbortSignal.timeout(this.config.timeoutMs)
    try {
      response = await this.config.fetch(`${this.config.apiUrl}${path}`, {
        method,
        headers,
        body: payload,
        signal,
      })
      // The body is read under the same deadline: a stalled body is a timeout too.
      text = await response.text()
    } catch (cause) {
      const timedOut = signal.aborted
      return {
        kind: "error",
        retryable: true,
        error: new KomojuError({
          httpStatus: 0,
          code: timedOut ? KomojuErrorCode.Timeout : KomojuErrorCode.NetworkError,
          message: timedOut
            ? `no answer within ${this.config.timeoutMs} ms`
            : `request failed: ${cause instanceof Error ? cause.message : String(cause)}`,
        }),
      }
    }

    const body = parseJson(text)
    if (response.ok && body !== undefined) {
      return { kind: "ok", body }
    }
    return {
      kind: "error",
      retryable: RETRYABLE_STATUS.has(response.status),
      retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
      error: response.ok
        ? new KomojuError({
            httpStatus: response.status,
            code: "invalid_response",
            message: "KOMOJU answered with a body that is not JSON",
          })
        : KomojuError.fromResponse(response.status, body),
    }
  }

  private backoff(attempt: number, retryAfter?: number): number {
    const { retryBaseDelayMs, retryMaxDelayMs } = this.config
    if (retryAfter !== undefined) {
      return Math.min(retryAfter, retryMaxDelayMs)
    }
    const exponential = retryBaseDelayMs * 2 ** (attempt - 1)
    // Jitter keeps many servers retrying after the same outage from arriving together.
    const jitter = Math.floor(Math.random() * retryBaseDelayMs)
    return Math.min(exponential + jitter, retryMaxDelayMs)
  }
}

function encode(id: string): string {
  return encodeURIComponent(id)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined
}

/**
 * KOMOJU accepts at most 100 printable ASCII characters. A longer or non-ASCII key is
 * hashed rather than dropped so that the same Medusa key still maps to the same KOMOJU
 * key; without any key, each call gets a fresh one (still shared by its retries).
 */
export function toIdempotencyKey(key: string | undefined): string {
  if (!key) {
    return randomUUID()
  }
  if (key.length <= IDEMPOTENCY_KEY_MAX && /^[\x21-\x7e]+$/.test(key)) {
    return key
  }
  return createHash("sha256").update(key).digest("hex")
}
