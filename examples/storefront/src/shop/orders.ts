import { KOMOJU_PROVIDER_ID, paymentInstructions, type KomojuPaymentInstructions } from "../../../../src/storefront"
import { sdk } from "../medusa"
import type { Order } from "../medusa-types"

// The KOMOJU payment session's data holds the payment type and, for cash methods, the
// receipt; Medusa leaves the sessions out of an order unless asked. Asked field by field
// (`+payment_collections.payment_sessions.data`), GET /store/orders/:id answers without
// them in Medusa 2.21: the whole relation has to be requested.
const ORDER_FIELDS = "+payment_status,+payment_collections.payment_sessions.*"

export async function retrieveOrder(orderId: string): Promise<Order> {
  const { order } = await sdk.store.order.retrieve(orderId, { fields: ORDER_FIELDS })
  return order
}

export type PaymentState = "paid" | "awaiting" | "refunded" | "cancelled"

const PAID = ["captured", "authorized", "partially_captured", "partially_authorized", "partially_refunded"]

/** Konbini and bank transfer orders stay "awaiting" until KOMOJU's webhook says the shopper paid. */
export function paymentState(order: Order): PaymentState {
  if (order.status === "canceled" || order.payment_status === "canceled") return "cancelled"
  if (order.payment_status === "refunded") return "refunded"
  return PAID.includes(order.payment_status ?? "") ? "paid" : "awaiting"
}

export function komojuInstructions(order: Order): KomojuPaymentInstructions {
  const session = order.payment_collections
    ?.flatMap((collection) => collection.payment_sessions ?? [])
    .find((session) => session.provider_id === KOMOJU_PROVIDER_ID)
  return paymentInstructions(session?.data)
}
