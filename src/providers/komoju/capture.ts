import { MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { KomojuErrorCode, KomojuPaymentStatus, type KomojuClient, type KomojuPayment } from "../../lib/komoju"
import { withPayment, type KomojuSessionData } from "./session-data"
import { readBackAfter } from "./settle"
import { isCashPayment } from "./status"

type Log = { info(message: string): void; warn(message: string): void }

/** Medusa's capture records, as the payment module keeps them (its `captureService`). */
export type MedusaCapture = { id: string; amount?: BigNumberInput; raw_amount?: BigNumberInput | null }
export type CaptureRecords = {
  retrieve(id: string, config: { select: string[] }): Promise<MedusaCapture>
}

/**
 * Captures a held card authorization for `amount` minor units of the session currency.
 * KOMOJU captures an authorization once; a smaller amount than authorized releases the
 * rest, so only then is the amount sent. Whatever
 * the answer, success is decided from the payment KOMOJU holds: captured for the amount
 * asked (a lost answer, or the `payment.captured` webhook racing cart completion) is
 * success, a cash payment waiting for the customer is a clear error.
 */
export async function captureKomojuPayment(
  client: KomojuClient,
  log: Log,
  data: KomojuSessionData,
  paymentId: string,
  amount: number,
  idempotencyKey: string | undefined
): Promise<KomojuSessionData> {
  const partial = amount !== data.amount
  if (partial && data.komoju_payment_currency && data.komoju_payment_currency !== data.currency) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `KOMOJU payment ${paymentId} was charged in ${data.komoju_payment_currency}, not ${data.currency}: it can only be captured in full`
    )
  }
  let payment: KomojuPayment
  try {
    payment = await client.capturePayment(paymentId, partial ? { amount } : {}, { idempotencyKey })
    log.info(`KOMOJU payment ${paymentId} captured for ${amount} ${data.currency} (payment session ${data.session_id})`)
  } catch (error) {
    payment = await readBackAfter(error, () => client.retrievePayment(paymentId))
    if (payment.status === KomojuPaymentStatus.Authorized && isCashPayment(payment)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `KOMOJU payment ${paymentId} (${payment.payment_details?.type}) is waiting for the customer to pay; it is captured automatically when they do, and cannot be captured by hand`,
        KomojuErrorCode.NotCapturable
      )
    }
    if (payment.status !== KomojuPaymentStatus.Captured) throw error
    if (payment.currency === data.currency && payment.amount !== amount) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `KOMOJU payment ${paymentId} is already captured for ${payment.amount} ${payment.currency}; KOMOJU captures an authorization once and released the rest`,
        KomojuErrorCode.NotCapturable
      )
    }
    log.info(`KOMOJU payment ${paymentId} was already captured (payment session ${data.session_id})`)
  }
  return withPayment(data, payment)
}
