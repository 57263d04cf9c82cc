import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { settleKomojuPaymentsOfOrder } from "../komoju-webhook/order-payments"

/**
 * A cancelled order must not stay payable: Medusa cancels only payments it holds, and a
 * konbini, bank transfer or Pay-easy order waiting for cash holds none yet. Its KOMOJU
 * payment is cancelled here, so the receipt can no longer be paid; if KOMOJU captured it
 * first, the money is refunded (cards, wallets) or flagged for a refund request (cash).
 * A failure (KOMOJU unreachable) fails the cancellation, which can then be retried.
 */
cancelOrderWorkflow.hooks.orderCanceled(async ({ order }, { container }) => {
  await settleKomojuPaymentsOfOrder(container, order.id)
})
