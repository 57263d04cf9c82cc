import type { KomojuPayment, KomojuRefund } from "../../lib/komoju"
import type { CheckoutState } from "./checkout-state"

export type Decision<T extends string> =
  | { action: T }
  | { action: "ignore"; reason: string }

/**
 * Guards every event: it must speak of the KOMOJU session the Medusa payment session
 * stands for now. An event from a replaced attempt of the same cart changes nothing.
 */
function staleReason(state: CheckoutState | undefined, payment: KomojuPayment) {
  if (!state) return "its payment session no longer exists (replaced by a newer attempt)"
  if (payment.session && state.komojuSessionId && payment.session !== state.komojuSessionId) {
    return `it is for KOMOJU session ${payment.session}, superseded by ${state.komojuSessionId}`
  }
  return undefined
}

/**
 * `payment.expired` / `payment.cancelled`: an order placed while its payment was waiting
 * (konbini, bank transfer, a held card) will not be paid: cancel it, which releases its
 * stock. A paid, already cancelled or not yet placed order is left alone.
 */
export function decideLapsedPayment(
  state: CheckoutState | undefined,
  payment: KomojuPayment
): Decision<"cancel_order"> {
  const stale = staleReason(state, payment)
  if (stale) return { action: "ignore", reason: stale }
  const order = state!.order
  if (!order) return { action: "ignore", reason: "no order was placed; the cart stays open" }
  if (order.status === "canceled") return { action: "ignore", reason: `order ${order.id} is already canceled` }
  if (state!.payment?.capturedAt) {
    return { action: "ignore", reason: `order ${order.id} is paid` }
  }
  return { action: "cancel_order" }
}

/**
 * `payment.refund.created` / `payment.refunded`: every KOMOJU refund no Medusa refund
 * stands for yet becomes one. KOMOJU sends both events for one refund, and may repeat
 * them: recorded refund ids make the second and later ones change nothing.
 */
export function decideRefundsToRecord(
  state: CheckoutState | undefined,
  payment: KomojuPayment
): Decision<"record_refunds"> & { refunds?: KomojuRefund[] } {
  const stale = staleReason(state, payment)
  if (stale) return { action: "ignore", reason: stale }
  if (!state!.payment) return { action: "ignore", reason: "Medusa has no payment for this session" }
  const recorded = new Set(state!.payment.recordedRefundIds)
  const refunds = (payment.refunds ?? []).filter((refund) => !recorded.has(refund.id))
  if (!refunds.length) return { action: "ignore", reason: "every KOMOJU refund is already recorded" }
  return { action: "record_refunds", refunds }
}
