import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { komojuProviders } from "../../../../../lib/komoju-provider-config"
import { KOMOJU_MODULE } from "../../../../../modules/komoju"
import type { KomojuModuleService } from "../../../../../modules/komoju/service"
import { summarizeKomojuPayment, type OrderPaymentRecords } from "../../order-summary"

const DEFAULT_KOMOJU_ORIGIN = "https://komoju.com"

/** GET /admin/komoju/orders/:id — the KOMOJU payment behind an order, for the order widget. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.payment_sessions.id",
      "payment_collections.payment_sessions.provider_id",
      "payment_collections.payment_sessions.status",
      "payment_collections.payment_sessions.data",
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.amount",
      "payment_collections.payments.currency_code",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.data",
      "payment_collections.payments.refunds.id",
      "payment_collections.payments.refunds.amount",
      "payment_collections.payments.refunds.note",
      "payment_collections.payments.refunds.created_at",
    ],
    filters: { id: req.params.id },
  })
  const order = orders[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found`)
  }
  type Collection = { payment_sessions?: unknown[] | null; payments?: unknown[] | null }
  const collections = ((order.payment_collections ?? []) as (Collection | null)[]).filter(
    (collection): collection is Collection => !!collection
  )
  const records = {
    payment_sessions: collections.flatMap((collection) => collection.payment_sessions ?? []),
    payments: collections.flatMap((collection) => collection.payments ?? []),
  } as OrderPaymentRecords
  const komoju: KomojuModuleService = req.scope.resolve(KOMOJU_MODULE)
  const notices = await komoju.listKomojuOrderNotices({ order_id: order.id }, { order: { created_at: "ASC" } })
  res.json({ komoju: summarizeKomojuPayment(records, komojuOrigin(req), notices) })
}

/** The dashboard lives on the API's host: komoju.com, or the sandbox. */
function komojuOrigin(req: MedusaRequest): string {
  const [provider] = komojuProviders(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
  const apiUrl = provider?.options.apiUrl
  if (typeof apiUrl !== "string") return DEFAULT_KOMOJU_ORIGIN
  try {
    return new URL(apiUrl).origin
  } catch {
    return DEFAULT_KOMOJU_ORIGIN
  }
}
