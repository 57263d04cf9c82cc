import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentSessionStatus } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, refundPaymentWorkflow } from "@medusajs/core-flows"
import { KomojuEventType, type KomojuEvent, type KomojuPayment } from "../../lib/komoju"
import { fromMinorUnits } from "../../providers/komoju/money"
import { readCheckoutState } from "./checkout-state"
import { decideLapsedPayment, decideRefundsToRecord } from "./decisions"

/** The KOMOJU events Medusa's core subscriber ignores and this plugin acts on. */
export const PLUGIN_HANDLED_EVENTS: ReadonlySet<string> = new Set([
  KomojuEventType.PaymentExpired,
  KomojuEventType.PaymentCancelled,
  KomojuEventType.PaymentFailed,
  KomojuEventType.PaymentRefundCreated,
  KomojuEventType.PaymentRefunded,
])

const LOCK_TIMEOUT_SECONDS = 30

/**
 * Acts on a verified KOMOJU event for a Medusa payment session. Every change goes
 * through Medusa's own workflows (order cancellation releases stock; refunds are
 * Medusa refunds), under a lock per cart so a repeated or concurrent delivery of the
 * same event sees the first one's result and changes nothing.
 */
export async function handleKomojuEvent(
  container: MedusaContainer,
  event: KomojuEvent,
  payment: KomojuPayment,
  paymentSessionId: string
): Promise<void> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const about = `KOMOJU ${event.type} ${event.id} for payment ${payment.id} (payment session ${paymentSessionId})`
  const locking = container.resolve(Modules.LOCKING)
  const lockKey = `komoju:${payment.metadata?.medusa_cart_id ?? paymentSessionId}`

  await locking.execute(
    lockKey,
    async () => {
      const state = await readCheckoutState(container, paymentSessionId)
      switch (event.type) {
        case KomojuEventType.PaymentExpired:
        case KomojuEventType.PaymentCancelled: {
          const decision = decideLapsedPayment(state, payment)
          if (decision.action === "ignore") {
            logger.info(`${about}: nothing to do, ${decision.reason}`)
            return
          }
          await cancelOrderWorkflow(container).run({ input: { order_id: state!.order!.id } })
          // The session no longer waits for anything: mark it so, which also takes it
          // out of the reconciliation's open sessions.
          await container.resolve(Modules.PAYMENT).updatePaymentSession({
            id: state!.paymentSessionId,
            amount: state!.amount,
            currency_code: state!.currencyCode,
            data: state!.data,
            status: PaymentSessionStatus.CANCELED,
          })
          logger.info(`${about}: order ${state!.order!.id} canceled and its stock released`)
          return
        }
        case KomojuEventType.PaymentRefundCreated:
        case KomojuEventType.PaymentRefunded: {
          const decision = decideRefundsToRecord(state, payment)
          if (decision.action === "ignore") {
            logger.info(`${about}: nothing to do, ${decision.reason}`)
            return
          }
          for (const refund of decision.refunds ?? []) {
            await refundPaymentWorkflow(container).run({
              input: {
                payment_id: state!.payment!.id,
                amount: fromMinorUnits(refund.amount, refund.currency || payment.currency),
                note: `Refunded in KOMOJU (${refund.id})`,
              },
            })
            logger.info(`${about}: KOMOJU refund ${refund.id} of ${refund.amount} ${payment.currency} recorded in Medusa`)
          }
          return
        }
        case KomojuEventType.PaymentFailed:
          logger.info(`${about}: payment failed; cart ${state?.cartId ?? "?"} stays open for another attempt`)
          return
      }
    },
    { timeout: LOCK_TIMEOUT_SECONDS }
  )
}
