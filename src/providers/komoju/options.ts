import { MedusaError } from "@medusajs/framework/utils"
import {
  isKomojuPaymentType,
  KomojuCaptureMode,
  KomojuLocales,
  SESSION_EXPIRY_MAX_SECONDS,
  type KomojuLocale,
} from "../../lib/komoju"

/** The provider's options, as written in `medusa-config.ts`. These names are public. */
export type KomojuProviderOptions = {
  /** KOMOJU secret key (`sk_test_…` or `sk_live_…`); it also decides test or live mode. */
  secretKey: string
  /** Webhook secret token set in KOMOJU's dashboard; signs every webhook. */
  webhookSecret: string
  /** KOMOJU API base URL. Default `https://komoju.com/api/v1`; point it at the sandbox for tests. */
  apiUrl?: string
  /** Pins `X-KOMOJU-API-VERSION` (e.g. `2024-07-15`); unset = the account's default. */
  apiVersion?: string
  /** Payment types offered on the hosted page; unset = every method active on the account. */
  paymentTypes?: string[]
  /** Hosted page language when the storefront sends none. Default `ja`. */
  defaultLocale?: KomojuLocale
  /** `auto` captures at payment; `manual` holds card authorizations for a later capture. */
  captureMode?: KomojuCaptureMode
  /** Hosted session lifetime, at most 86 400 (KOMOJU's default and maximum). */
  sessionExpiresInSeconds?: number
  /** Where KOMOJU sends the customer back when the storefront gives no `return_url`. */
  returnUrl?: string
  /** Per-request timeout towards KOMOJU. Default 15 000 ms. */
  requestTimeoutMs?: number
  /** Retries on network errors, timeouts, 429 and 5xx, with backoff. Default 2. */
  maxRetries?: number
}

export type ResolvedKomojuOptions = Required<
  Omit<KomojuProviderOptions, "apiVersion" | "paymentTypes" | "sessionExpiresInSeconds" | "returnUrl">
> &
  Pick<
    KomojuProviderOptions,
    "apiVersion" | "paymentTypes" | "sessionExpiresInSeconds" | "returnUrl"
  >

export const DEFAULT_API_URL = "https://komoju.com/api/v1"

const DEFAULTS = {
  apiUrl: DEFAULT_API_URL,
  defaultLocale: "ja",
  captureMode: KomojuCaptureMode.Auto,
  requestTimeoutMs: 15_000,
  maxRetries: 2,
} as const

const MAX_TIMEOUT_MS = 120_000
const MAX_RETRIES = 10
const PAYMENT_TYPE_PATTERN = /^[a-z0-9_]+$/

/**
 * Checks the options at boot (Medusa calls this for every command that loads modules),
 * naming each option that is wrong so the merchant can fix `medusa-config.ts`.
 */
export function validateOptions(options: Record<string, unknown>): void {
  const problems = findOptionProblems(options ?? {})
  if (problems.length) {
    const keysMissing = problems.some((p) => /`(secretKey|webhookSecret)` is required/.test(p))
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid KOMOJU payment provider options: ${problems.join("; ")}` +
        (keysMissing
          ? ". Every Medusa process needs both: the API server verifies KOMOJU's webhooks with the secret, the worker reads payments back with the key"
          : "")
    )
  }
}

export function resolveOptions(options: KomojuProviderOptions): ResolvedKomojuOptions {
  validateOptions(options)
  return {
    ...DEFAULTS,
    ...stripUndefined(options),
    secretKey: options.secretKey,
    webhookSecret: options.webhookSecret,
    apiUrl: (options.apiUrl ?? DEFAULTS.apiUrl).replace(/\/+$/, ""),
  }
}

function findOptionProblems(o: Record<string, unknown>): string[] {
  const problems: string[] = []
  const requireString = (name: string) => {
    if (typeof o[name] !== "string" || !(o[name] as string).trim()) {
      problems.push(`\`${name}\` is required (a non-empty string)`)
      return false
    }
    return true
  }

  if (requireString("secretKey") && (o.secretKey as string).startsWith("pk_")) {
    problems.push("`secretKey` is a publishable key (pk_…); use the secret key (sk_…)")
  }
  requireString("webhookSecret")

  for (const name of ["apiUrl", "returnUrl"]) {
    if (o[name] !== undefined && !isHttpUrl(o[name])) {
      problems.push(`\`${name}\` must be an http(s) URL`)
    }
  }
  if (o.apiVersion !== undefined && (typeof o.apiVersion !== "string" || !o.apiVersion)) {
    problems.push("`apiVersion` must be a non-empty string such as 2024-07-15")
  }
  if (o.paymentTypes !== undefined) {
    const types = o.paymentTypes
    if (
      !Array.isArray(types) ||
      types.length === 0 ||
      !types.every((t) => typeof t === "string" && PAYMENT_TYPE_PATTERN.test(t))
    ) {
      problems.push(
        "`paymentTypes` must be a non-empty list of KOMOJU payment types such as [\"credit_card\", \"konbini\"] (omit it to offer every active method)"
      )
    } else {
      const unknown = types.filter((t) => !isKomojuPaymentType(t))
      if (unknown.length) {
        problems.push(`\`paymentTypes\` has types KOMOJU does not know: ${unknown.join(", ")} (Apple Pay is part of credit_card)`)
      }
    }
  }
  if (
    o.defaultLocale !== undefined &&
    !(KomojuLocales as readonly unknown[]).includes(o.defaultLocale)
  ) {
    problems.push(`\`defaultLocale\` must be one of ${KomojuLocales.join(", ")}`)
  }
  const captureModes: unknown[] = Object.values(KomojuCaptureMode)
  if (o.captureMode !== undefined && !captureModes.includes(o.captureMode)) {
    problems.push(`\`captureMode\` must be one of ${captureModes.join(", ")}`)
  }
  checkInteger(o, "sessionExpiresInSeconds", 1, SESSION_EXPIRY_MAX_SECONDS, problems)
  checkInteger(o, "requestTimeoutMs", 1, MAX_TIMEOUT_MS, problems)
  checkInteger(o, "maxRetries", 0, MAX_RETRIES, problems)
  return problems
}

function checkInteger(
  o: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  problems: string[]
) {
  const value = o[name]
  if (value === undefined) return
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    problems.push(`\`${name}\` must be an integer from ${min} to ${max}`)
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined)
  ) as Partial<T>
}

/** Test or live, as the secret key says: what one mode saved does not exist in the other. */
export function komojuMode(options: Pick<ResolvedKomojuOptions, "secretKey">): "test" | "live" {
  return options.secretKey.startsWith("sk_live_") ? "live" : "test"
}
