import { DEFAULTS, ErrorCode } from "./constants"
import { ApiError } from "./errors"
import { ALL_PAYMENT_TYPES, isPaymentType, type PaymentTypeCode } from "./payment-types"

export type TimeoutMode = "hold" | "reset"

/** How webhooks are delivered, and how badly (each fault a probability from 0 to 1). */
export type WebhookConfig = {
  /** Deliver an event twice (same body, same X-Komoju-ID). */
  duplicate_rate: number
  /** Hold an event back and send it after the next one (or after `reorder_max_hold_ms`). */
  reorder_rate: number
  reorder_max_hold_ms: number
  /** Never deliver an event (logged as dropped). */
  drop_rate: number
  /** Wait `delay_ms` before delivering an event. */
  delay_rate: number
  delay_ms: number
  /** Attempts per delivery, the first included; non-2xx answers and network errors are retried. */
  max_attempts: number
  /** Backoff before retry n is retry_base_ms × 2^(n-1), capped at retry_max_ms. */
  retry_base_ms: number
  retry_max_ms: number
  /** How long one attempt may take before it counts as a network error. */
  timeout_ms: number
}

/** Everything that can change while the sandbox runs (`GET`/`PATCH /_sandbox/config`). */
export type SandboxConfig = {
  webhook_url: string | null
  webhook_secret: string
  /** Methods "activated on the account": what a session offers without payment_types. */
  enabled_payment_types: PaymentTypeCode[]
  /** Processing time added to every API request (it counts as in flight for idempotency). */
  latency_ms: number
  /** Share of API requests answered 503 service_unavailable without being processed. */
  error_rate: number
  /** Share of API requests that get no answer. */
  timeout_rate: number
  /** `hold`: keep the socket open for timeout_hold_ms, then drop it; `reset`: drop it at once. */
  timeout_mode: TimeoutMode
  timeout_hold_ms: number
  /** Process the request before losing the answer (the case idempotency keys exist for). */
  timeout_after_processing: boolean
  /** The next n API requests answer 503 / time out, whatever the rates (deterministic tests). */
  next_errors: number
  next_timeouts: number
  /** Faults hit only requests whose "METHOD /path" (after /api/v1) matches this regex. */
  fault_path_pattern: string | null
  webhook: WebhookConfig
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] }
export type ConfigPatch = DeepPartial<SandboxConfig>

export function defaultConfig(): SandboxConfig {
  return {
    webhook_url: null,
    webhook_secret: DEFAULTS.webhookSecret,
    enabled_payment_types: [...ALL_PAYMENT_TYPES],
    latency_ms: 0,
    error_rate: 0,
    timeout_rate: 0,
    timeout_mode: "hold",
    timeout_hold_ms: 30_000,
    timeout_after_processing: false,
    next_errors: 0,
    next_timeouts: 0,
    fault_path_pattern: null,
    webhook: {
      duplicate_rate: 0,
      reorder_rate: 0,
      reorder_max_hold_ms: 5_000,
      drop_rate: 0,
      delay_rate: 1,
      delay_ms: 0,
      max_attempts: 5,
      retry_base_ms: 1_000,
      retry_max_ms: 60_000,
      timeout_ms: 10_000,
    },
  }
}

const RATES = ["error_rate", "timeout_rate"] as const
const DURATIONS = ["latency_ms", "timeout_hold_ms"] as const
const COUNTS = ["next_errors", "next_timeouts"] as const
const WEBHOOK_RATES = ["duplicate_rate", "reorder_rate", "drop_rate", "delay_rate"] as const
const WEBHOOK_DURATIONS = ["reorder_max_hold_ms", "delay_ms", "retry_base_ms", "retry_max_ms", "timeout_ms"] as const

/** Applies a partial update (JSON from the control API, or options in code); refuses nonsense with a 400. */
export function patchConfig(config: SandboxConfig, patch: Record<string, unknown>): SandboxConfig {
  const next: SandboxConfig = { ...config, webhook: { ...config.webhook } }
  // A misspelt fault must not pass silently as "no fault".
  const unknown = Object.keys(patch).filter((key) => !(key in config))
  if (unknown.length) throw invalid(unknown[0], `Unknown setting ${unknown.join(", ")}; see GET /_sandbox/config`)
  if ("webhook_url" in patch) next.webhook_url = url(patch.webhook_url, "webhook_url")
  if ("webhook_secret" in patch) next.webhook_secret = nonEmpty(patch.webhook_secret, "webhook_secret")
  if ("enabled_payment_types" in patch) next.enabled_payment_types = paymentTypes(patch.enabled_payment_types)
  for (const name of RATES) if (name in patch) next[name] = rate(patch[name], name)
  for (const name of DURATIONS) if (name in patch) next[name] = count(patch[name], name)
  for (const name of COUNTS) if (name in patch) next[name] = count(patch[name], name)
  if ("timeout_mode" in patch) {
    if (patch.timeout_mode !== "hold" && patch.timeout_mode !== "reset") throw invalid("timeout_mode", "timeout_mode must be hold or reset")
    next.timeout_mode = patch.timeout_mode
  }
  if ("timeout_after_processing" in patch) next.timeout_after_processing = bool(patch.timeout_after_processing, "timeout_after_processing")
  if ("fault_path_pattern" in patch) next.fault_path_pattern = pattern(patch.fault_path_pattern)
  const webhook = patch.webhook
  if (webhook !== undefined) {
    if (!webhook || typeof webhook !== "object") throw invalid("webhook", "webhook must be an object")
    const w = webhook as Record<string, unknown>
    const unknownWebhook = Object.keys(w).filter((key) => !(key in config.webhook))
    if (unknownWebhook.length) throw invalid(`webhook.${unknownWebhook[0]}`, `Unknown setting webhook.${unknownWebhook.join(", webhook.")}`)
    for (const name of WEBHOOK_RATES) if (name in w) next.webhook[name] = rate(w[name], `webhook.${name}`)
    for (const name of WEBHOOK_DURATIONS) if (name in w) next.webhook[name] = count(w[name], `webhook.${name}`)
    if ("max_attempts" in w) next.webhook.max_attempts = Math.max(1, count(w.max_attempts, "webhook.max_attempts"))
  }
  return next
}

function invalid(param: string, message: string) {
  return new ApiError(400, ErrorCode.InvalidParameter, message, param)
}

function rate(value: unknown, name: string): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) throw invalid(name, `${name} must be a number from 0 to 1`)
  return value
}

function count(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw invalid(name, `${name} must be a whole number ≥ 0`)
  return value
}

function bool(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw invalid(name, `${name} must be true or false`)
  return value
}

function nonEmpty(value: unknown, name: string): string {
  if (typeof value !== "string" || !value) throw invalid(name, `${name} must be a non-empty string`)
  return value
}

function url(value: unknown, name: string): string | null {
  if (value === null || value === "") return null
  if (typeof value !== "string" || !/^https?:\/\//.test(value) || !URL.canParse(value)) throw invalid(name, `${name} must be an http(s) URL or null`)
  return value
}

function pattern(value: unknown): string | null {
  if (value === null || value === "") return null
  if (typeof value !== "string") throw invalid("fault_path_pattern", "fault_path_pattern must be a regular expression or null")
  try {
    new RegExp(value)
  } catch {
    throw invalid("fault_path_pattern", "fault_path_pattern is not a valid regular expression")
  }
  return value
}

function paymentTypes(value: unknown): PaymentTypeCode[] {
  if (!Array.isArray(value) || value.some((type) => typeof type !== "string" || !isPaymentType(type))) {
    throw invalid("enabled_payment_types", `enabled_payment_types must list payment types among: ${ALL_PAYMENT_TYPES.join(", ")}`)
  }
  return value as PaymentTypeCode[]
}
