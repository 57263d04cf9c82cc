import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { accountLastDigits } from "../../../../../../lib/refund-request-rules"
import { KOMOJU_MODULE } from "../../../../../../modules/komoju"
import type { KomojuModuleService } from "../../../../../../modules/komoju/service"
import { toMinorUnits } from "../../../../../../providers/komoju/money"
import { summarizeKomojuPayment } from "../../../order-summary"
import { newRefundRequestOf, refundRequestRefusal } from "../../../refund-requests"
import type { AdminCreateKomojuRefundRequestType } from "../../../validators"
import { komojuClientOf, loadOrderPaymentRecords, readOrderSummary } from "../../order-records"

/**
 * POST /admin/komoju/orders/:id/refund-requests — refunds a konbini, bank transfer or
 * Pay-easy payment to the customer's bank account through KOMOJU, which pays it out by
 * hand. Everything is checked before KOMOJU is written to. The bank account goes to
 * KOMOJU only; the plugin keeps the amount, the bank's name and the last digits. When
 * KOMOJU pays, its refund reaches Medusa like any refund made in KOMOJU (the webhooks).
 */
export async function POST(req: MedusaRequest<AdminCreateKomojuRefundRequestType>, res: MedusaResponse) {
  const input = req.validatedBody
  const orderId = req.params.id
  const summary = summarizeKomojuPayment(await loadOrderPaymentRecords(req.scope, orderId), null)
  if (!summary?.komoju_payment_id || !summary.currency) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Order ${orderId} has no KOMOJU payment to refund`)
  }
  const currency = summary.currency
  const amount = toMinorUnits(input.amount, currency, "amount", { exact: true })
  const client = komojuClientOf(req.scope, summary.provider_id)
  const refusal = refundRequestRefusal(await client.retrievePayment(summary.komoju_payment_id), currency)
  if (refusal) throw new MedusaError(MedusaError.Types.INVALID_DATA, `No refund request sent: ${refusal}`)

  const payment = await client.createRefundRequest(
    summary.komoju_payment_id,
    {
      amount,
      customer_name: input.customer_name,
      bank_name: input.bank_name,
      ...(input.bank_code ? { bank_code: input.bank_code } : {}),
      ...(input.branch_name ? { branch_name: input.branch_name } : {}),
      branch_number: input.branch_number,
      account_type: input.account_type,
      account_number: input.account_number,
      include_payment_method_fee: input.include_payment_method_fee,
      ...(input.description ? { description: input.description } : {}),
    },
    { idempotencyKey: input.request_id }
  )

  const komoju: KomojuModuleService = req.scope.resolve(KOMOJU_MODULE)
  const recorded = await komoju.listKomojuRefundRequests({ komoju_payment_id: payment.id }, { select: ["komoju_refund_request_id"] })
  const made = newRefundRequestOf(payment, new Set(recorded.map((r) => r.komoju_refund_request_id)), input)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  if (made) {
    const isNew = await komoju.recordRefundRequest({
      order_id: orderId,
      provider_id: summary.provider_id,
      komoju_payment_id: payment.id,
      komoju_refund_request_id: made.id,
      amount,
      currency,
      bank_name: input.bank_name,
      account_last_digits: accountLastDigits(input.account_number),
      include_payment_method_fee: input.include_payment_method_fee,
    })
    if (isNew) logger.info(`KOMOJU refund request ${made.id} for payment ${payment.id} of order ${orderId} (${amount} ${currency}) recorded`)
  } else {
    // A replay of a submission already recorded: KOMOJU's answer holds no new request.
    logger.info(`KOMOJU answered submission ${input.request_id} for payment ${payment.id} of order ${orderId} with no request not yet recorded`)
  }
  res.json({ komoju: await readOrderSummary(req.scope, orderId) })
}
