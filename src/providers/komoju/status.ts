import { PaymentSessionStatus } from "@medusajs/framework/utils"
import {
  CASH_PAYMENT_TYPES,
  KomojuPaymentStatus,
  KomojuSessionStatus,
  type KomojuPayment,
  type KomojuSession,
} from "../../lib/komoju"

/**
 * KOMOJU payment → Medusa payment session status.
 * For cash methods (konbini, bank transfer, Pay-easy) "authorized" means a receipt was
 * issued and the customer still has to pay at the counter: Medusa's
 * `pending_authorization` places the order with its payment awaiting.
 */
export function paymentStatusToMedusa(payment: KomojuPayment): PaymentSessionStatus {
  switch (payment.status) {
    case KomojuPaymentStatus.Captured:
    case KomojuPaymentStatus.Refunded:
      // A refund is recorded on the Medusa payment; the money was captured first.
      return PaymentSessionStatus.CAPTURED
    case KomojuPaymentStatus.Authorized:
      return isCashPayment(payment)
        ? PaymentSessionStatus.PENDING_AUTHORIZATION
        : PaymentSessionStatus.AUTHORIZED
    case KomojuPaymentStatus.Pending:
      return PaymentSessionStatus.PENDING
    case KomojuPaymentStatus.Cancelled:
    case KomojuPaymentStatus.Expired:
      return PaymentSessionStatus.CANCELED
    case KomojuPaymentStatus.Failed:
      return PaymentSessionStatus.ERROR
    default:
      return PaymentSessionStatus.ERROR
  }
}

/**
 * KOMOJU hosted session (and its payment, once there is one) → Medusa status. KOMOJU's
 * API keeps a declined card payment `pending`; a shopper who then clicks "back to
 * merchant" leaves a cancelled session holding it. A session that can no longer be paid
 * is over, whatever its unfinished payment says, so the cart is free to pay again.
 */
export function sessionStatusToMedusa(session: KomojuSession): PaymentSessionStatus {
  const over = session.status === KomojuSessionStatus.Cancelled || session.expired === true
  const payment = session.payment
  if (payment && !(over && UNFINISHED.has(payment.status))) {
    return paymentStatusToMedusa(payment)
  }
  return over ? PaymentSessionStatus.CANCELED : PaymentSessionStatus.PENDING
}

const UNFINISHED: ReadonlySet<string> = new Set([KomojuPaymentStatus.Pending, KomojuPaymentStatus.Failed])

/**
 * Why a KOMOJU session is not the one Medusa asked for, if it is not: another amount or
 * currency on the session, or a payment of another amount. A method may charge in
 * another currency (the session then lists that currency and amount for it); such a
 * payment must be for exactly what the session showed the shopper. Pure.
 */
export function sessionMismatch(
  asked: { amount: number; currency: string },
  session: KomojuSession
): string | undefined {
  const wanted = `${asked.amount} ${asked.currency}`
  if (session.amount !== asked.amount || session.currency !== asked.currency) {
    return `asked ${wanted}, session holds ${session.amount} ${session.currency}`
  }
  const payment = session.payment
  if (!payment) return undefined
  if (payment.currency === asked.currency) {
    return payment.amount === asked.amount ? undefined : `asked ${wanted}, payment holds ${payment.amount} ${payment.currency}`
  }
  const offered = session.payment_methods.find(
    (method) => method.type === payment.payment_details?.type && method.currency === payment.currency
  )
  return offered && offered.amount === payment.amount
    ? undefined
    : `asked ${wanted}, payment holds ${payment.amount} ${payment.currency}${offered ? `; the session offered ${offered.amount} ${offered.currency}` : ", a currency the session did not offer"}`
}

export function isCashPayment(payment: KomojuPayment): boolean {
  return CASH_PAYMENT_TYPES.has(payment.payment_details?.type ?? "")
}
