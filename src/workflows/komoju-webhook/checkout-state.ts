import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"

/** Where one Medusa payment session stands: its cart, order and payment. */
export type CheckoutState = {
  paymentSessionId: string
  paymentSessionStatus: string
  /** As Medusa holds them, in major units: what KOMOJU was asked for. */
  amount: number
  currencyCode: string
  data: Record<string, unknown>
  /** The KOMOJU session this Medusa payment session currently stands for. */
  komojuSessionId?: string
  cartId?: string
  order?: { id: string; status: string }
  payment?: {
    id: string
    canceled: boolean
    /** Captured and refunded so far, in major units. */
    capturedAmount: number
    refundedAmount: number
    /** KOMOJU refund ids a Medusa refund already stands for. */
    recordedRefundIds: string[]
    /** Ids of this payment's Medusa refunds (a KOMOJU refund Medusa made names one). */
    medusaRefundIds: string[]
  }
}

/**
 * Reads the state of the checkout a KOMOJU payment speaks of, in one query. A payment
 * session that was replaced (deleted when the cart started a new one) is not found:
 * KOMOJU's news about it changes nothing.
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
      "payment.id",
      "payment.data",
      "payment.canceled_at",
      "payment.captures.amount",
      "payment.refunds.id",
      "payment.refunds.amount",
      "payment_collection.cart.id",
      "payment_collection.order.id",
      "payment_collection.order.status",
    ],
    filters: { id: paymentSessionId },
  })
  const session = sessions[0]
  if (!session) return undefined
  const sessionData = (session.data ?? {}) as Record<string, unknown>
  const collection = session.payment_collection
  const order = collection?.order
  const payment = session.payment
  const paymentData = (payment?.data ?? {}) as Record<string, unknown>
  const sum = (rows: ({ amount: unknown } | null)[] | null | undefined) =>
    MathBN.sum(0, ...(rows ?? []).map((row) => MathBN.convert((row?.amount ?? 0) as number))).toNumber()

  return {
    paymentSessionId: session.id,
    paymentSessionStatus: session.status,
    amount: Number(session.amount),
    currencyCode: session.currency_code,
    data: sessionData,
    komojuSessionId: typeof sessionData.komoju_session_id === "string" ? sessionData.komoju_session_id : undefined,
    cartId: collection?.cart?.id ?? undefined,
    order: order ? { id: order.id, status: order.status } : undefined,
    payment: payment
      ? {
          id: payment.id,
          canceled: !!payment.canceled_at,
          capturedAmount: sum(payment.captures),
          refundedAmount: sum(payment.refunds),
          recordedRefundIds: Array.isArray(paymentData.komoju_refunds_recorded)
            ? (paymentData.komoju_refunds_recorded as string[])
            : [],
          medusaRefundIds: (payment.refunds ?? []).flatMap((refund: { id: string } | null) => (refund ? [refund.id] : [])),
        }
      : undefined,
  }
}
