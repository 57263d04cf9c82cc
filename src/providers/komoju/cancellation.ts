import { MedusaError } from "@medusajs/framework/utils"
import {
  KomojuErrorCode,
  KomojuPaymentStatus,
  KomojuSessionStatus,
  type KomojuClient,
  type KomojuPayment,
  type KomojuSession,
} from "../../lib/komoju"
import { readBackAfter } from "./settle"

type Log = { info(message: string): void }

const ENDED: ReadonlySet<string> = new Set([
  KomojuPaymentStatus.Cancelled,
  KomojuPaymentStatus.Expired,
  KomojuPaymentStatus.Failed,
])
const CANCELLABLE: ReadonlySet<string> = new Set([KomojuPaymentStatus.Pending, KomojuPaymentStatus.Authorized])

/**
 * Ends a checkout attempt in KOMOJU: its payment while pending or authorized (a konbini
 * receipt stops being payable, a card hold is released), or the session while nobody
 * has paid. What is already cancelled or expired counts as done. Returns the KOMOJU
 * session as it ends up, with its payment.
 */
export async function cancelKomojuAttempt(
  client: KomojuClient,
  log: Log,
  komojuSessionId: string,
  about: string
): Promise<KomojuSession> {
  const session = await client.retrieveSession(komojuSessionId)
  if (session.payment) {
    return { ...session, payment: await cancelKomojuPayment(client, log, session.payment, about) }
  }
  if (session.status !== KomojuSessionStatus.Pending || session.expired) return session
  try {
    const cancelled = await client.cancelSession(session.id, { idempotencyKey: `cancel-${session.id}` })
    log.info(`KOMOJU session ${session.id} cancelled (${about})`)
    return cancelled
  } catch (error) {
    // The shopper may have paid in the meantime, or the session lapsed.
    const now = await readBackAfter(error, () => client.retrieveSession(session.id))
    if (now.payment) return { ...now, payment: await cancelKomojuPayment(client, log, now.payment, about) }
    if (now.status === KomojuSessionStatus.Cancelled || now.expired) return now
    throw error
  }
}

/**
 * Cancels a pending or authorized KOMOJU payment. A payment already cancelled, expired
 * or failed is returned as it is; captured money cannot be cancelled (it is refunded),
 * so that is an error naming what to do.
 */
export async function cancelKomojuPayment(
  client: KomojuClient,
  log: Log,
  payment: KomojuPayment,
  about: string
): Promise<KomojuPayment> {
  if (ENDED.has(payment.status)) return payment
  if (!CANCELLABLE.has(payment.status)) throw capturedError(payment)
  try {
    const cancelled = await client.cancelPayment(payment.id, { idempotencyKey: `cancel-${payment.id}` })
    log.info(`KOMOJU payment ${payment.id} cancelled (${about})`)
    return cancelled
  } catch (error) {
    const now = await readBackAfter(error, () => client.retrievePayment(payment.id))
    if (ENDED.has(now.status)) return now
    if (!CANCELLABLE.has(now.status)) throw capturedError(now)
    throw error
  }
}

/**
 * For whoever must stop a payment but deal with one captured meanwhile: cancels it when
 * it can still be cancelled, and otherwise returns it as KOMOJU holds it now.
 */
export async function cancelOrReadKomojuPayment(
  client: KomojuClient,
  log: Log,
  payment: KomojuPayment,
  about: string
): Promise<KomojuPayment> {
  if (!CANCELLABLE.has(payment.status)) return payment
  try {
    return await cancelKomojuPayment(client, log, payment, about)
  } catch (error) {
    const now = await client.retrievePayment(payment.id).catch(() => {
      throw error
    })
    if (CANCELLABLE.has(now.status)) throw error
    return now
  }
}

function capturedError(payment: KomojuPayment): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `KOMOJU payment ${payment.id} is ${payment.status} and cannot be cancelled; refund it instead`,
    KomojuErrorCode.NotCancellable
  )
}
