import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileKomojuSessions } from "../workflows/komoju-webhook/reconcile"

/** Every 15 minutes: apply KOMOJU results whose webhook never arrived. */
export default async function reconcileKomojuPaymentsJob(container: MedusaContainer) {
  await reconcileKomojuSessions(container)
}

export const config = {
  name: "reconcile-komoju-payments",
  schedule: "*/15 * * * *",
}
