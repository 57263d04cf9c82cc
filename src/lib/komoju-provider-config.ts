import type { ConfigModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export type KomojuProviderEntry = { id: string; options: Record<string, unknown> }

type ProviderEntry = { id?: string; resolve?: unknown; options?: Record<string, unknown> }

/**
 * The KOMOJU providers registered with the payment module, with the options they were
 * given, read from Medusa's configuration (the provider itself lives in the payment
 * module's own container, out of reach of routes).
 */
export function komojuProviders(configModule: ConfigModule): KomojuProviderEntry[] {
  const modules = configModule.modules as Record<string, unknown> | undefined
  const payment = modules?.[Modules.PAYMENT] as { options?: { providers?: ProviderEntry[] } } | undefined
  return (payment?.options?.providers ?? [])
    .filter((entry) => typeof entry.resolve === "string" && /komoju/.test(entry.resolve) && entry.id)
    .map((entry) => ({ id: entry.id!, options: entry.options ?? {} }))
}

/** The webhook secret of the KOMOJU provider registered as `komoju_<id>`. */
export function komojuWebhookSecret(configModule: ConfigModule, providerId: string): string | undefined {
  const secret = komojuProviders(configModule).find((p) => p.id === providerId)?.options.webhookSecret
  return typeof secret === "string" && secret ? secret : undefined
}
