import { CURRENCIES, KONBINI_BRANDS, PAYMENT_TYPES, defaultPaymentTypes } from "./catalogue"
import { Clock, komojuTime } from "./clock"
import { ApiError, invalid, missing, notFound } from "./errors"
import { digits, komojuId } from "./ids"
import type { Params } from "./body"
import type { Store } from "./store"
import type { EventType, Locale, Payment, PaymentDetails, Session } from "./types"

export type EmitEvent = (type: EventType, payment: Payment) => void

const LOCALES: Locale[] = ["ja", "en", "ko"]
const MAX_EXPIRY_SECONDS = 86_400
const DECLINED_CARDS = new Set(["4123111111111000"])

/** Sessions and payments with KOMOJU's rules: validation, state changes, events. */
export class Ledger {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly emit: EmitEvent,
    private readonly publicUrl: () => string
  ) {}

  createSession(params: Params, scenario: string | null): Session {
    const returnUrl = text(params.return_url)
    if (!returnUrl) throw missing("return_url")
    if (params.amount === undefined || params.amount === "") throw missing("amount")
    const currencyRaw = text(params.currency)
    if (!currencyRaw) throw missing("currency")
    const amount = Number(params.amount)
    if (!Number.isInteger(amount) || amount <= 0) throw invalid("amount", "Amount must be a positive integer in the currency's smallest unit")
    const currency = currencyRaw.toUpperCase()
    if (!CURRENCIES.has(currency)) throw new ApiError(422, "invalid_currency", `Currency ${currencyRaw} is not supported`, "currency")
    try {
      new URL(returnUrl)
    } catch {
      throw invalid("return_url", "return_url must be a URL")
    }
    const locale = (text(params.default_locale) ?? "ja") as Locale
    if (!LOCALES.includes(locale)) throw invalid("default_locale", "default_locale must be one of ja, en, ko")
    const mode = text(params.mode) ?? "payment"
    if (mode !== "payment") throw new ApiError(422, "unprocessable_entity", `The sandbox supports mode "payment" only`, "mode")

    const requested = params.payment_types === undefined ? undefined : asList(params.payment_types)
    if (requested?.some((type) => !PAYMENT_TYPES[type])) {
      const unknown = requested.filter((type) => !PAYMENT_TYPES[type])
      throw new ApiError(422, "invalid_payment_type", `Unknown payment type: ${unknown.join(", ")}`, "payment_types")
    }
    const unsupported = requested?.filter((type) => !PAYMENT_TYPES[type].currencies.includes(currency)) ?? []
    if (unsupported.length) {
      throw new ApiError(422, "invalid_payment_type", `${unsupported.join(", ")} cannot be used with ${currency}`, "payment_types")
    }
    const types = requested?.length ? requested : defaultPaymentTypes(currency)

    const expiresIn = params.expires_in_seconds === undefined ? MAX_EXPIRY_SECONDS : Number(params.expires_in_seconds)
    if (!Number.isInteger(expiresIn) || expiresIn <= 0 || expiresIn > MAX_EXPIRY_SECONDS) {
      throw invalid("expires_in_seconds", `expires_in_seconds must be an integer from 1 to ${MAX_EXPIRY_SECONDS}`)
    }
    const paymentData = (params.payment_data ?? {}) as Record<string, unknown>
    const orderNum = text(paymentData.external_order_num) ?? null
    if (orderNum && this.store.orderNumbers.has(orderNum)) {
      throw new ApiError(422, "invalid_parameter", "External order num has already been taken", "payment_data[external_order_num]")
    }
    const capture = text(paymentData.capture) ?? "auto"
    if (capture !== "auto" && capture !== "manual") throw invalid("payment_data[capture]", "capture must be auto or manual")

    const now = this.clock.now()
    const id = komojuId()
    const session: Session = {
      id,
      resource: "session",
      mode: "payment",
      amount,
      currency,
      session_url: `${this.publicUrl()}/sessions/${id}`,
      return_url: returnUrl,
      default_locale: locale,
      payment_methods: types.map((type) => (type === "konbini" ? { type, brands: KONBINI_BRANDS } : { type })),
      payment: null,
      payment_data: {
        external_order_num: orderNum,
        capture,
        ...(text(paymentData.name) ? { name: text(paymentData.name) } : {}),
        ...(text(paymentData.name_kana) ? { name_kana: text(paymentData.name_kana) } : {}),
      },
      metadata: stringRecord(params.metadata),
      status: "pending",
      email: text(params.email) ?? null,
      expires_at: komojuTime(new Date(now.getTime() + expiresIn * 1000)),
      created_at: komojuTime(now),
      completed_at: null,
      cancelled_at: null,
      scenario,
    }
    if (orderNum) this.store.orderNumbers.add(orderNum)
    this.store.sessions.set(id, session)
    this.store.save()
    return session
  }

  session(id: string): Session {
    const session = this.store.sessions.get(id)
    if (!session) throw notFound(`Session ${id}`)
    return session
  }

  payment(id: string): Payment {
    const payment = this.store.payments.get(id)
    if (!payment) throw notFound(`Payment ${id}`)
    return payment
  }

  isExpired(session: Session): boolean {
    return session.status === "pending" && this.clock.now().getTime() > Date.parse(session.expires_at)
  }

  /** The session as KOMOJU serves it: the full payment inline, `expired` computed. */
  sessionView(session: Session) {
    const { scenario: _scenario, expires_at: _expiresAt, payment, email: _email, ...rest } = session
    return { ...rest, payment: payment ? this.store.payments.get(payment) ?? null : null, expired: this.isExpired(session) }
  }

  /** The shopper chose a method on the hosted page (or the control API did for a test). */
  pay(sessionId: string, choice: { type: string; card_number?: string; store?: string; email?: string }): Payment {
    const session = this.session(sessionId)
    if (session.status !== "pending" || this.isExpired(session)) {
      throw new ApiError(422, "unprocessable_entity", `Session ${session.id} can no longer be paid (${this.isExpired(session) ? "expired" : session.status})`)
    }
    const rule = PAYMENT_TYPES[choice.type]
    if (!rule || !session.payment_methods.some((method) => method.type === choice.type)) {
      throw new ApiError(422, "invalid_payment_type", `${choice.type} is not offered by this session`, "payment_type")
    }
    const now = this.clock.now()
    const details: PaymentDetails = { type: choice.type, email: choice.email ?? session.email }
    let status: Payment["status"]
    let deadline: string | null = null

    if (rule.kind === "card") {
      const number = (choice.card_number ?? "").replace(/\s+/g, "")
      Object.assign(details, { brand: cardBrand(number), last_four_digits: number.slice(-4), month: 12, year: now.getUTCFullYear() + 3 })
      const declined = DECLINED_CARDS.has(number) || session.scenario === "insufficient_funds"
      status = declined ? "failed" : session.payment_data.capture === "manual" ? "authorized" : "captured"
    } else if (rule.kind === "cash") {
      deadline = komojuTime(new Date(now.getTime() + (rule.deadlineDays ?? 3) * 86_400_000))
      status = "authorized"
      Object.assign(details, cashDetails(choice.type, choice.store, this.publicUrl()))
    } else {
      status = "captured"
    }

    const payment = this.newPayment(session, status, details, deadline)
    session.payment = payment.id
    if (status !== "failed") {
      session.status = "completed"
      session.completed_at = komojuTime(now)
    }
    this.store.save()
    if (status === "failed") this.emit("payment.failed", payment)
    if (status === "authorized") this.emit("payment.authorized", payment)
    if (status === "captured") this.emit("payment.captured", payment)
    return payment
  }

  /** "Back to merchant" on the hosted page, or the merchant's POST /sessions/:id/cancel. */
  cancelSession(sessionId: string, { byMerchant }: { byMerchant: boolean }): Session {
    const session = this.session(sessionId)
    if (session.status === "cancelled") return session
    if (session.status === "completed") {
      if (byMerchant) throw new ApiError(422, "not_cancellable", `Session ${session.id} is completed; cancel its payment instead`)
      return session
    }
    session.status = "cancelled"
    session.cancelled_at = komojuTime(this.clock.now())
    this.store.save()
    return session
  }

  capture(paymentId: string, params: Params): Payment {
    const payment = this.payment(paymentId)
    const session = this.store.sessions.get(payment.session)
    const isHeldCard = payment.status === "authorized" && PAYMENT_TYPES[payment.payment_details.type]?.kind === "card"
    if (!isHeldCard || session?.payment_data.capture !== "manual") {
      throw new ApiError(422, "not_capturable", `Payment ${payment.id} cannot be captured (${payment.status}, ${payment.payment_details.type})`)
    }
    if (params.amount !== undefined && Number(params.amount) !== payment.amount) {
      throw invalid("amount", "The sandbox captures the full authorized amount only", 422)
    }
    return this.settle(payment, "captured")
  }

  /** The customer paid at the counter (cash), or a wallet confirmed. */
  settle(payment: Payment, status: "captured"): Payment {
    payment.status = status
    payment.captured_at = komojuTime(this.clock.now())
    this.store.save()
    this.emit("payment.captured", payment)
    return payment
  }

  refund(paymentId: string, params: Params, { fromDashboard }: { fromDashboard: boolean }): Payment {
    const payment = this.payment(paymentId)
    const cash = PAYMENT_TYPES[payment.payment_details.type]?.kind === "cash"
    if (payment.status !== "captured" || (cash && !fromDashboard)) {
      throw new ApiError(422, "not_refundable", `Payment ${payment.id} cannot be refunded${cash ? " through the API (cash payment: use a refund request)" : ` (${payment.status})`}`)
    }
    const remaining = payment.total - payment.amount_refunded
    const amount = params.amount === undefined || params.amount === "" ? remaining : Number(params.amount)
    if (!Number.isInteger(amount) || amount <= 0) throw invalid("amount", "Refund amount must be a positive integer", 422)
    if (amount > remaining) throw invalid("amount", `Refund amount exceeds the refundable ${remaining}`, 422)
    const refund = {
      id: komojuId(),
      resource: "refund" as const,
      amount,
      currency: payment.currency,
      payment: payment.id,
      description: text(params.description) ?? null,
      created_at: komojuTime(this.clock.now()),
      chargeback: false,
    }
    payment.refunds.push(refund)
    payment.amount_refunded += amount
    if (payment.amount_refunded === payment.total) payment.status = "refunded"
    this.store.save()
    this.emit("payment.refund.created", payment)
    if (payment.status === "refunded") this.emit("payment.refunded", payment)
    return payment
  }

  cancelPayment(paymentId: string): Payment {
    const payment = this.payment(paymentId)
    if (payment.status !== "pending" && payment.status !== "authorized") {
      throw new ApiError(422, "not_cancellable", `Payment ${payment.id} cannot be cancelled (${payment.status})`)
    }
    payment.status = "cancelled"
    this.store.save()
    this.emit("payment.cancelled", payment)
    return payment
  }

  /** The deadline passed (control API or the clock): what waited for cash lapses. */
  expire(paymentId: string): Payment {
    const payment = this.payment(paymentId)
    if (payment.status !== "authorized" && payment.status !== "pending") {
      throw new ApiError(422, "unprocessable_entity", `Payment ${payment.id} cannot expire (${payment.status})`)
    }
    payment.status = "expired"
    this.store.save()
    this.emit("payment.expired", payment)
    return payment
  }

  fail(paymentId: string): Payment {
    const payment = this.payment(paymentId)
    if (payment.status !== "pending" && payment.status !== "authorized") {
      throw new ApiError(422, "unprocessable_entity", `Payment ${payment.id} cannot fail (${payment.status})`)
    }
    payment.status = "failed"
    this.store.save()
    this.emit("payment.failed", payment)
    return payment
  }

  /** After the clock moves: cash payments past their deadline expire. */
  expireOverdue(): Payment[] {
    const now = this.clock.now().getTime()
    const overdue = [...this.store.payments.values()].filter(
      (p) => p.status === "authorized" && p.payment_deadline && Date.parse(p.payment_deadline) < now
    )
    return overdue.map((payment) => this.expire(payment.id))
  }

  listPayments(filter: { external_order_num?: string; status?: string }): Payment[] {
    return [...this.store.payments.values()].filter(
      (p) =>
        (!filter.external_order_num || p.external_order_num === filter.external_order_num) &&
        (!filter.status || p.status === filter.status)
    )
  }

  private newPayment(session: Session, status: Payment["status"], details: PaymentDetails, deadline: string | null): Payment {
    const now = komojuTime(this.clock.now())
    const payment: Payment = {
      id: komojuId(),
      resource: "payment",
      status,
      amount: session.amount,
      tax: 0,
      customer: null,
      payment_deadline: deadline,
      payment_details: details,
      payment_method_fee: 0,
      total: session.amount,
      currency: session.currency,
      description: null,
      captured_at: status === "captured" ? now : null,
      external_order_num: session.payment_data.external_order_num,
      metadata: session.metadata,
      created_at: now,
      amount_refunded: 0,
      locale: session.default_locale,
      session: session.id,
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
}

function cashDetails(type: string, store: string | undefined, publicUrl: string): Record<string, unknown> {
  const instructions = `${publicUrl}/instructions/${komojuId()}`
  if (type === "konbini") {
    return {
      store: store && KONBINI_BRANDS[store] ? store : "seven-eleven",
      receipt: digits(13),
      confirmation_code: store === "seven-eleven" || !store ? null : digits(6),
      instructions_url: instructions,
    }
  }
  if (type === "bank_transfer") {
    return {
      bank_name: "サンドボックス銀行",
      branch_name: "本店",
      account_type: "普通",
      account_number: digits(7),
      account_name: "コモジュ サンドボックス",
      order_id: digits(8),
      instructions_url: instructions,
    }
  }
  return { bank_id: "58191", customer_id: digits(12), confirmation_id: digits(8), instructions_url: instructions }
}

function cardBrand(number: string): string {
  if (number.startsWith("4")) return "visa"
  if (/^5[1-5]/.test(number)) return "master"
  if (/^3[47]/.test(number)) return "american_express"
  if (number.startsWith("35")) return "jcb"
  return "unknown"
}

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value)
  return typeof value === "string" && value.trim() ? value.trim() : undefined
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  if (typeof value === "string") return value ? [value] : []
  throw invalid("payment_types", "payment_types must be a list")
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {}
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
}

export function isLuhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false
  let sum = 0
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}
