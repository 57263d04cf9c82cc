import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isKomojuCurrency, KOMOJU_PAYMENT_TYPES } from "../../../../lib/komoju"
import { KOMOJU_MODULE } from "../../../../modules/komoju"
import type { KomojuModuleService } from "../../../../modules/komoju/service"
import { komojuProviders } from "../../../../lib/komoju-provider-config"
import { settingsProblems, type StoreRegion } from "../settings-rules"
import type { AdminUpdateKomojuSettingsType } from "../validators"

/** Everything the admin's KOMOJU settings page shows. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await readSettingsPage(req))
}

/**
 * Saves the admin's choices. Everything is checked before anything is written, and
 * written in one transaction: an invalid combination is refused with its reasons and
 * changes nothing, and a failure half-way loses nothing.
 */
export async function POST(req: MedusaRequest<AdminUpdateKomojuSettingsType>, res: MedusaResponse) {
  const input = req.validatedBody
  const problems = settingsProblems(input, await listRegions(req))
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `KOMOJU settings not saved: ${problems.join("; ")}`)
  }
  const komoju: KomojuModuleService = req.scope.resolve(KOMOJU_MODULE)
  await komoju.saveSettings({
    global: {
      ...(input.payment_types !== undefined ? { payment_types: input.payment_types } : {}),
      ...(input.default_locale !== undefined ? { default_locale: input.default_locale } : {}),
      ...(input.capture_mode !== undefined ? { capture_mode: input.capture_mode } : {}),
      ...(input.session_expires_in_seconds !== undefined
        ? { session_expires_in_seconds: input.session_expires_in_seconds }
        : {}),
    },
    scopes: input.scopes?.map((scope) => ({
      ...scope,
      scope_id: scope.scope_type === "currency" ? scope.scope_id.toLowerCase() : scope.scope_id,
    })),
  })
  res.json(await readSettingsPage(req))
}

async function readSettingsPage(req: MedusaRequest) {
  const komoju: KomojuModuleService = req.scope.resolve(KOMOJU_MODULE)
  const [rows, health, regions] = await Promise.all([
    komoju.listKomojuSettings({}),
    komoju.webhookHealth(),
    listRegions(req),
  ])
  const global = rows.find((row) => row.scope_type === "global")
  const [provider] = komojuProviders(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
  const options = provider?.options ?? {}
  return {
    settings: {
      payment_types: global?.payment_types ?? null,
      default_locale: global?.default_locale ?? null,
      capture_mode: global?.capture_mode ?? null,
      session_expires_in_seconds: global?.session_expires_in_seconds ?? null,
      scopes: rows
        .filter((row) => row.scope_type !== "global")
        .map((row) => ({ scope_type: row.scope_type, scope_id: row.scope_id, payment_types: row.payment_types })),
    },
    defaults: {
      payment_types: options.paymentTypes ?? null,
      default_locale: options.defaultLocale ?? "ja",
      capture_mode: options.captureMode ?? "auto",
      session_expires_in_seconds: options.sessionExpiresInSeconds ?? null,
    },
    // The key's prefix tells the mode; the key itself never leaves the server.
    mode: String(options.secretKey ?? "").startsWith("sk_live_") ? "live" : "test",
    webhook: { path: `/hooks/payment/komoju_${provider?.id ?? "komoju"}`, ...health },
    payment_types: KOMOJU_PAYMENT_TYPES,
    regions: regions.map((region) => ({ ...region, komoju_accepts_currency: isKomojuCurrency(region.currency_code) })),
  }
}

async function listRegions(req: MedusaRequest): Promise<StoreRegion[]> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "name", "currency_code"] })
  return data as StoreRegion[]
}
