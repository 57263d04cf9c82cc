import type { ConfigModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type ProviderEntry = { id?: string; resolve?: unknown; options?: Record<string, unknown> }

/**
 * The webhook secret of the KOMOJU provider registered as `komoju_<id>`, read from the
 * payment module's configuration: the same options the provider was given.
 */
export function komojuWebhookSecret(configModule: ConfigModule, providerId: string): string | undefined {
  const modules = configModule.modules as Record<string, unknown> | undefined
  const payment = modules?.[Modules.PAYMENT] as { options?: { providers?: ProviderEntry[] } } | undefined
  const entry = payment?.options?.providers?.find((provider) => provider.id === providerId)
  const secret = entry?.options?.webhookSecret
  return typeof secret === "string" && secret ? secret : undefined
}
