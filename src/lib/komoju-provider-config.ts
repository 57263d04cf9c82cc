import type { ConfigModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { KomojuHttpClient, KomojuLogger } from "./komoju"
import { createKomojuClient } from "../providers/komoju/client"
import { resolveOptions, type KomojuProviderOptions, type ResolvedKomojuOptions } from "../providers/komoju/options"

export type KomojuProviderEntry = { id: string; options: Record<string, unknown> }

/** How Medusa names a KOMOJU provider registered as `id`: `pp_komoju_<id>`. */
export const KOMOJU_PROVIDER_PREFIX = "pp_komoju_"

/** The `id` a KOMOJU provider was registered with, from Medusa's `pp_komoju_<id>`; undefined for any other provider. */
export function komojuProviderIdOf(medusaProviderId: string | null | undefined): string | undefined {
  return medusaProviderId?.startsWith(KOMOJU_PROVIDER_PREFIX) && medusaProviderId.length > KOMOJU_PROVIDER_PREFIX.length
    ? medusaProviderId.slice(KOMOJU_PROVIDER_PREFIX.length)
    : undefined
}

type ProviderEntry = { id?: string; resolve?: unknown; options?: Record<string, unknown> }
type PaymentModuleEntry = { options?: { providers?: ProviderEntry[]; webhook_delay?: unknown } }

/** Medusa's own default for the payment module's `webhook_delay`. */
const MEDUSA_WEBHOOK_DELAY_MS = 5000

function paymentModule(configModule: ConfigModule): PaymentModuleEntry | undefined {
  const modules = configModule.modules as Record<string, unknown> | undefined
  return modules?.[Modules.PAYMENT] as PaymentModuleEntry | undefined
}

/**
 * The KOMOJU providers registered with the payment module, with the options they were
 * given, read from Medusa's configuration (the provider itself lives in the payment
 * module's own container, out of reach of routes, subscribers and jobs).
 */
export function komojuProviders(configModule: ConfigModule): KomojuProviderEntry[] {
  return (paymentModule(configModule)?.options?.providers ?? [])
    .filter((entry) => typeof entry.resolve === "string" && /komoju/.test(entry.resolve) && entry.id)
    .map((entry) => ({ id: entry.id!, options: entry.options ?? {} }))
}

/** The webhook secret of the KOMOJU provider registered as `komoju_<id>`. */
export function komojuWebhookSecret(configModule: ConfigModule, providerId: string): string | undefined {
  const secret = komojuProviders(configModule).find((p) => p.id === providerId)?.options.webhookSecret
  return typeof secret === "string" && secret ? secret : undefined
}

/**
 * How long a verified delivery waits before it is processed: the payment module's
 * `webhook_delay`, so the shopper's own return to the shop usually completes the cart
 * first, as with any Medusa payment provider.
 */
export function webhookDelayMs(configModule: ConfigModule): number {
  const delay = Number(paymentModule(configModule)?.options?.webhook_delay)
  return Number.isFinite(delay) && delay >= 0 ? delay : MEDUSA_WEBHOOK_DELAY_MS
}

const clients = new Map<string, { options: ResolvedKomojuOptions; client: KomojuHttpClient }>()

/**
 * The KOMOJU client and options of the provider registered as `komoju_<providerId>`,
 * made once per process (its keep-alive connections are reused), for the webhook
 * pipeline and the jobs.
 */
export function komojuAccount(
  configModule: ConfigModule,
  providerId: string,
  logger: KomojuLogger
): { options: ResolvedKomojuOptions; client: KomojuHttpClient } {
  const entry = komojuProviders(configModule).find((p) => p.id === providerId)
  if (!entry) throw new Error(`No KOMOJU provider is registered as komoju_${providerId}`)
  const options = resolveOptions(entry.options as KomojuProviderOptions)
  const cached = clients.get(providerId)
  if (cached && cached.options.secretKey === options.secretKey && cached.options.apiUrl === options.apiUrl) return cached
  const account = { options, client: createKomojuClient(options, logger) }
  clients.set(providerId, account)
  return account
}
