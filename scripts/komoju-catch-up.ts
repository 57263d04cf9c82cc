import type { ExecArgs } from "@medusajs/framework/types"
import { runAlone } from "../src/lib/run-alone"
import { reconcileKomojuSessions, retryUnfinishedDeliveries, sweepKomojuRefunds } from "../src/workflows/komoju-webhook/reconcile"

/**
 * The plugin's catch-up jobs, once, now: `npx medusa exec ./scripts/komoju-catch-up.ts`
 * (after an outage, say). Like the scheduled jobs, it stands aside while another
 * instance runs them.
 */
export default async function komojuCatchUp({ container }: ExecArgs) {
  await runAlone(container, "retry-komoju-webhooks", () => retryUnfinishedDeliveries(container, { olderThanMs: 0 }))
  await runAlone(container, "reconcile-komoju-payments", async () => {
    const sessions = await reconcileKomojuSessions(container, { graceMs: 0 })
    const refunds = await sweepKomojuRefunds(container)
    console.log(`KOMOJU catch-up: ${JSON.stringify({ sessions, refunds })}`)
  })
}
