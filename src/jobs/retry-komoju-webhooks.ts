import type { MedusaContainer } from "@medusajs/framework/types"
import { runAlone } from "../lib/run-alone"
import { retryUnfinishedDeliveries } from "../workflows/komoju-webhook/reconcile"

/** Every 2 minutes: process again the KOMOJU deliveries accepted but not yet processed. */
export default async function retryKomojuWebhooksJob(container: MedusaContainer) {
  await runAlone(container, "retry-komoju-webhooks", async () => {
    await retryUnfinishedDeliveries(container)
  })
}

export const config = {
  name: "retry-komoju-webhooks",
  schedule: "*/2 * * * *",
}
