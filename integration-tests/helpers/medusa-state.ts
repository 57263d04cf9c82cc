import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type OrderState = {
  id: string
  status: string
  payment_status: string
  total: number
  payments: {
    id: string
    amount: number
    captured_at: string | null
    captures: { amount: number }[]
    refunds: { amount: number; note: string | null }[]
  }[]
}

type AdminApi = { get: (url: string, config: unknown) => Promise<{ data: Record<string, any> }> }

/**
 * What Medusa holds for a cart's order. The order is found through the cart link (in
 * the test's own Medusa), or through the admin API when Medusa runs in other processes;
 * its payment status is computed by Medusa's admin API, as an admin sees it.
 */
export async function orderOfCart(
  container: MedusaContainer | undefined,
  api: AdminApi,
  admin: { headers: Record<string, string> },
  cartId: string
): Promise<OrderState | undefined> {
  const orderId = container ? await orderIdByLink(container, cartId) : await orderIdByApi(api, admin, cartId)
  if (!orderId) return undefined
  const fields =
    "id,status,payment_status,total,*payment_collections.payments,*payment_collections.payments.refunds,*payment_collections.payments.captures"
  const { data } = await api.get(`/admin/orders/${orderId}?fields=${encodeURIComponent(fields)}`, admin)
  const order = data.order
  return {
    id: order.id,
    status: order.status,
    payment_status: order.payment_status,
    total: Number(order.total),
    payments: (order.payment_collections ?? []).flatMap((c: { payments?: unknown[] } | null) => (c?.payments ?? []) as OrderState["payments"]),
  }
}

async function orderIdByLink(container: MedusaContainer, cartId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  return links[0]?.order_id
}

async function orderIdByApi(api: AdminApi, admin: { headers: Record<string, string> }, cartId: string): Promise<string | undefined> {
  const { data } = await api.get(`/admin/orders?limit=500&fields=${encodeURIComponent("id,cart.id")}`, admin)
  const orders = (data.orders ?? []) as { id: string; cart?: { id: string } | null }[]
  const matching = orders.filter((order) => order.cart?.id === cartId)
  if (matching.length > 1) throw new Error(`cart ${cartId} has ${matching.length} orders`)
  return matching[0]?.id
}

/** Reserved quantity of a product's stock at every location (released on cancellation). */
export async function reservedQuantity(container: MedusaContainer, sku: string): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: ["location_levels.reserved_quantity"],
    filters: { sku },
  })
  return (data[0]?.location_levels ?? []).reduce(
    (sum: number, level: { reserved_quantity: number } | null) => sum + Number(level?.reserved_quantity ?? 0),
    0
  )
}
