/** What can be changed while the sandbox runs (control API `PATCH /_sandbox/config`). */
export type SandboxConfig = {
  webhook_url: string | null
  webhook_secret: string
  /** Added to every API request. */
  latency_ms: number
  /** Share of API requests answered 503 service_unavailable. */
  error_rate: number
  /** Share of API requests held without an answer until the socket is dropped. */
  timeout_rate: number
  timeout_hold_ms: number
  webhook: {
    duplicate_rate: number
    /** Share of deliveries held back and sent after the next one. */
    reorder_rate: number
    drop_rate: number
    delay_ms: number
    max_attempts: number
    retry_base_ms: number
  }
}

export function defaultConfig(overrides: Partial<SandboxConfig> = {}): SandboxConfig {
  return {
    webhook_url: null,
    webhook_secret: "whsec_sandbox",
    latency_ms: 0,
    error_rate: 0,
    timeout_rate: 0,
    timeout_hold_ms: 30_000,
    ...overrides,
    webhook: {
      duplicate_rate: 0,
      reorder_rate: 0,
      drop_rate: 0,
      delay_ms: 0,
      max_attempts: 5,
      retry_base_ms: 1_000,
      ...overrides.webhook,
    },
  }
}

const RATES = ["error_rate", "timeout_rate"] as const
const WEBHOOK_RATES = ["duplicate_rate", "reorder_rate", "drop_rate"] as const

/** Applies a partial update, refusing values that make no sense. */
export function patchConfig(config: SandboxConfig, patch: Record<string, unknown>): SandboxConfig {
  const next: SandboxConfig = { ...config, webhook: { ...config.webhook } }
  const rate = (value: unknown, name: string) => {
    if (typeof value !== "number" || value < 0 || value > 1) throw new Error(`${name} must be a number from 0 to 1`)
    return value
  }
  const ms = (value: unknown, name: string) => {
    if (typeof value !== "number" || value < 0) throw new Error(`${name} must be a non-negative number`)
    return value
  }
  if ("webhook_url" in patch) next.webhook_url = patch.webhook_url ? String(patch.webhook_url) : null
  if ("webhook_secret" in patch) next.webhook_secret = String(patch.webhook_secret)
  if ("latency_ms" in patch) next.latency_ms = ms(patch.latency_ms, "latency_ms")
  if ("timeout_hold_ms" in patch) next.timeout_hold_ms = ms(patch.timeout_hold_ms, "timeout_hold_ms")
  for (const name of RATES) if (name in patch) next[name] = rate(patch[name], name)
  const webhook = (patch.webhook ?? {}) as Record<string, unknown>
  for (const name of WEBHOOK_RATES) if (name in webhook) next.webhook[name] = rate(webhook[name], `webhook.${name}`)
  for (const name of ["delay_ms", "retry_base_ms"] as const) {
    if (name in webhook) next.webhook[name] = ms(webhook[name], `webhook.${name}`)
  }
  if ("max_attempts" in webhook) next.webhook.max_attempts = Math.max(1, Math.floor(ms(webhook.max_attempts, "webhook.max_attempts")))
  return next
}
