import { presentPayment, type DeclineView } from "./api-version"
import type { Params } from "./body"
import { addSeconds, isPast, komojuTime, type Clock } from "./clock"
import { ErrorCode, EventType, LIMITS, PaymentStatus, RefundRequestStatus } from "./constants"
import { invalidParameter, notFound, unacceptableParameter, unprocessable, wrongState } from "./errors"
import { komojuId } from "./ids"
import { isRefundableByApi, kindOf } from "./payment-types"
import type { Charge } from "./pricing"
import type { Store } from "./store"
import type { Payment, PaymentDetails, PaymentList, Refund, SessionRecord } from "./types"
import { listTime, pageNumber, parseMinorAmount, text } from "./validation"

export type EmitEvent = (type: EventType, payment: Payment, reason?: string | null) => void

export type ListQuery = { external_order_num?: string; status?: string; start_time?: string; end_time?: string; page?: string; per_page?: string }

/** Who asked for a refund: the API refuses cash methods, KOMOJU's dashboard does not. */
export type RefundOrigin = "api" | "dashboard"

const WAITING: readonly string[] = [PaymentStatus.Pending, PaymentStatus.Authorized]

/** Payments and KOMOJU's state machine over them; every change is saved and announced. */
export class Payments {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly emit: EmitEvent
  ) {}

  get(id: string): Payment {
    const payment = this.store.payments.get(id)
    if (!payment) throw notFound(`Payment ${id}`)
    return payment
  }

  /** A new payment of a session: what the chosen method charges, the session's order number and metadata. */
  create(session: SessionRecord, charge: Charge, id: string, status: Payment["status"], details: PaymentDetails, deadline: string | null, customer: string | null = null): Payment {
    return this.insert({
      id,
      charge,
      status,
      details,
      deadline,
      customer,
      session: session.id,
      external_order_num: session.payment_data.external_order_num,
      metadata: { ...session.metadata },
      locale: session.default_locale,
      description: null,
    })
  }

  /** A payment made without a session (`POST /payments` with `customer` or a secure token). */
  insert(fields: {
    id: string
    charge: Charge
    status: Payment["status"]
    details: PaymentDetails
    deadline: string | null
    customer: string | null
    session: string | null
    external_order_num: string | null
    metadata: Record<string, string>
    locale: Payment["locale"]
    description: string | null
  }): Payment {
    const now = komojuTime(this.clock.now())
    const { charge, status } = fields
    const payment: Payment = {
      id: fields.id,
      resource: "payment",
      status,
      amount: charge.amount,
      tax: charge.tax,
      customer: fields.customer,
      payment_deadline: fields.deadline,
      payment_details: fields.details,
      payment_method_fee: charge.payment_method_fee,
      total: charge.total,
      currency: charge.currency,
      description: fields.description,
      captured_at: status === PaymentStatus.Captured ? now : null,
      external_order_num: fields.external_order_num,
      metadata: fields.metadata,
      created_at: now,
      amount_refunded: 0,
      locale: fields.locale,
      session: fields.session,
      customer_family_name: null,
      customer_given_name: null,
      mcc: null,
      statement_descriptor: null,
      refunds: [],
      refund_requests: [],
    }
    this.store.payments.set(payment.id, payment)
    return payment
  }

  /** Filtered on the status as `view` reports it, so a declined card is found as `pending` under today's API. */
  list(query: ListQuery, view: DeclineView): PaymentList {
    const perPage = pageNumber(query.per_page, "per_page", LIMITS.listPerPageDefault)
    if (perPage > LIMITS.listPerPageMax) throw invalidParameter("per_page", `per_page must be at most ${LIMITS.listPerPageMax}`)
    const page = pageNumber(query.page, "page", 1)
    const from = listTime(query.start_time, "start_time")
    const to = listTime(query.end_time, "end_time")
    // Newest first, as KOMOJU lists.
    const matching = [...this.store.payments.values()].reverse().filter((p) => {
      const created = Date.parse(p.created_at)
      return (
        (!query.external_order_num || p.external_order_num === query.external_order_num) &&
        (!query.status || presentPayment(p, view).status === query.status) &&
        (from === null || created >= from) &&
        (to === null || created <= to)
      )
    })
    return {
      resource: "list",
      total: matching.length,
      page,
      per_page: perPage,
      last_page: Math.max(1, Math.ceil(matching.length / perPage)),
      data: matching.slice((page - 1) * perPage, page * perPage),
    }
  }

  /**
   * Captures a held card authorization. A smaller `amount` captures that much and
   * releases the rest (KOMOJU is silent on partial capture; the sandbox's choice).
   */
  capture(id: string, params: Params): Payment {
    const payment = this.get(id)
    if (payment.status !== PaymentStatus.Authorized || kindOf(payment.payment_details.type) !== "card") {
      throw wrongState(ErrorCode.NotCapturable, `Payment ${id} cannot be captured (${payment.status}, ${payment.payment_details.type})`)
    }
    const amount = params.amount === undefined || params.amount === "" ? payment.amount : parseMinorAmount(params.amount, "amount")
    if (amount > payment.amount) throw unacceptableParameter("amount", `amount exceeds the authorized ${payment.amount}`)
    payment.amount = amount
    payment.total = amount + payment.tax + payment.payment_method_fee
    return this.markCaptured(payment)
  }

  /** The customer paid a waiting konbini / bank transfer / Pay-easy payment at the counter. */
  customerPaid(id: string): Payment {
    const payment = this.get(id)
    if (payment.status !== PaymentStatus.Authorized || kindOf(payment.payment_details.type) !== "cash") {
      throw unprocessable(`Payment ${id} is not a cash payment waiting for the customer (${payment.status}, ${payment.payment_details.type})`)
    }
    if (isPast(payment.payment_deadline, this.clock.now())) {
      this.expire(id)
      throw unprocessable(`Payment ${id} passed its deadline and expired`)
    }
    return this.markCaptured(payment)
  }

  refund(id: string, params: Params, origin: RefundOrigin): Payment {
    const payment = this.get(id)
    const type = payment.payment_details.type
    const byApi = isRefundableByApi(type)
    if (origin === "api" && !byApi) {
      throw wrongState(ErrorCode.NotRefundable, `Payment ${id} (${type}) cannot be refunded through the API: cash payments are refunded through a refund request`)
    }
    if (payment.status !== PaymentStatus.Captured) {
      throw wrongState(ErrorCode.NotRefundable, `Payment ${id} cannot be refunded (${payment.status})`)
    }
    const remaining = this.refundable(payment)
    const amount = params.amount === undefined || params.amount === "" ? remaining : parseMinorAmount(params.amount, "amount")
    if (amount > remaining) throw unacceptableParameter("amount", `amount ${amount} exceeds the refundable ${remaining}`)
    this.addRefund(payment, amount, text(params.description) ?? null)
    return payment
  }

  /**
   * What can still be refunded: the total less what was refunded and what pending refund
   * requests have asked for (their amount, and the fee when they include it).
   */
  refundable(payment: Payment): number {
    const pending = [...this.store.refundRequests.values()]
      .filter((request) => request.payment === payment.id && request.status === RefundRequestStatus.Pending)
      .reduce((sum, request) => sum + request.amount + (request.include_payment_method_fee ? payment.payment_method_fee : 0), 0)
    return payment.total - payment.amount_refunded - pending
  }

  /**
   * Money goes back: a refund in `refunds[]`, `amount_refunded` grows, `refunded` once it
   * reaches the total; payment.refund.created (and payment.refunded) as for any refund.
   */
  addRefund(payment: Payment, amount: number, description: string | null): Refund {
    const refund: Refund = {
      id: komojuId(),
      resource: "refund",
      amount,
      currency: payment.currency,
      payment: payment.id,
      description,
      created_at: komojuTime(this.clock.now()),
      chargeback: false,
    }
    payment.refunds.push(refund)
    payment.amount_refunded += amount
    if (payment.amount_refunded === payment.total) payment.status = PaymentStatus.Refunded
    this.store.save()
    this.emit(EventType.PaymentRefundCreated, payment)
    if (payment.status === PaymentStatus.Refunded) this.emit(EventType.PaymentRefunded, payment)
    return refund
  }

  /**
   * Only a pending or authorized payment, as the caller sees it: a declined card reported
   * `pending` can be cancelled (KOMOJU is silent on it; the sandbox follows the status it
   * reports), one reported `failed` cannot.
   */
  cancel(id: string, view: DeclineView): Payment {
    const payment = this.get(id)
    if (!WAITING.includes(presentPayment(payment, view).status)) {
      throw wrongState(ErrorCode.NotCancellable, `Payment ${id} cannot be cancelled (${payment.status})`)
    }
    return this.transition(payment, PaymentStatus.Cancelled, EventType.PaymentCancelled)
  }

  expire(id: string): Payment {
    const payment = this.get(id)
    if (!WAITING.includes(payment.status)) throw unprocessable(`Payment ${id} cannot expire (${payment.status})`)
    return this.transition(payment, PaymentStatus.Expired, EventType.PaymentExpired)
  }

  fail(id: string, reason: string | null = null): Payment {
    const payment = this.get(id)
    if (!WAITING.includes(payment.status)) throw unprocessable(`Payment ${id} cannot fail (${payment.status})`)
    return this.transition(payment, PaymentStatus.Failed, EventType.PaymentFailed, reason)
  }

  /** Expires what waited too long: cash past its deadline, card holds past ~30 days. */
  expireOverdue(): Payment[] {
    const now = this.clock.now()
    const overdue = [...this.store.payments.values()].filter((p) => {
      if (p.status !== PaymentStatus.Authorized) return false
      if (kindOf(p.payment_details.type) === "card") {
        return addSeconds(new Date(p.created_at), LIMITS.cardAuthorizationDays * 86_400) < now
      }
      return isPast(p.payment_deadline, now)
    })
    return overdue.map((payment) => this.expire(payment.id))
  }

  private markCaptured(payment: Payment): Payment {
    payment.captured_at = komojuTime(this.clock.now())
    return this.transition(payment, PaymentStatus.Captured, EventType.PaymentCaptured)
  }

  private transition(payment: Payment, status: Payment["status"], event: EventType, reason: string | null = null): Payment {
    payment.status = status
    this.store.save()
    this.emit(event, payment, reason)
    return payment
  }
}
