import {
  KomojuPaymentStatus,
  KomojuSessionStatus,
  type KomojuPayment,
  type KomojuRefund,
  type KomojuSession,
} from "../../lib/komoju"
import { decimalDigits, toMinorUnits } from "../../providers/komoju/money"
import { medusaRefundIdOf } from "../../providers/komoju/refunds"
import { isCashPayment } from "../../providers/komoju/status"
import type { CheckoutState } from "./checkout-state"

/** What KOMOJU holds for one checkout attempt, as just read from KOMOJU. */
export type KomojuAttempt = {
  /**
   * The hosted session, when it was read (reconciliation, and a webhook about a payment
   * whose order is not placed yet); otherwise a webhook reads the payment only.
   */
  session?: Pick<KomojuSession, "id" | "status" | "expired"> | KomojuSession
  payment: KomojuPayment | null
  /** When the session was read (Date.now()), so the provider may use that very read. */
  readAt?: number
}

/** One thing to do to bring Medusa in line with KOMOJU; `none` when they agree. */
export type SyncStep =
  /** Core's payment processing for an authorized payment: places the order if none. */
  | { action: "authorize" }
  /** Core's payment processing for a captured payment: records the capture, places the order if none. */
  | { action: "capture" }
  /** The payment lapsed or was cancelled while its order waited for it. */
  | { action: "cancel_order" }
  /** Nobody will pay this attempt and no order waits for it. */
  | { action: "mark_session_canceled" }
  /** The order was cancelled while KOMOJU still holds a payable receipt or a card hold. */
  | { action: "cancel_komoju_payment" }
  /** A refund made in KOMOJU (its dashboard) that no Medusa refund stands for yet. */
  | { action: "record_refund"; refund: KomojuRefund; medusaAmount: number }
  /** KOMOJU captured a card or wallet payment of a cancelled order: give it back. */
  | { action: "refund_after_cancel"; amount: number }
  /** KOMOJU captured a cash payment of a cancelled order: an admin must request its refund. */
  | { action: "flag_refund_request"; amount: number }
  | { action: "none"; reason: string; alarm?: true }

export type SyncFacts = {
  /** Notices already raised on the order about this payment. */
  noticeKinds: string[]
}

const LAPSED: ReadonlySet<string> = new Set([KomojuPaymentStatus.Cancelled, KomojuPaymentStatus.Expired])
const PAID: ReadonlySet<string> = new Set([KomojuPaymentStatus.Captured, KomojuPaymentStatus.Refunded])
const OPEN_SESSION_STATUSES: ReadonlySet<string> = new Set(["pending", "requires_more", "pending_authorization"])

/**
 * The next step that brings Medusa in line with what KOMOJU holds: the one place that
 * decides what KOMOJU's news does, for webhooks, the catch-up job and order
 * cancellation alike. It looks at KOMOJU's state, never at which event brought it, so
 * repeated, reordered, late or replayed deliveries all lead to the same place. Pure.
 */
export function decideNextStep(komoju: KomojuAttempt, medusa: CheckoutState | undefined, facts: SyncFacts): SyncStep {
  const payment = komoju.payment
  const sessionId = payment?.session ?? komoju.session?.id
  if (!medusa) {
    return payment && PAID.has(payment.status)
      ? { action: "none", alarm: true, reason: `KOMOJU payment ${payment.id} is ${payment.status} but its Medusa payment session no longer exists (a replaced checkout attempt): refund it in KOMOJU` }
      : { action: "none", reason: "its Medusa payment session no longer exists (replaced by a newer attempt)" }
  }
  if (sessionId && medusa.komojuSessionId && sessionId !== medusa.komojuSessionId) {
    return { action: "none", reason: `it is about KOMOJU session ${sessionId}, superseded by ${medusa.komojuSessionId}` }
  }
  const mismatch = payment && amountMismatch(payment, medusa)
  if (mismatch) return { action: "none", alarm: true, reason: mismatch }

  const order = medusa.order
  const canceled = order?.status === "canceled"
  if (payment && PAID.has(payment.status)) return paidStep(payment, medusa, facts, canceled)
  if (payment?.status === KomojuPaymentStatus.Authorized) {
    if (canceled) return { action: "cancel_komoju_payment" }
    if (!order) return { action: "authorize" }
    return { action: "none", reason: `order ${order.id} is placed and its payment is authorized` }
  }
  if (isLapsed(komoju)) {
    const captured = !!medusa.payment?.capturedAmount
    if (order && !canceled && !captured) return { action: "cancel_order" }
    // Closed, so it is not read again: it waits for nothing now.
    if (!captured && OPEN_SESSION_STATUSES.has(medusa.paymentSessionStatus)) return { action: "mark_session_canceled" }
    return { action: "none", reason: order ? `order ${order.id} is ${canceled ? "canceled" : "paid"}` : "the attempt is over and no order waits for it" }
  }
  if (canceled && payment?.status === KomojuPaymentStatus.Pending) return { action: "cancel_komoju_payment" }
  return { action: "none", reason: payment ? `KOMOJU payment ${payment.id} is ${payment.status}; nothing to do yet` : "nobody has paid yet" }
}

/**
 * A session KOMOJU still offers that nobody has paid: nothing to do, whatever Medusa
 * holds (`decideNextStep` answers `none` for it in every state), so the sync does not
 * read Medusa's state for it. Most sessions the reconciliation reads are such abandoned
 * ones. Pure.
 */
export function nobodyHasPaidYet(komoju: KomojuAttempt): boolean {
  const session = komoju.session
  return !komoju.payment && !!session && session.status === KomojuSessionStatus.Pending && session.expired !== true
}

function paidStep(payment: KomojuPayment, medusa: CheckoutState, facts: SyncFacts, canceled: boolean): SyncStep {
  const medusaPayment = medusa.payment
  if (!medusaPayment?.capturedAmount) return { action: "capture" }
  const toRecord = refundsToRecord(payment, medusaPayment)
  if (toRecord[0]) return { action: "record_refund", refund: toRecord[0], medusaAmount: medusaAmountOf(toRecord[0], payment, medusa) }
  const outstanding = medusaPayment.capturedAmount - medusaPayment.refundedAmount
  if (canceled && outstanding > 0) {
    if (!isCashPayment(payment)) return { action: "refund_after_cancel", amount: outstanding }
    if (!facts.noticeKinds.includes(NEEDS_REFUND_REQUEST)) return { action: "flag_refund_request", amount: outstanding }
  }
  return { action: "none", reason: `Medusa records the ${payment.status} payment and every KOMOJU refund` }
}

const NEEDS_REFUND_REQUEST = "captured_after_cancel_needs_refund_request"

/**
 * KOMOJU refunds no Medusa refund stands for: not recorded yet, and not made by Medusa.
 * A refund Medusa made names its Medusa refund; while that refund exists (even before
 * it is fully written) it stands for it. One whose Medusa refund is gone (the refund
 * failed in Medusa after KOMOJU made it) is money that moved, so it is recorded.
 */
export function refundsToRecord(payment: KomojuPayment, medusaPayment: NonNullable<CheckoutState["payment"]>): KomojuRefund[] {
  const recorded = new Set(medusaPayment.recordedRefundIds)
  const medusaRefunds = new Set(medusaPayment.medusaRefundIds)
  return (payment.refunds ?? []).filter((refund) => {
    if (recorded.has(refund.id)) return false
    const madeBy = medusaRefundIdOf(refund)
    return !(madeBy && medusaRefunds.has(madeBy))
  })
}

/**
 * What Medusa records for a KOMOJU refund, in minor units of the session currency. A
 * payment charged in another currency is refunded in that one; its refunds count in
 * proportion, and the one that completes the refund takes what remains, so the totals
 * meet exactly.
 */
export function medusaAmountOf(refund: KomojuRefund, payment: KomojuPayment, medusa: CheckoutState): number {
  const currency = medusa.currencyCode
  // KOMOJU refunds count against its total (method fee and tax included); Medusa can
  // record no more than it captured.
  const outstanding = medusa.payment
    ? Math.round((medusa.payment.capturedAmount - medusa.payment.refundedAmount) * 10 ** decimalDigits(currency))
    : Infinity
  if (payment.currency === currency.toUpperCase()) return Math.min(refund.amount, outstanding)
  const asked = toMinorUnits(medusa.amount, currency)
  const total = payment.total || payment.amount
  const pending = medusa.payment ? refundsToRecord(payment, medusa.payment) : []
  const completes = (payment.amount_refunded ?? 0) >= total && pending.length === 1 && pending[0].id === refund.id
  if (!completes) return Math.round((refund.amount * asked) / total)
  const refundedBefore = medusa.payment?.refundedAmount ? toMinorUnits(medusa.payment.refundedAmount, currency) : 0
  return asked - refundedBefore
}

function isLapsed(komoju: KomojuAttempt): boolean {
  const payment = komoju.payment
  if (payment && LAPSED.has(payment.status)) return true
  const session = komoju.session
  const sessionOver = !!session && (session.status === KomojuSessionStatus.Cancelled || session.expired === true)
  return sessionOver && (!payment || payment.status === KomojuPaymentStatus.Pending || payment.status === KomojuPaymentStatus.Failed)
}

function amountMismatch(payment: KomojuPayment, medusa: CheckoutState): string | undefined {
  if (payment.currency !== medusa.currencyCode.toUpperCase()) return undefined
  const asked = toMinorUnits(medusa.amount, medusa.currencyCode)
  if (payment.amount === asked) return undefined
  // A partial capture made through Medusa leaves KOMOJU's amount at what was captured.
  if (PAID.has(payment.status) && payment.amount < asked && medusa.payment?.capturedAmount) return undefined
  return `KOMOJU payment ${payment.id} is for ${payment.amount} ${payment.currency}, Medusa asked ${asked}: not acted on`
}
