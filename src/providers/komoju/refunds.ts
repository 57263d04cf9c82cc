import { MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { KomojuErrorCode, type KomojuClient, type KomojuPayment, type KomojuRefund } from "../../lib/komoju"
import type { RefundToRecord } from "./refund-recording"
import { withPayment, type KomojuSessionData } from "./session-data"
import { readBackAfter } from "./settle"
import { isCashPayment } from "./status"

type Log = { info(message: string): void; warn(message: string): void }

/** KOMOJU refund descriptions of refunds Medusa made: `medusa:<Medusa refund id>`. */
export const MEDUSA_REFUND_DESCRIPTION_PREFIX = "medusa:"

export function medusaRefundIdOf(refund: KomojuRefund): string | undefined {
  const description = refund.description ?? ""
  return description.startsWith(MEDUSA_REFUND_DESCRIPTION_PREFIX)
    ? description.slice(MEDUSA_REFUND_DESCRIPTION_PREFIX.length)
    : undefined
}

/**
 * Makes a refund in KOMOJU for a Medusa refund, exactly once. The KOMOJU refund carries
 * the Medusa refund id as its description and idempotency key, so it is found again by
 * id (never by amount): in KOMOJU's answer, in a read-back when the answer was lost, and
 * by the webhook it triggers, which must not record it a second time.
 *
 * The payment is read first. A refund an earlier Medusa refund made that Medusa does
 * not record yet (still in flight, or made though Medusa saw it fail) means a refund now
 * could be a second one: it is refused until that one is recorded, which the webhook or
 * the reconciliation does within minutes.
 */
export async function makeRefund(
  client: KomojuClient,
  log: Log,
  data: KomojuSessionData,
  paymentId: string,
  amount: number,
  medusaRefundId: string | undefined
): Promise<KomojuSessionData> {
  const refundId = medusaRefundId ?? `unkeyed-${randomUUID()}`
  const description = `${MEDUSA_REFUND_DESCRIPTION_PREFIX}${refundId}`
  const komojuAmount = amountInChargedCurrency(data, paymentId, amount)
  const before = await client.retrievePayment(paymentId)
  let payment: KomojuPayment = before
  if (!findByDescription(before, description)) {
    refuseWhileUnrecorded(before, data, refundId)
    if (isCashPayment(before)) throw cashRefundError(before)
    try {
      payment = await client.refundPayment(paymentId, { amount: komojuAmount, description }, { idempotencyKey: refundId })
    } catch (error) {
      payment = await readBackAfter(error, () => client.retrievePayment(paymentId))
      if (!findByDescription(payment, description)) throw error
      log.warn(`KOMOJU refund for Medusa refund ${refundId} of payment ${paymentId} was made though its answer was lost; recorded`)
    }
  }
  const made = findByDescription(payment, description)
  if (!made) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `KOMOJU answered the refund of payment ${paymentId} without a refund for Medusa refund ${refundId}`
    )
  }
  log.info(`KOMOJU payment ${paymentId} refunded ${made.amount} ${made.currency} (KOMOJU refund ${made.id}, Medusa refund ${refundId}, payment session ${data.session_id})`)
  return recorded(withPayment(data, payment), made.id)
}

function refuseWhileUnrecorded(payment: KomojuPayment, data: KomojuSessionData, refundId: string): void {
  const recordedIds = new Set(data.komoju_refunds_recorded ?? [])
  const unrecorded = (payment.refunds ?? []).find((refund) => medusaRefundIdOf(refund) && !recordedIds.has(refund.id))
  if (!unrecorded) return
  throw new MedusaError(
    MedusaError.Types.CONFLICT,
    `KOMOJU refund ${unrecorded.id} of payment ${payment.id}, made for Medusa refund ${medusaRefundIdOf(unrecorded)}, is not recorded in Medusa yet; ` +
      `Medusa refund ${refundId} was not sent, so that nothing is refunded twice. Try again in a few minutes, once it appears on the order.`
  )
}

/**
 * Records a refund KOMOJU already made, without asking KOMOJU for anything: checked
 * against the payment and refund KOMOJU reported to the caller, and against what this
 * Medusa payment already records. Any mismatch is an error, and nothing is recorded.
 */
export function recordRefund(
  log: Log,
  data: KomojuSessionData,
  toRecord: RefundToRecord,
  amount: number
): KomojuSessionData {
  const { payment, refund, medusaAmount } = toRecord
  const problem =
    payment.id !== data.komoju_payment_id
      ? `it belongs to KOMOJU payment ${payment.id}, not ${data.komoju_payment_id}`
      : (data.komoju_refunds_recorded ?? []).includes(refund.id)
        ? "it is already recorded"
        : medusaAmount !== amount
          ? `Medusa was asked to record ${amount} ${data.currency}, the refund stands for ${medusaAmount}`
          : undefined
  if (problem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `KOMOJU refund ${refund.id} not recorded: ${problem}`)
  }
  log.info(`KOMOJU refund ${refund.id} of payment ${payment.id} recorded in Medusa (made in KOMOJU, not repeated)`)
  return recorded(withPayment(data, payment), refund.id)
}

/**
 * KOMOJU refunds in the currency it charged. Mostly that is the session's; a payment
 * charged in another (an exchange rate on the hosted page) can be refunded here only
 * as a whole, what KOMOJU charged: a part would need an exchange rate Medusa does not
 * have. KOMOJU's dashboard can refund a part; it then appears in Medusa by itself.
 */
function amountInChargedCurrency(data: KomojuSessionData, paymentId: string, amount: number): number {
  const charged = data.komoju_payment_currency
  if (!charged || charged === data.currency) return amount
  if (amount === data.amount && !data.amount_refunded && data.komoju_payment_amount) return data.komoju_payment_amount
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `KOMOJU charged payment ${paymentId} in ${charged}, not ${data.currency}: refund it in full here, or a part of it in KOMOJU's dashboard (the refund then appears in Medusa by itself)`
  )
}

function recorded(data: KomojuSessionData, refundId: string): KomojuSessionData {
  const ids = new Set(data.komoju_refunds_recorded ?? [])
  ids.add(refundId)
  return { ...data, komoju_refunds_recorded: [...ids] }
}

function findByDescription(payment: KomojuPayment, description: string): KomojuRefund | undefined {
  return (payment.refunds ?? []).find((refund) => refund.description === description)
}

/** Cash methods are refunded to a bank account, which KOMOJU's refund API cannot do. */
function cashRefundError(payment: KomojuPayment): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `KOMOJU cannot refund this ${payment.payment_details?.type} payment (${payment.id}) through its API: ` +
      "konbini, bank transfer and Pay-easy payments are refunded to the customer's bank account through a refund request: " +
      "use \"Refund to bank account\" in the order's KOMOJU section; the refund then appears in Medusa by itself.",
    KomojuErrorCode.NotRefundable
  )
}
