import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KomojuError, type KomojuClient } from "../../lib/komoju"
import { errorMessage } from "../../lib/error-message"
import { slots } from "../../lib/slots"
import { KOMOJU_MODULE } from "../../modules/komoju"
import type { DeliveryRow, KomojuModuleService } from "../../modules/komoju/service"
import type { KomojuAttempt } from "./decisions"
import { attemptOf, syncKomojuPayment, type KomojuReader } from "./sync-payment"
import { accountOfDelivery, linkSavedMethodOfPayment, syncSavedMethod } from "../komoju-saved-methods/saved-methods"

/** A claim older than this belongs to a worker that died: the delivery is taken over. */
export const CLAIM_STALE_AFTER_MS = 5 * 60_000

/**
 * Deliveries processed at once by this process. Medusa's local event bus hands every
 * delivery of a burst (KOMOJU retrying after an outage) to the subscriber at once; each
 * may place an order, and Medusa's cart completion reserves stock under a lock it waits
 * only 5 s for. Hundreds at once time out there, and core then refunds the customer's
 * captured payment ("Refunded due to cart completion failure"). A few at a time place
 * them all. Waiting deliveries are not yet claimed: if this process dies, the retry job
 * takes them up from the inbox.
 */
export const DELIVERIES_AT_ONCE = 4
/** Per Medusa container: one app's backlog never holds up another's in the same process. */
const deliverySlots = new WeakMap<MedusaContainer, ReturnType<typeof slots>>()

/**
 * Processes one delivery from the inbox, once: claims it (a single statement, so two
 * workers never both do), reads its payment back from KOMOJU (the one KOMOJU call a
 * delivery costs) and brings Medusa in line with it. The delivery is marked processed
 * only after that is done; a failure leaves it failed, to be processed again.
 */
export function processKomojuDelivery(container: MedusaContainer, deliveryId: string): Promise<"processed" | "failed" | "not_claimed"> {
  let slot = deliverySlots.get(container)
  if (!slot) deliverySlots.set(container, (slot = slots(DELIVERIES_AT_ONCE)))
  return slot(() => processDelivery(container, deliveryId))
}

async function processDelivery(container: MedusaContainer, deliveryId: string): Promise<"processed" | "failed" | "not_claimed"> {
  const komoju: KomojuModuleService = container.resolve(KOMOJU_MODULE)
  const delivery = await komoju.claimDelivery(deliveryId, CLAIM_STALE_AFTER_MS)
  if (!delivery) return "not_claimed"
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const about = `KOMOJU delivery ${delivery.delivery_id} (${delivery.event_type}, ${deliveryAbout(delivery)})`
  try {
    await processClaimed(container, delivery, about)
    await komoju.finishDelivery(delivery.id, {})
    return "processed"
  } catch (error) {
    const reason = errorMessage(error)
    logger.warn(`${about} failed (attempt ${delivery.attempts}), to be processed again: ${reason}`)
    await komoju.finishDelivery(delivery.id, { error: reason })
    return "failed"
  }
}

/** What a delivery is about, for logs: ids only. */
export function deliveryAbout(delivery: Pick<DeliveryRow, "komoju_payment_id" | "komoju_customer_id">): string {
  return delivery.komoju_customer_id ? `customer ${delivery.komoju_customer_id}` : `payment ${delivery.komoju_payment_id}`
}

async function processClaimed(container: MedusaContainer, delivery: DeliveryRow, about: string): Promise<void> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const account = accountOfDelivery(container, delivery.provider)
  if (!account) throw new Error(`No KOMOJU provider is registered as ${delivery.provider}`)
  if (delivery.komoju_customer_id) {
    return syncSavedMethod(container, account, delivery.komoju_customer_id, about)
  }
  const paymentId = delivery.komoju_payment_id
  const medusaSessionId = delivery.medusa_payment_session_id
  if (!paymentId || !medusaSessionId) return
  const { client } = account
  try {
    // KOMOJU's copy decides, never the body: a replayed or stale delivery reads today's payment.
    let read: KomojuAttempt | undefined
    const reader = readPaymentBack(client, paymentId)
    await syncKomojuPayment(container, client, medusaSessionId, async (medusa) => (read = await reader(medusa)), about)
    // A payment that saved the customer's card or PayPay: the method becomes theirs.
    if (read?.payment?.id === paymentId) await linkSavedMethodOfPayment(container, account, read.payment, about)
  } catch (error) {
    // Signed with our secret but unknown to KOMOJU (another account's, or made up): final.
    if (!(error instanceof KomojuError && error.httpStatus === 404)) throw error
    logger.warn(`${about}: KOMOJU has no such payment on this account; ignored`)
  }
}

/**
 * The delivery's payment, read back from KOMOJU: one call. While its order is still to
 * be placed, the payment is read through its session (`GET /sessions/:id` holds it), so
 * that placing the order checks that very read instead of reading KOMOJU again; when the
 * session holds another payment (an earlier attempt's news), the payment is read alone.
 */
function readPaymentBack(client: KomojuClient, paymentId: string): KomojuReader {
  return async (medusa): Promise<KomojuAttempt> => {
    const state = await medusa()
    if (state && !state.order && state.komojuSessionId) {
      const session = await client.retrieveSession(state.komojuSessionId).catch((error) => {
        // Unknown to KOMOJU: the payment's own read says what to make of the delivery.
        if (error instanceof KomojuError && error.httpStatus === 404) return undefined
        throw error
      })
      if (session && session.payment?.id === paymentId) return attemptOf(session)
    }
    return { payment: await client.retrievePayment(paymentId) }
  }
}
