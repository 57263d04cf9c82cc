import { AsyncLocalStorage } from "node:async_hooks"
import type { KomojuPayment, KomojuRefund } from "../../lib/komoju"

/**
 * A KOMOJU refund that was made outside Medusa (in KOMOJU's dashboard) and is being
 * written into Medusa as a Medusa refund. `medusaAmount` is what Medusa records, in the
 * payment session's currency and minor units.
 */
export type RefundToRecord = {
  payment: KomojuPayment
  refund: KomojuRefund
  medusaAmount: number
}

const recording = new AsyncLocalStorage<RefundToRecord>()

/**
 * Runs `work` (Medusa's refund workflow) as the recording of a refund KOMOJU already
 * made. Medusa's payment module gives a provider no per-call data of its own, and a
 * record-only refund must never look like a refund to make: the intent travels with the
 * call itself, so a refund an admin starts at the same moment is never mistaken for it.
 */
export function recordingKomojuRefund<T>(toRecord: RefundToRecord, work: () => Promise<T>): Promise<T> {
  return recording.run(toRecord, work)
}

/** The KOMOJU refund the current call records, if it is a recording. */
export function komojuRefundBeingRecorded(): RefundToRecord | undefined {
  return recording.getStore()
}
