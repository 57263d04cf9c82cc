import type { Params } from "./body"
import { declineReason, validateCard, type CardField, type CardInput, type ValidCard } from "./card"
import type { SandboxConfig } from "./config"
import { addSeconds, endOfJapanDayAfter, komojuTime, type Clock } from "./clock"
import { CaptureMode, ErrorCode, EventType, isDeclineReason, PaymentStatus, SessionStatus, type DeclineReason } from "./constants"
import { ApiError, invalidParameter, notFound, unprocessable, wrongState } from "./errors"
import { komojuId } from "./ids"
import { buildPaymentDetails } from "./payment-details"
import { isCashType, isKonbiniStore, isPaymentType, PAYMENT_TYPES, type KonbiniStore, type PaymentTypeCode } from "./payment-types"
import type { EmitEvent, Payments } from "./payments"
import { chargeCurrency, chargeFor, paymentMethodEntry } from "./pricing"
import type { Store } from "./store"
import { cardSource, walletSource, type Customers, type SavedMethod } from "./customers"
import type { ExternalCustomerRecord, Payment, Session, SessionRecord } from "./types"
import { validateSessionInput } from "./validation"

/** What the customer chose on the hosted page (or a test, through the control API). */
export type PaymentChoice = {
  type: string
  card?: CardInput
  store?: string
  email?: string
  /** Pay with the card (or PayPay) the hosted page remembers for the session's external_customer_id. */
  saved?: boolean
  /** Payment mode with an external_customer_id: remember what was used for next time (default true). */
  save?: boolean
}

/** The payment made (null in customer mode, which saves without paying), and why it was declined (null when it went through). */
export type PayResult = { payment: Payment | null; declined: DeclineReason | null }

/** Saved methods that can be charged (a card or PayPay). */
const SAVEABLE = ["credit_card", "paypay"]

/** A card the form should have refused: the hosted page shows which field is wrong. */
export class InvalidCardError extends ApiError {
  constructor(readonly field: CardField) {
    super(400, ErrorCode.InvalidParameter, `The card ${field} is not valid`, `card[${field}]`)
  }
}

export type SessionsDeps = {
  store: Store
  clock: Clock
  payments: Payments
  customers: Customers
  emit: EmitEvent
  publicUrl: () => string
  config: () => SandboxConfig
}

/** Sessions (KOMOJU's hosted page checkouts): creation, what the customer does, the merchant's cancel. */
export class Sessions {
  constructor(private readonly deps: SessionsDeps) {}

  create(params: Params, scenario: string | null): SessionRecord {
    const { store, clock } = this.deps
    const config = this.deps.config()
    const input = validateSessionInput(params, {
      enabledPaymentTypes: config.enabled_payment_types,
      chargeCurrency: (type, currency) => chargeCurrency(type, currency, config),
      isOrderNumberTaken: (orderNumber) => store.orderNumbers.has(orderNumber),
      lineItemsTotal: config.line_items_total,
      paidyRequiresShippingAddress: config.paidy_requires_shipping_address,
      customerModesRequireExternalCustomerId: config.customer_modes_require_external_customer_id,
      customerExists: (id) => this.deps.customers.has(id),
    })
    const now = clock.now()
    const id = komojuId()
    const session: SessionRecord = {
      id,
      resource: "session",
      mode: input.mode,
      amount: input.amount,
      currency: input.currency,
      session_url: `${this.deps.publicUrl()}/sessions/${id}`,
      return_url: input.returnUrl,
      default_locale: input.locale,
      payment_methods: input.paymentTypes.map((type) => paymentMethodEntry(type, input.amount, input.currency, config)),
      payment: null,
      payment_data: input.paymentData,
      metadata: input.metadata,
      ...(input.lineItems ? { line_items: input.lineItems } : {}),
      status: SessionStatus.Pending,
      email: input.email,
      expires_at: komojuTime(addSeconds(now, input.expiresInSeconds)),
      created_at: komojuTime(now),
      completed_at: null,
      cancelled_at: null,
      scenario,
      tax_rate: config.tax_rate,
      external_customer_id: input.externalCustomerId,
    }
    if (input.mode !== "payment") {
      // KOMOJU's customer guide: the session holds its customer_id from the start; the
      // customer is usable once the session completes (customer.updated).
      session.customer_id = input.customerId ?? this.deps.customers.createForSession(input.email, input.externalCustomerId).id
    }
    if (input.paymentData.external_order_num) store.orderNumbers.add(input.paymentData.external_order_num)
    store.sessions.set(id, session)
    store.save()
    return session
  }

  get(id: string): SessionRecord {
    const session = this.deps.store.sessions.get(id)
    if (!session) throw notFound(`Session ${id}`)
    return session
  }

  /** KOMOJU keeps an unpaid session `pending` after it lapses and says so with `expired`. */
  isExpired(session: SessionRecord): boolean {
    return session.status === SessionStatus.Pending && this.deps.clock.now().getTime() > Date.parse(session.expires_at)
  }

  /** The session as KOMOJU serves it: the payment inline, `expired` computed. */
  view(session: SessionRecord): Session {
    return {
      id: session.id,
      resource: "session",
      mode: session.mode,
      amount: session.amount,
      currency: session.currency,
      payment: session.payment ? (this.deps.store.payments.get(session.payment) ?? null) : null,
      session_url: session.session_url,
      return_url: session.return_url,
      default_locale: session.default_locale,
      payment_methods: session.payment_methods,
      payment_data: session.payment_data,
      metadata: session.metadata,
      ...(session.line_items ? { line_items: session.line_items } : {}),
      ...(session.customer_id ? { customer_id: session.customer_id } : {}),
      created_at: session.created_at,
      cancelled_at: session.cancelled_at,
      completed_at: session.completed_at,
      status: session.status,
      expired: this.isExpired(session),
    }
  }

  /**
   * The merchant's `POST /sessions/:id/cancel`, or the customer's "back to merchant".
   * Cancelling a cancelled session is a no-op; a completed one belongs to its payment.
   */
  cancel(id: string, by: "merchant" | "customer"): SessionRecord {
    const session = this.get(id)
    if (session.status === SessionStatus.Cancelled) return session
    if (session.status === SessionStatus.Completed) {
      if (by === "customer") return session
      throw wrongState(ErrorCode.NotCancellable, `Session ${id} is completed; cancel its payment instead`)
    }
    session.status = SessionStatus.Cancelled
    session.cancelled_at = komojuTime(this.deps.clock.now())
    this.deps.store.save()
    return session
  }

  /**
   * The customer pays. A declined attempt leaves the session pending, holding the
   * declined payment (stored `failed`, reported `pending` under today's API) until a
   * retry replaces it: the page lets the customer try again, or go back to the merchant,
   * which cancels the session with that payment in it. Anything else completes it.
   */
  /** What the hosted page offers to pay with in one click: the external customer's saved card or PayPay, if the session offers that method. */
  savedMethod(session: SessionRecord): ExternalCustomerRecord | null {
    if (session.mode === "customer") return null
    const saved = this.deps.customers.oneClick(session.external_customer_id)
    if (!saved || !session.payment_methods.some((m) => m.type === saved.source.type)) return null
    return saved
  }

  pay(id: string, choice: PaymentChoice): PayResult {
    const { clock, store, payments } = this.deps
    const session = this.get(id)
    if (session.status !== SessionStatus.Pending || this.isExpired(session)) {
      throw unprocessable(`Session ${id} can no longer be paid (${this.isExpired(session) ? "expired" : session.status})`)
    }
    let savedCardNumber: string | null = null
    if (choice.saved) {
      const saved = this.savedMethod(session)
      if (!saved) throw unprocessable(`Session ${id} has no saved payment method to use`, "use_saved_payment_method")
      choice = { ...choice, type: saved.source.type }
      savedCardNumber = saved.card_number
    }
    const type = choice.type
    if (!isPaymentType(type) || !session.payment_methods.some((method) => method.type === type)) {
      throw new ApiError(422, ErrorCode.InvalidPaymentType, `${type} is not offered by session ${id}`, "payment_type")
    }
    const rule = PAYMENT_TYPES[type]
    const now = clock.now()
    let card: ValidCard | undefined
    if (rule.kind === "card" && savedCardNumber) {
      const saved = this.savedMethod(session)!
      card = { number: savedCardNumber, month: saved.source.month ?? 12, year: saved.source.year ?? now.getUTCFullYear() + 3 }
    } else if (rule.kind === "card") {
      const checked = validateCard(choice.card ?? { number: "" }, now)
      if ("invalid" in checked) throw new InvalidCardError(checked.invalid)
      card = checked.card
    }
    let konbiniStore: KonbiniStore | undefined
    if (choice.store !== undefined && choice.store !== "") {
      if (!isKonbiniStore(choice.store)) throw invalidParameter("store", `${choice.store} is not a konbini chain KOMOJU offers`)
      konbiniStore = choice.store
    }
    // KOMOJU: a scenario given at session creation makes every later attempt fail.
    const declined = isDeclineReason(session.scenario) ? session.scenario : card ? declineReason(card.number) : null
    const email = choice.email?.trim() || session.email
    const saved: SavedMethod | null = SAVEABLE.includes(type) ? { source: card ? cardSource(card, type) : walletSource(type), cardNumber: card?.number ?? null } : null

    if (session.mode === "customer") {
      // Saves without paying; a card the issuer refuses is not saved (the sandbox's choice).
      if (declined) return { payment: null, declined }
      this.complete(session, saved, email, choice)
      return { payment: null, declined: null }
    }

    const status = declined ? PaymentStatus.Failed : statusAfterPayment(type, session.payment_data.capture)
    const paymentId = komojuId()
    const deadline = isCashType(type) && !declined ? komojuTime(endOfJapanDayAfter(now, this.deps.config().expiry_days[type])) : null
    const details = buildPaymentDetails({
      type,
      paymentId,
      email,
      card,
      store: konbiniStore,
      publicUrl: this.deps.publicUrl(),
      deadline,
    })
    const method = session.payment_methods.find((m) => m.type === type)!
    const payment = payments.create(session, chargeFor(session, method), paymentId, status, details, deadline, session.customer_id ?? null)
    session.payment = payment.id
    if (!declined) {
      session.status = SessionStatus.Completed
      session.completed_at = komojuTime(now)
    }
    store.save()
    const event = declined
      ? this.deps.config().payment_failed_on_decline
        ? EventType.PaymentFailed
        : null
      : status === PaymentStatus.Captured
        ? EventType.PaymentCaptured
        : EventType.PaymentAuthorized
    if (event) this.deps.emit(event, payment, declined)
    if (!declined) this.saveAfterPayment(session, saved, email, choice)
    return { payment, declined }
  }

  /** Customer mode: the session completes with the method saved to its customer (customer.updated). */
  private complete(session: SessionRecord, saved: SavedMethod | null, email: string | null, choice: PaymentChoice): void {
    session.status = SessionStatus.Completed
    session.completed_at = komojuTime(this.deps.clock.now())
    this.deps.store.save()
    this.saveAfterPayment(session, saved, email, choice)
  }

  /**
   * What a completed session saves: the customer modes save to the session's customer
   * (customer.updated), and with an external_customer_id the hosted page remembers the
   * method for one-click (in payment mode unless the shopper unticked it).
   */
  private saveAfterPayment(session: SessionRecord, saved: SavedMethod | null, email: string | null, choice: PaymentChoice): void {
    if (!saved) return
    const external = session.external_customer_id ?? null
    if (session.mode !== "payment" && session.customer_id && this.deps.customers.has(session.customer_id)) {
      this.deps.customers.saveFromSession(session.customer_id, saved, email, external)
    }
    if (external && (session.mode !== "payment" || choice.save !== false)) this.deps.customers.remember(external, saved)
  }
}

/** Cards follow the session's capture mode; cash waits for the customer; wallets settle at once. */
function statusAfterPayment(type: PaymentTypeCode, capture: string): Payment["status"] {
  const kind = PAYMENT_TYPES[type].kind
  if (kind === "cash") return PaymentStatus.Authorized
  if (kind === "card" && capture === CaptureMode.Manual) return PaymentStatus.Authorized
  return PaymentStatus.Captured
}

/**
 * `return_url?session_id=…`, appended as text rather than through URL so the merchant's
 * URL comes back exactly as given (no added slash, query and fragment kept).
 */
export function returnUrlFor(session: { id: string; return_url: string }): string {
  const [beforeHash, ...hash] = session.return_url.split("#")
  const separator = beforeHash.includes("?") ? (/[?&]$/.test(beforeHash) ? "" : "&") : "?"
  const fragment = hash.length ? `#${hash.join("#")}` : ""
  return `${beforeHash}${separator}session_id=${encodeURIComponent(session.id)}${fragment}`
}
