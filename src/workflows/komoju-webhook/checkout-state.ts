import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Where one Medusa payment session stands: its cart, order and payment. */
export type CheckoutState = {
  paymentSessionId: string
  paymentSessionStatus: string
  /** As Medusa holds them: needed to update the session. */
  amount: number
  currencyCode: string
  data: Record<string, unknown>
  /** The KOMOJU session this Medusa payment session currently stands for. */
  komojuSessionId?: string
  paymentCollectionId: string
  cartId?: string
  order?: { id: string; status: string; paymentStatus?: string }
  payment?: {
    id: string
    capturedAt?: string | Date | null
    canceledAt?: string | Date | null
    recordedRefundIds: string[]
  }
}

/**
 * Reads the state of the checkout a webhook speaks of. A payment session that was
 * replaced (deleted when the cart started a new one) is not found: its events change
 * nothing.
 */
export async function readCheckoutState(
  container: MedusaContainer,
  paymentSessionId: string
): Promise<CheckoutState | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: sessions } = await query.graph({
    entity: "payment_session",
    fields: [
      "id",
      "status",
      "data",
      "amount",
      "currency_code",
      "payment_collection_id",
      "payment.id",
      "payment.data",
      "payment.captured_at",
      "payment.canceled_at",
    ],
    filters: { id: paymentSessionId },
  })
  const session = sessions[0]
  if (!session) return undefined

  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: session.payment_collection_id },
  })
  const cartId: string | undefined = links[0]?.cart_id
  const order = cartId ? await readOrderOfCart(container, cartId) : undefined
  const sessionData = (session.data ?? {}) as Record<string, unknown>
  const payment = session.payment
  const paymentData = (payment?.data ?? {}) as Record<string, unknown>

  return {
    paymentSessionId: session.id,
    paymentSessionStatus: session.status,
    amount: Number(session.amount),
    currencyCode: session.currency_code,
    data: sessionData,
    komojuSessionId: stringOrUndefined(sessionData.komoju_session_id),
    paymentCollectionId: session.payment_collection_id,
    cartId,
    order,
    payment: payment
      ? {
          id: payment.id,
          capturedAt: payment.captured_at,
          canceledAt: payment.canceled_at,
          recordedRefundIds: Array.isArray(paymentData.komoju_refunds_recorded)
            ? (paymentData.komoju_refunds_recorded as string[])
            : [],
        }
      : undefined,
  }
}

async function readOrderOfCart(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: cartId },
  })
  const orderId: string | undefined = links[0]?.order_id
  if (!orderId) return undefined
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "status", "payment_status"],
    filters: { id: orderId },
  })
  const order = orders[0]
  return order ? { id: order.id, status: order.status, paymentStatus: order.payment_status } : undefined
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined
}
