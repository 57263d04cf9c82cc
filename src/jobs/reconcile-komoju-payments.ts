import type { MedusaContainer } from "@medusajs/framework/types"
import { runAlone } from "../lib/run-alone"
import { reconcileKomojuSessions, sweepKomojuRefunds } from "../workflows/komoju-webhook/reconcile"

/** Every 15 minutes: apply KOMOJU results and refunds whose webhook never arrived. */
export default async function reconcileKomojuPaymentsJob(container: MedusaContainer) {
  await runAlone(container, "reconcile-komoju-payments", async () => {
    await reconcileKomojuSessions(container)
    await sweepKomojuRefunds(container)
  })
}

export const config = {
  name: "reconcile-komoju-payments",
  schedule: "*/15 * * * *",
}
