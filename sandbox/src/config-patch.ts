import { parseApiVersion } from "./api-version"
import type { ExpiryDays, FaultRates, SandboxConfig, WebhookConfig } from "./config"
import { ENDPOINT_KEY, ERROR_STATUSES } from "./faults"
import { ErrorCode, LIMITS } from "./constants"
import { ApiError } from "./errors"
import { ALL_CURRENCIES, isCurrency } from "./currencies"
import { ALL_PAYMENT_TYPES, isPaymentType, type PaymentTypeCode } from "./payment-types"

/** Checks one setting's value (named `name` in messages) and returns it as stored. */
type Check = (value: unknown, name: string) => unknown

const rate: Check = (value, name) => {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) throw invalid(name, `${name} must be a number from 0 to 1`)
  return value
}

const count: Check = (value, name) => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw invalid(name, `${name} must be a whole number ≥ 0`)
  return value
}

const atLeastOne: Check = (value, name) => Math.max(1, count(value, name) as number)

const bool: Check = (value, name) => {
  if (typeof value !== "boolean") throw invalid(name, `${name} must be true or false`)
  return value
}

const wholeIn =
  (min: number, max: number): Check =>
  (value, name) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) throw invalid(name, `${name} must be a whole number from ${min} to ${max}`)
    return value
  }

const nonEmpty: Check = (value, name) => {
  if (typeof value !== "string" || !value) throw invalid(name, `${name} must be a non-empty string`)
  return value
}

const httpUrl: Check = (value, name) => {
  if (value === null || value === "") return null
  if (typeof value !== "string" || !/^https?:\/\//.test(value) || !URL.canParse(value)) throw invalid(name, `${name} must be an http(s) URL or null`)
  return value
}

const regex: Check = (value, name) => {
  if (value === null || value === "") return null
  if (typeof value !== "string") throw invalid(name, `${name} must be a regular expression or null`)
  try {
    new RegExp(value)
  } catch {
    throw invalid(name, `${name} is not a valid regular expression`)
  }
  return value
}

const oneOf =
  (...allowed: readonly unknown[]): Check =>
  (value, name) => {
    if (!allowed.includes(value)) throw invalid(name, `${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`)
    return value
  }

const paymentTypes: Check = (value, name) => {
  if (!Array.isArray(value) || value.some((type) => typeof type !== "string" || !isPaymentType(type))) {
    throw invalid(name, `${name} must list payment types among: ${ALL_PAYMENT_TYPES.join(", ")}`)
  }
  return [...value] as PaymentTypeCode[]
}

/** One check per setting: a setting added to SandboxConfig without one does not compile. */
const FAULT_RATES: Checks<FaultRates> = { error_rate: rate, timeout_rate: rate, lost_answer_rate: rate }

const endpointFaults: Check = (value, name) => {
  const rules = record(value, name)
  for (const [key, rates] of Object.entries(rules)) {
    if (!ENDPOINT_KEY.test(key)) throw invalid(`${name}.${key}`, `${name} keys are "METHOD /path" with :id for ids, e.g. "POST /payments/:id/refund"`)
    rules[key] = patchGroup({}, rates, `${name}.${key}`, FAULT_RATES)
  }
  return rules
}

const positive: Check = (value, name) => {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) throw invalid(name, `${name} must be a positive number`)
  return value
}

const currency: Check = (value, name) => {
  if (typeof value !== "string" || !isCurrency(value)) throw invalid(name, `${name} must be one of KOMOJU's currencies: ${ALL_CURRENCIES.join(", ")}`)
  return value
}

/** An object keyed by payment type, each value checked; replaced whole by a patch. */
const perPaymentType =
  (check: Check): Check =>
  (value, name) => {
    const entries = record(value, name)
    for (const [type, entry] of Object.entries(entries)) {
      if (!isPaymentType(type)) throw invalid(`${name}.${type}`, `${type} is not a KOMOJU payment type`)
      entries[type] = check(entry, `${name}.${type}`)
    }
    return entries
  }

type Checks<T> = { [K in keyof T]-?: Check }

const TOP: Omit<Checks<SandboxConfig>, keyof typeof GROUPS> = {
  webhook_url: httpUrl,
  webhook_secret: nonEmpty,
  enabled_payment_types: paymentTypes,
  latency_ms: count,
  error_rate: rate,
  timeout_rate: rate,
  lost_answer_rate: rate,
  endpoint_faults: endpointFaults,
  error_status: oneOf(...Object.keys(ERROR_STATUSES).map(Number)),
  timeout_mode: oneOf("hold", "reset"),
  timeout_hold_ms: count,
  next_errors: count,
  next_timeouts: count,
  next_lost_answers: count,
  fault_path_pattern: regex,
  parameter_error_status: oneOf(400, 422),
  state_error_codes: oneOf("unprocessable_entity", "detailed"),
  idempotency_key_reuse: oneOf("conflict", "replay"),
  declined_payment_status: oneOf("pending", "failed"),
  failed_status_api_version: (value, name) => {
    if (value === null || value === "") return null
    const version = typeof value === "string" ? parseApiVersion(value) : null
    if (!version) throw invalid(name, `${name} must be an API version date such as "2026-01-01", or null`)
    return version
  },
  payment_failed_on_decline: bool,
  payment_updated_event: oneOf("after", "before", "off"),
  cross_currency: perPaymentType((value, name) => {
    const entry = patchGroup({}, value, name, { currency: currency, exchange_rate: positive })
    if (!("currency" in entry) || !("exchange_rate" in entry)) throw invalid(name, `${name} needs currency and exchange_rate`)
    return entry
  }),
  payment_method_fees: perPaymentType(count),
  tax_rate: rate,
  line_items_total: oneOf("strict", "off"),
  paidy_requires_shipping_address: bool,
  refund_request_rejected_event: oneOf("none", "payment.updated"),
  customer_modes_require_external_customer_id: bool,
  saved_card_three_d_secure: oneOf("challenge_cards", "all", "none"),
  customer_delete_erases_one_click: bool,
  direct_charge_decline: oneOf("error", "payment"),
}

/** KOMOJU's ranges: konbini 1–59 days, bank transfer 14–59; Pay-easy has no published one. */
const EXPIRY_DAYS: Checks<ExpiryDays> = {
  konbini: wholeIn(LIMITS.konbiniExpiryDays.min, LIMITS.konbiniExpiryDays.max),
  bank_transfer: wholeIn(LIMITS.bankTransferExpiryDays.min, LIMITS.bankTransferExpiryDays.max),
  pay_easy: wholeIn(LIMITS.payEasyExpiryDays.min, LIMITS.payEasyExpiryDays.max),
}

const WEBHOOK: Checks<WebhookConfig> = {
  duplicate_rate: rate,
  reorder_rate: rate,
  reorder_max_hold_ms: count,
  drop_rate: rate,
  delay_rate: rate,
  delay_ms: count,
  max_attempts: atLeastOne,
  retry_base_ms: count,
  retry_max_ms: count,
  timeout_ms: count,
}


/** Groups patched key by key (the other object settings are replaced whole). */
const GROUPS = { webhook: WEBHOOK, expiry_days: EXPIRY_DAYS } as const

/** Settings that were renamed: naming the new one beats "unknown setting". */
const RENAMED: Record<string, string> = {
  timeout_after_processing: "lost_answer_rate (or next_lost_answers): a processed request whose answer is lost is its own fault now",
}

/** Applies a partial update (JSON from the control API, or options in code); refuses nonsense with a 400. */
export function patchConfig(config: SandboxConfig, patch: Record<string, unknown>): SandboxConfig {
  const next = structuredClone(config) as SandboxConfig & Record<string, unknown>
  for (const [name, value] of Object.entries(patch)) {
    if (name in GROUPS) {
      const group = name as keyof typeof GROUPS
      next[group] = patchGroup(next[group] as Record<string, unknown>, value, group, GROUPS[group]) as never
    } else if (name in TOP) {
      next[name] = TOP[name as keyof typeof TOP](value, name)
    } else if (name in RENAMED) {
      throw invalid(name, `${name} is gone; use ${RENAMED[name]}`)
    } else {
      // A misspelt fault must not pass silently as "no fault".
      throw invalid(name, `Unknown setting ${name}; see GET /_sandbox/config`)
    }
  }
  checkShares("", next)
  for (const [key, rates] of Object.entries(next.endpoint_faults)) checkShares(`endpoint_faults.${key}.`, rates)
  return next
}

/** One draw picks among the three faults, so their shares cannot exceed the whole. */
function checkShares(prefix: string, rates: Partial<FaultRates>): void {
  const total = (rates.error_rate ?? 0) + (rates.timeout_rate ?? 0) + (rates.lost_answer_rate ?? 0)
  if (total > 1 + 1e-9) throw invalid(`${prefix}error_rate`, `${prefix}error_rate + timeout_rate + lost_answer_rate must be at most 1`)
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw invalid(name, `${name} must be an object`)
  return { ...(value as Record<string, unknown>) }
}

function patchGroup(current: Record<string, unknown>, value: unknown, group: string, checks: Record<string, Check>): Record<string, unknown> {
  record(value, group)
  const next = { ...current }
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const name = `${group}.${key}`
    if (!(key in checks)) throw invalid(name, `Unknown setting ${name}; see GET /_sandbox/config`)
    next[key] = checks[key](raw, name)
  }
  return next
}

function invalid(param: string, message: string) {
  return new ApiError(400, ErrorCode.InvalidParameter, message, param)
}
