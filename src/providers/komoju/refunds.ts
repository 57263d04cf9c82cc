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
  let payment: KomojuPayment
  try {
    payment = await client.refundPayment(paymentId, { amount, description }, { idempotencyKey: refundId })
  } catch (error) {
    const now = await readBackAfter(error, () => client.retrievePayment(paymentId))
    if (!findByDescription(now, description)) throw explainRefusal(error, now)
    log.warn(`KOMOJU refund for Medusa refund ${refundId} of payment ${paymentId} was made though its answer was lost; recorded`)
    payment = now
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

function recorded(data: KomojuSessionData, refundId: string): KomojuSessionData {
  const ids = new Set(data.komoju_refunds_recorded ?? [])
  ids.add(refundId)
  return { ...data, komoju_refunds_recorded: [...ids] }
}

function findByDescription(payment: KomojuPayment, description: string): KomojuRefund | undefined {
  return (payment.refunds ?? []).find((refund) => refund.description === description)
}

/** The refusal in words a merchant can act on, decided from the payment KOMOJU holds. */
function explainRefusal(error: unknown, payment: KomojuPayment): unknown {
  if (!isCashPayment(payment)) return error
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `KOMOJU cannot refund this ${payment.payment_details?.type} payment (${payment.id}) through its API: ` +
      "konbini, bank transfer and Pay-easy payments are refunded to the customer's bank account through a refund request " +
      "in KOMOJU's dashboard; the refund then appears in Medusa by itself.",
    KomojuErrorCode.NotRefundable
  )
}
