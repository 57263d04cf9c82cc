import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { komojuAccount, komojuProviderIdOf } from "../../lib/komoju-provider-config"
import { isSyncing, readingSession, syncKomojuPayment } from "./sync-payment"

/** Brings each KOMOJU payment session of an order in line with KOMOJU (one read each). */
export async function settleKomojuPaymentsOfOrder(container: MedusaContainer, orderId: string): Promise<void> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payment_sessions.id", "payment_collections.payment_sessions.provider_id", "payment_collections.payment_sessions.data"],
    filters: { id: orderId },
  })
  type Session = { id: string; provider_id: string; data: Record<string, unknown> | null } | null
  type Collection = { payment_sessions?: Session[] | null } | null
  const collections = (orders[0]?.payment_collections ?? []) as Collection[]
  const sessions = collections.flatMap((collection) => collection?.payment_sessions ?? [])
  for (const session of sessions) {
    const provider = komojuProviderIdOf(session?.provider_id)
    const komojuSessionId = session?.data?.komoju_session_id
    if (!session || !provider || typeof komojuSessionId !== "string" || isSyncing(session.id)) continue
    const { client } = komojuAccount(config, provider, logger)
    await syncKomojuPayment(container, client, session.id, readingSession(client, komojuSessionId), `KOMOJU payment of cancelled order ${orderId}`)
  }
}
