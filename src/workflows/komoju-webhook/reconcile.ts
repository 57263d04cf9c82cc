import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, PaymentActions } from "@medusajs/framework/utils"
import { processPaymentWorkflow } from "@medusajs/core-flows"
import {
  KomojuEventType,
  KomojuHttpClient,
  KomojuPaymentStatus,
  type KomojuEvent,
} from "../../lib/komoju"
import { komojuProviders } from "../../lib/komoju-provider-config"
import { fromMinorUnits } from "../../providers/komoju/money"
import { resolveOptions, type KomojuProviderOptions } from "../../providers/komoju/options"
import { handleKomojuEvent } from "./handle-event"

export type ReconcileOptions = {
  now?: Date
  /** Sessions younger than this are left to their webhooks. */
  graceMs?: number
  /** Sessions older than this are past every KOMOJU deadline (bank transfer: 14 days). */
  lookbackMs?: number
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/**
 * Catches up on webhooks that never arrived. For each KOMOJU payment session Medusa
 * still sees as open, reads the session from KOMOJU once and replays what its webhook
 * would have done: core's payment processing for authorized or captured payments (which
 * also places the order), the plugin's own handling for expired or cancelled ones.
 * Every path is idempotent, so a late webhook after a reconcile changes nothing.
 */
export async function reconcileKomojuSessions(
  container: MedusaContainer,
  { now = new Date(), graceMs = 10 * MINUTE, lookbackMs = 15 * DAY }: ReconcileOptions = {}
): Promise<{ checked: number; replayed: number }> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let checked = 0
  let replayed = 0

  for (const provider of komojuProviders(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))) {
    const options = resolveOptions(provider.options as KomojuProviderOptions)
    const client = new KomojuHttpClient({
      secretKey: options.secretKey,
      apiUrl: options.apiUrl,
      apiVersion: options.apiVersion,
      timeoutMs: options.requestTimeoutMs,
      maxRetries: options.maxRetries,
      logger,
    })
    const { data: sessions } = await query.graph({
      entity: "payment_session",
      fields: ["id", "status", "data"],
      filters: {
        provider_id: `pp_komoju_${provider.id}`,
        status: ["pending", "pending_authorization"],
        created_at: {
          $gte: new Date(now.getTime() - lookbackMs),
          $lte: new Date(now.getTime() - graceMs),
        },
      },
    })

    for (const session of sessions) {
      const komojuSessionId = (session.data as Record<string, unknown> | null)?.komoju_session_id
      if (typeof komojuSessionId !== "string") continue
      checked++
      try {
        const komojuSession = await client.retrieveSession(komojuSessionId)
        const payment = komojuSession.payment
        if (!payment) continue
        const amount = fromMinorUnits(payment.amount, payment.currency)
        switch (payment.status) {
          case KomojuPaymentStatus.Captured:
            await processPaymentWorkflow(container).run({
              input: { action: PaymentActions.SUCCESSFUL, data: { session_id: session.id, amount } },
            })
            break
          case KomojuPaymentStatus.Authorized:
            if (session.status === "pending_authorization") continue
            await processPaymentWorkflow(container).run({
              input: { action: PaymentActions.AUTHORIZED, data: { session_id: session.id, amount } },
            })
            break
          case KomojuPaymentStatus.Expired:
          case KomojuPaymentStatus.Cancelled: {
            const event: KomojuEvent = {
              id: `reconcile-${payment.id}`,
              type: payment.status === KomojuPaymentStatus.Expired
                ? KomojuEventType.PaymentExpired
                : KomojuEventType.PaymentCancelled,
              resource: "event",
              data: payment,
              created_at: now.toISOString(),
              reason: "reconciled without a webhook",
            }
            await handleKomojuEvent(container, event, payment, session.id)
            break
          }
          default:
            continue
        }
        replayed++
        logger.info(`KOMOJU reconcile: payment ${payment.id} (${payment.status}) applied to payment session ${session.id}`)
      } catch (error) {
        logger.warn(`KOMOJU reconcile of payment session ${session.id} failed: ${(error as Error).message}`)
      }
    }
  }
  return { checked, replayed }
}
