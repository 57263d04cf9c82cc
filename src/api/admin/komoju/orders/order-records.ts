import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { KomojuPayment } from "../../../../lib/komoju"
import { errorMessage } from "../../../../lib/error-message"
import { komojuAccount, komojuProviderIdOf, komojuProviders } from "../../../../lib/komoju-provider-config"
import { KOMOJU_MODULE } from "../../../../modules/komoju"
import type { KomojuModuleService } from "../../../../modules/komoju/service"
import { summarizeKomojuPayment, type KomojuOrderSummary, type OrderPaymentRecords } from "../order-summary"

const DEFAULT_KOMOJU_ORIGIN = "https://komoju.com"

/** An order's payment sessions and payments, for the KOMOJU routes of the order widget. */
export async function loadOrderPaymentRecords(scope: MedusaContainer, orderId: string): Promise<OrderPaymentRecords> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
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
    filters: { id: orderId },
  })
  const order = orders[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found`)
  }
  type Collection = { payment_sessions?: unknown[] | null; payments?: unknown[] | null }
  const collections = ((order.payment_collections ?? []) as (Collection | null)[]).filter(
    (collection): collection is Collection => !!collection
  )
  return {
    payment_sessions: collections.flatMap((collection) => collection.payment_sessions ?? []),
    payments: collections.flatMap((collection) => collection.payments ?? []),
  } as OrderPaymentRecords
}

/** The KOMOJU client of the provider behind `providerId` (`pp_komoju_<id>`). */
export function komojuClientOf(scope: MedusaContainer, providerId: string) {
  const id = komojuProviderIdOf(providerId)
  if (!id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${providerId} is not a KOMOJU provider`)
  return komojuAccount(scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE), id, scope.resolve(ContainerRegistrationKeys.LOGGER)).client
}

/**
 * GET /admin/komoju/orders/:id's answer. KOMOJU is read once, and only when the order
 * has refund requests (their status is KOMOJU's); if it cannot be reached, the summary
 * still comes, those statuses unknown.
 */
export async function readOrderSummary(scope: MedusaContainer, orderId: string): Promise<KomojuOrderSummary | null> {
  const records = await loadOrderPaymentRecords(scope, orderId)
  const komoju: KomojuModuleService = scope.resolve(KOMOJU_MODULE)
  const [notices, requests] = await Promise.all([
    komoju.listKomojuOrderNotices({ order_id: orderId }, { order: { created_at: "ASC" } }),
    komoju.listKomojuRefundRequests({ order_id: orderId }),
  ])
  let komojuPayment: KomojuPayment | null = null
  if (requests.length) {
    const { provider_id, komoju_payment_id } = requests[0]
    try {
      komojuPayment = await komojuClientOf(scope, provider_id).retrievePayment(komoju_payment_id)
    } catch (error) {
      scope.resolve(ContainerRegistrationKeys.LOGGER).warn(
        `KOMOJU payment ${komoju_payment_id} of order ${orderId} could not be read for its refund requests: ${errorMessage(error)}`
      )
    }
  }
  return summarizeKomojuPayment(records, komojuOrigin(scope), notices, { records: requests, komojuPayment })
}

/** The dashboard lives on the API's host: komoju.com, or the sandbox. */
function komojuOrigin(scope: MedusaContainer): string {
  const [provider] = komojuProviders(scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
  const apiUrl = provider?.options.apiUrl
  if (typeof apiUrl !== "string") return DEFAULT_KOMOJU_ORIGIN
  try {
    return new URL(apiUrl).origin
  } catch {
    return DEFAULT_KOMOJU_ORIGIN
  }
}
