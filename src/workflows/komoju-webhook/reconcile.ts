import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { errorMessage } from "../../lib/error-message"
import { pool } from "../../lib/slots"
import { komojuAccount, komojuProviders } from "../../lib/komoju-provider-config"
import { KOMOJU_MODULE } from "../../modules/komoju"
import type { KomojuModuleService } from "../../modules/komoju/service"
import { METADATA_PAYMENT_SESSION_ID } from "../../providers/komoju/session-request"
import { processKomojuDelivery } from "./process-delivery"
import { readingSession, syncKomojuPayment } from "./sync-payment"

export type ReconcileOptions = {
  now?: Date
  /** Sessions younger than this are left to their webhooks. */
  graceMs?: number
  /**
   * Sessions older than this are past every KOMOJU deadline: a bank transfer or konbini
   * payment may wait up to 59 days.
   */
  lookbackMs?: number
  /** KOMOJU reads in flight at once. */
  concurrency?: number
  pageSize?: number
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const OPEN_STATUSES = ["pending", "requires_more", "pending_authorization"]

/**
 * Catches up on webhooks that never arrived. Each KOMOJU payment session Medusa still
 * sees as open is read from KOMOJU once and brought in line with it, exactly as its
 * webhook would have: the order placed for a payment made, cancelled for one that
 * lapsed, and a session nobody paid closed once KOMOJU expired it (hosted sessions live
 * at most 24 hours), so that it is not read again.
 */
export async function reconcileKomojuSessions(
  container: MedusaContainer,
  { now = new Date(), graceMs = 10 * MINUTE, lookbackMs = 60 * DAY, concurrency = 4, pageSize = 200 }: ReconcileOptions = {}
): Promise<{ checked: number; repaired: number; failed: number }> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const totals = { checked: 0, repaired: 0, failed: 0 }

  for (const provider of komojuProviders(config)) {
    const { client } = komojuAccount(config, provider.id, logger)
    // Keyset pages by id: sessions closed meanwhile drop out without shifting the pages.
    let after = ""
    for (;;) {
      const { data: sessions } = await query.graph({
        entity: "payment_session",
        fields: ["id", "data"],
        filters: {
          provider_id: `pp_komoju_${provider.id}`,
          status: OPEN_STATUSES,
          id: { $gt: after },
          created_at: { $gte: new Date(now.getTime() - lookbackMs), $lte: new Date(now.getTime() - graceMs) },
        },
        pagination: { take: pageSize, order: { id: "ASC" } },
      })
      if (!sessions.length) break
      after = sessions[sessions.length - 1].id
      await pool(sessions, concurrency, async (session) => {
        const komojuSessionId = (session.data as Record<string, unknown> | null)?.komoju_session_id
        if (typeof komojuSessionId !== "string") return
        totals.checked++
        const about = `KOMOJU reconcile of payment session ${session.id}`
        try {
          const steps = await syncKomojuPayment(container, client, session.id, readingSession(client, komojuSessionId), about)
          if (steps.length) totals.repaired++
        } catch (error) {
          totals.failed++
          logger.warn(`${about} failed: ${errorMessage(error)}`)
        }
      })
      if (sessions.length < pageSize) break
    }
  }
  if (totals.checked) logger.info(`KOMOJU reconcile: ${totals.checked} open sessions read, ${totals.repaired} repaired, ${totals.failed} failed`)
  return totals
}

/**
 * Refunds made in KOMOJU whose webhook never arrived. KOMOJU cannot list payments by
 * when they changed, so the look-back window's payments are paged through (100 a call,
 * not one call per payment) and each refunded one is brought in line with Medusa.
 */
export async function sweepKomojuRefunds(
  container: MedusaContainer,
  { now = new Date(), lookbackMs = 60 * DAY, perPage = 100 }: { now?: Date; lookbackMs?: number; perPage?: number } = {}
): Promise<{ pages: number; repaired: number; failed: number }> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const totals = { pages: 0, repaired: 0, failed: 0 }
  const since = new Date(now.getTime() - lookbackMs).toISOString()
  for (const provider of komojuProviders(config)) {
    const { client } = komojuAccount(config, provider.id, logger)
    for (let page = 1; ; page++) {
      const list = await client.listPayments({ start_time: since, per_page: perPage, page })
      totals.pages++
      for (const payment of list.data) {
        const medusaSessionId = payment.metadata?.[METADATA_PAYMENT_SESSION_ID]
        if (!payment.amount_refunded || !medusaSessionId) continue
        const about = `KOMOJU refund sweep of payment ${payment.id}`
        try {
          // The page was read a moment ago; a sync already under way for it reads its own.
          if ((await syncKomojuPayment(container, client, medusaSessionId, async () => ({ payment }), about)).length) totals.repaired++
        } catch (error) {
          totals.failed++
          logger.warn(`${about} failed: ${errorMessage(error)}`)
        }
      }
      if (page >= list.last_page || !list.data.length) break
    }
  }
  return totals
}

/**
 * Deliveries the door accepted that are still not processed a while later: the event
 * was lost (a crash between the door and the bus), processing failed, or the worker
 * died. Each is processed again; after `maxAttempts` it stays failed for an admin to see.
 */
export async function retryUnfinishedDeliveries(
  container: MedusaContainer,
  { olderThanMs = 2 * MINUTE, maxAttempts = 10, limit = 500 } = {}
): Promise<{ retried: number; processed: number }> {
  const komoju: KomojuModuleService = container.resolve(KOMOJU_MODULE)
  const unfinished = await komoju.unfinishedDeliveries({ olderThanMs, maxAttempts, limit })
  let processed = 0
  for (const delivery of unfinished) {
    if ((await processKomojuDelivery(container, delivery.delivery_id)) === "processed") processed++
  }
  return { retried: unfinished.length, processed }
}
