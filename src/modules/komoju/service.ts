import { MedusaService } from "@medusajs/framework/utils"
import { KomojuSetting } from "./models/komoju-setting"
import { KomojuWebhookDelivery } from "./models/komoju-webhook-delivery"
import { effectiveSettings, type EffectiveKomojuSettings, type KomojuSettingRow } from "./effective-settings"

/** The plugin's own data: admin settings and the webhook delivery ledger. */
export class KomojuModuleService extends MedusaService({
  KomojuSetting,
  KomojuWebhookDelivery,
}) {
  async resolveSettings(scope: { regionId?: string; currencyCode?: string }): Promise<EffectiveKomojuSettings> {
    const rows = (await this.listKomojuSettings({})) as KomojuSettingRow[]
    return effectiveSettings(rows, scope)
  }

  /** When the last valid webhook arrived and how many were refused, for the admin. */
  async webhookHealth(): Promise<{
    last_accepted_at: Date | null
    last_accepted_event: string | null
    refused_count: number
    last_refused_at: Date | null
  }> {
    const [accepted] = await this.listKomojuWebhookDeliveries(
      { outcome: "accepted" },
      { order: { received_at: "DESC" }, take: 1 }
    )
    const [refused, refusedCount] = await this.listAndCountKomojuWebhookDeliveries(
      { outcome: "refused" },
      { order: { received_at: "DESC" }, take: 1 }
    )
    return {
      last_accepted_at: accepted?.received_at ?? null,
      last_accepted_event: accepted?.event_type ?? null,
      refused_count: refusedCount,
      last_refused_at: refused[0]?.received_at ?? null,
    }
  }
}

export default KomojuModuleService
