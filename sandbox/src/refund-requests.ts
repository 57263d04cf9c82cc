import type { Params } from "./body"
import { komojuTime, type Clock } from "./clock"
import type { SandboxConfig } from "./config"
import { ErrorCode, EventType, PaymentStatus, RefundRequestStatus } from "./constants"
import { invalidParameter, missingParameter, notFound, unacceptableParameter, unprocessable, wrongState } from "./errors"
import { komojuId } from "./ids"
import { kindOf } from "./payment-types"
import type { Payments } from "./payments"
import type { Store } from "./store"
import type { AccountType, Payment, PaymentRefundRequest, RefundRequestRecord } from "./types"
import { parseMinorAmount } from "./validation"

/** A refund request as the control API shows it: KOMOJU's object and what the sandbox keeps beside it. */
export type RefundRequestView = PaymentRefundRequest & Omit<RefundRequestRecord, keyof PaymentRefundRequest | "status" | "created_at">

export type RefundRequestFilter = { payment?: string; status?: string }

/** Sends one event as it stands (no payment.updated beside it): the rejected-request event. */
export type SendEvent = (type: EventType, payment: Payment) => void

export type RefundRequestsDeps = {
  store: Store
  clock: Clock
  payments: Payments
  config: () => SandboxConfig
  send: SendEvent
}

const ACCOUNT_TYPES: readonly AccountType[] = ["normal", "checking", "savings"]

/** komoju-node-sdk `CreateRefundRequestRequest`: what must be there, in the SDK's order. */
const REQUIRED = ["amount", "customer_name", "bank_name", "branch_number", "account_type", "account_number", "include_payment_method_fee"] as const

/**
 * Half-width katakana as a Japanese bank registers an account holder (ｶﾌﾞｼｷｶﾞｲｼｬ, ﾔﾏﾀﾞ ﾀﾛｳ):
 * the katakana block U+FF66–U+FF9F (ｰ and the sound marks ﾞ ﾟ included), with the
 * space, upper-case letters, digits and the symbols `( ) . , - /` that Zengin names also
 * take; at least one katakana. Full-width katakana and kanji are refused.
 */
const HALF_WIDTH_KANA_NAME = /^[\uFF66-\uFF9F A-Z0-9().,\-/]+$/
const HAS_HALF_WIDTH_KANA = /[\uFF66-\uFF9F]/

/**
 * Refund requests: how KOMOJU refunds konbini, bank transfer and Pay-easy payments, which
 * its refund API cannot (`POST /payments/:id/refund_request`). KOMOJU processes them by
 * hand; the control API stands in for that (complete or reject).
 */
export class RefundRequests {
  constructor(private readonly deps: RefundRequestsDeps) {}

  /**
   * Checks, in this order: the payment (404), its method and state (a state error), the
   * required parameters (missing_parameter), their formats (invalid_parameter), then what
   * can still be refunded (422 invalid_parameter `amount`).
   */
  create(paymentId: string, params: Params): Payment {
    const { store, clock, payments } = this.deps
    const payment = payments.get(paymentId)
    const type = payment.payment_details.type
    if (kindOf(type) !== "cash") {
      throw wrongState(ErrorCode.NotRefundable, `Payment ${paymentId} (${type}) is refunded through POST /payments/${paymentId}/refund; refund requests are for konbini, bank transfer and Pay-easy`)
    }
    if (payment.status !== PaymentStatus.Captured) {
      throw wrongState(ErrorCode.NotRefundable, `Payment ${paymentId} cannot be refunded (${payment.status}): only a paid (captured) payment can`)
    }
    for (const name of REQUIRED) if (isBlank(params[name])) throw missingParameter(name)

    const amount = parseMinorAmount(params.amount, "amount")
    const customerName = stringParam(params.customer_name, "customer_name")
    if (!HALF_WIDTH_KANA_NAME.test(customerName) || !HAS_HALF_WIDTH_KANA.test(customerName)) {
      throw invalidParameter("customer_name", "customer_name must be the account holder's name in half-width katakana, as registered at the bank")
    }
    const bankName = stringParam(params.bank_name, "bank_name")
    const bankCode = isBlank(params.bank_code) ? null : digits(params.bank_code, "bank_code", 4)
    const branchName = isBlank(params.branch_name) ? null : stringParam(params.branch_name, "branch_name")
    const branchNumber = digits(params.branch_number, "branch_number", 3)
    const accountType = params.account_type
    if (typeof accountType !== "string" || !(ACCOUNT_TYPES as readonly string[]).includes(accountType)) {
      throw invalidParameter("account_type", `account_type must be one of ${ACCOUNT_TYPES.join(", ")}`)
    }
    const accountNumber = accountNumberParam(params.account_number)
    const includeFee = booleanParam(params.include_payment_method_fee, "include_payment_method_fee")
    const description = isBlank(params.description) ? null : stringParam(params.description, "description")

    const fee = includeFee ? payment.payment_method_fee : 0
    if (fee > 0 && this.records(payment.id).some((r) => r.include_payment_method_fee && r.status !== RefundRequestStatus.Rejected)) {
      throw unacceptableParameter("include_payment_method_fee", `The payment method fee of payment ${paymentId} is already part of another refund request`)
    }
    const refundable = payments.refundable(payment)
    if (amount + fee > refundable) {
      const what = fee ? `amount ${amount} with the fee ${fee}` : `amount ${amount}`
      throw unacceptableParameter("amount", `${what} exceeds the refundable ${refundable} (pending refund requests count against it)`)
    }

    const id = komojuId()
    const createdAt = komojuTime(clock.now())
    const served: PaymentRefundRequest = {
      id,
      payment: payment.id,
      customer_name: customerName,
      bank_name: bankName,
      bank_code: bankCode,
      branch_name: branchName,
      branch_number: branchNumber,
      account_number: accountNumber,
      description,
      status: RefundRequestStatus.Pending,
      created_at: createdAt,
    }
    payment.refund_requests.push(served)
    store.refundRequests.set(id, {
      id,
      payment: payment.id,
      amount,
      account_type: accountType as AccountType,
      include_payment_method_fee: includeFee,
      status: RefundRequestStatus.Pending,
      created_at: createdAt,
      decided_at: null,
      refund: null,
    })
    store.save()
    return payment
  }

  get(id: string): RefundRequestView {
    const record = this.record(id)
    return { ...this.served(record), amount: record.amount, account_type: record.account_type, include_payment_method_fee: record.include_payment_method_fee, decided_at: record.decided_at, refund: record.refund }
  }

  list(filter: RefundRequestFilter = {}): RefundRequestView[] {
    return [...this.deps.store.refundRequests.values()]
      .filter((r) => (!filter.payment || r.payment === filter.payment) && (!filter.status || r.status === filter.status))
      .map((r) => this.get(r.id))
  }

  /**
   * KOMOJU paid the money out: a refund of the amount (plus the payment method fee when
   * the request included it) with the request's description, and the events of any
   * refund. Completing a completed request changes nothing; a rejected one cannot be.
   */
  complete(id: string): Payment {
    const { payments, store } = this.deps
    const record = this.record(id)
    const payment = payments.get(record.payment)
    if (record.status === RefundRequestStatus.Completed) return payment
    if (record.status !== RefundRequestStatus.Pending) throw unprocessable(`Refund request ${id} was ${record.status} and cannot be completed`)
    const amount = record.amount + (record.include_payment_method_fee ? payment.payment_method_fee : 0)
    const remaining = payment.total - payment.amount_refunded
    if (payment.status !== PaymentStatus.Captured || amount > remaining) {
      throw unprocessable(`Refund request ${id} asks for ${amount}, payment ${payment.id} (${payment.status}) has ${remaining} left to refund; reject it instead`)
    }
    this.decide(record, payment, RefundRequestStatus.Completed)
    const served = this.served(record)
    record.refund = payments.addRefund(payment, amount, served.description).id
    store.save()
    return payment
  }

  /** KOMOJU refused to pay it out: no money moves; rejecting a rejected request changes nothing. */
  reject(id: string): Payment {
    const record = this.record(id)
    const payment = this.deps.payments.get(record.payment)
    if (record.status === RefundRequestStatus.Rejected) return payment
    if (record.status !== RefundRequestStatus.Pending) throw unprocessable(`Refund request ${id} was ${record.status} and cannot be rejected`)
    this.decide(record, payment, RefundRequestStatus.Rejected)
    this.deps.store.save()
    if (this.deps.config().refund_request_rejected_event === "payment.updated") this.deps.send(EventType.PaymentUpdated, payment)
    return payment
  }

  private decide(record: RefundRequestRecord, payment: Payment, status: RefundRequestStatus): void {
    record.status = status
    record.decided_at = komojuTime(this.deps.clock.now())
    const served = payment.refund_requests.find((r) => r.id === record.id)
    if (served) served.status = status
  }

  private records(paymentId: string): RefundRequestRecord[] {
    return [...this.deps.store.refundRequests.values()].filter((r) => r.payment === paymentId)
  }

  private record(id: string): RefundRequestRecord {
    const record = this.deps.store.refundRequests.get(id)
    if (!record) throw notFound(`Refund request ${id}`)
    return record
  }

  private served(record: RefundRequestRecord): PaymentRefundRequest {
    const served = this.deps.payments.get(record.payment).refund_requests.find((r) => r.id === record.id)
    if (!served) throw notFound(`Refund request ${record.id}`)
    return served
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === ""
}

function stringParam(value: unknown, param: string): string {
  if (typeof value !== "string" || !value.trim()) throw invalidParameter(param, `${param} must be a string`)
  return value.trim()
}

/** Exactly `length` digits, as a string (a number loses leading zeros, so it must already have `length` digits). */
function digits(value: unknown, param: string, length: number): string {
  const textValue = typeof value === "number" && Number.isInteger(value) ? String(value) : typeof value === "string" ? value.trim() : ""
  if (!new RegExp(`^\\d{${length}}$`).test(textValue)) throw invalidParameter(param, `${param} must be ${length} digits`)
  return textValue
}

/**
 * The SDK types the request's account_number as a number and the response's as a
 * string: a string must be 7 digits; a number is a whole number below 10 000 000, padded
 * with the leading zeros it cannot carry (123456 → "0123456").
 */
function accountNumberParam(value: unknown): string {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0 || value > 9_999_999) throw invalidParameter("account_number", "account_number must be 7 digits")
    return String(value).padStart(7, "0")
  }
  return digits(value, "account_number", 7)
}

/** JSON true / false, or "true" / "false" from a form body. */
function booleanParam(value: unknown, param: string): boolean {
  if (value === true || value === "true") return true
  if (value === false || value === "false") return false
  throw invalidParameter(param, `${param} must be true or false`)
}
