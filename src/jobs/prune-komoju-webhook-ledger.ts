import type { MedusaContainer } from "@medusajs/framework/types"
import { runAlone } from "../lib/run-alone"
import { KOMOJU_MODULE } from "../modules/komoju"
import type { KomojuModuleService } from "../modules/komoju/service"

const DAY = 24 * 3600_000

/**
 * Daily: forget processed deliveries after 30 days (KOMOJU does not resend that late)
 * and refusal counts after 90. Unfinished deliveries stay for the admin to see.
 */
export default async function pruneKomojuWebhookLedgerJob(container: MedusaContainer) {
  await runAlone(container, "prune-komoju-webhook-ledger", async () => {
    const komoju: KomojuModuleService = container.resolve(KOMOJU_MODULE)
    const now = Date.now()
    await komoju.pruneWebhookLedger({ processedBefore: new Date(now - 30 * DAY), refusalsBefore: new Date(now - 90 * DAY) })
  })
}

export const config = {
  name: "prune-komoju-webhook-ledger",
  schedule: "17 3 * * *",
}
