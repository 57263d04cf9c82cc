import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import {
  CASH_PAYMENT_TYPES,
  KomojuEventType,
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

/** KOMOJU hosted session (and its payment, once there is one) → Medusa status. */
export function sessionStatusToMedusa(session: KomojuSession): PaymentSessionStatus {
  if (session.payment) {
    return paymentStatusToMedusa(session.payment)
  }
  if (session.status === KomojuSessionStatus.Cancelled || session.expired) {
    return PaymentSessionStatus.CANCELED
  }
  return PaymentSessionStatus.PENDING
}

export function isCashPayment(payment: KomojuPayment): boolean {
  return CASH_PAYMENT_TYPES.has(payment.payment_details?.type ?? "")
}

/**
 * KOMOJU webhook event → the action Medusa's core webhook subscriber understands.
 *
 * `payment.authorized` is `authorized` for every method: core then completes the cart
 * when the customer never came back, and cart completion asks `authorizePayment`, which
 * tells a held card (`authorized`) from a konbini receipt (`pending_authorization`).
 * Core acts on nothing else but `captured`; expiry, cancellation and refunds made in
 * KOMOJU's dashboard are handled by the plugin's own subscriber.
 */
export function eventTypeToAction(type: string): PaymentActions {
  switch (type) {
    case KomojuEventType.PaymentAuthorized:
      return PaymentActions.AUTHORIZED
    case KomojuEventType.PaymentCaptured:
      return PaymentActions.SUCCESSFUL
    case KomojuEventType.PaymentFailed:
      return PaymentActions.FAILED
    case KomojuEventType.PaymentExpired:
    case KomojuEventType.PaymentCancelled:
      return PaymentActions.CANCELED
    default:
      return PaymentActions.NOT_SUPPORTED
  }
}
