import { MathBN, PaymentEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { BigNumberInput, PaymentDTO } from "@medusajs/framework/types"
import { addOrderTransactionStep, emitEventStep, refundPaymentStep } from "@medusajs/medusa/core-flows"

export type RefundCanceledOrderInput = {
  payment_id: string
  order_id: string
  currency_code: string
  amount: BigNumberInput
}

/**
 * A refund of a cancelled order's payment: Medusa's refund (the provider makes it, or
 * records it when it is a recording), and the order transaction that keeps the order's
 * balance right. Core's refund workflow also books a credit
 * line, which it refuses on a cancelled order; money KOMOJU took after the order was
 * cancelled must still be given back and shown on the order, so the same core steps
 * run here without it.
 */
export const refundCanceledOrderPaymentWorkflow = createWorkflow(
  "komoju-refund-canceled-order-payment",
  (input: RefundCanceledOrderInput) => {
    const payment = refundPaymentStep({ payment_id: input.payment_id, amount: input.amount })
    const transaction = transform({ input, payment }, ({ input, payment }: { input: RefundCanceledOrderInput; payment: PaymentDTO }) => {
      const newest = [...(payment.refunds ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at))).pop()
      return {
        order_id: input.order_id,
        amount: MathBN.mult(input.amount, -1),
        currency_code: input.currency_code,
        reference: "refund",
        reference_id: newest?.id,
      }
    })
    addOrderTransactionStep(transaction)
    emitEventStep({ eventName: PaymentEvents.REFUNDED, data: { id: input.payment_id } })
    return new WorkflowResponse(payment)
  }
)
