import type { Params } from "./body"
import { cardBrand, validateCard, type ValidCard } from "./card"
import { komojuTime, type Clock } from "./clock"
import type { SandboxConfig } from "./config"
import { ErrorCode, EventType, LIMITS } from "./constants"
import { isCurrency } from "./currencies"
import { ApiError, invalidParameter, notFound } from "./errors"
import { komojuId } from "./ids"
import type { Store } from "./store"
import type { Customer, CustomerList, CustomerRecord, CustomerSource, ExternalCustomerRecord } from "./types"
import { listTime, pageNumber, parseMetadata, text } from "./validation"

export type EmitCustomer = (type: EventType, customer: Customer) => void

export type CustomersDeps = {
  store: Store
  clock: Clock
  config: () => SandboxConfig
  emit: EmitCustomer
}

/** A saved source and the card number the sandbox keeps beside it (null for PayPay). */
export type SavedMethod = { source: CustomerSource; cardNumber: string | null }

export type CustomerListQuery = { start_time?: string; end_time?: string; page?: string; per_page?: string; expiration?: string }

/** The card fields of a saved source (komoju-node-sdk `models/customer-source.ts`). */
export function cardSource(card: ValidCard, type = "credit_card"): CustomerSource {
  return { type, brand: cardBrand(card.number), last_four_digits: card.number.slice(-4), month: card.month, year: card.year }
}

/** A saved PayPay account: the SDK's source knows cards only, so the card fields are null. */
export function walletSource(type: string): CustomerSource {
  return { type, brand: null, last_four_digits: null, month: null, year: null }
}

const CARD_TYPES = ["credit_card", "credit_card_korea", "credit_card_brazil"]

/**
 * `payment_details` of a customer request (SDK `PaymentDetailsOnlyCreditCards`): a card's
 * `type`, `number`, `month`, `year`, optional `verification_value`. Errors name the field.
 */
export function parseCardDetails(value: unknown, now: Date, param = "payment_details"): { card: ValidCard; type: string; email: string | null } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalidParameter(param, `${param} must be an object (a credit card's details)`)
  const details = value as Record<string, unknown>
  const type = text(details.type) ?? "credit_card"
  if (!CARD_TYPES.includes(type)) throw invalidParameter(`${param}[type]`, `${param}[type] must be one of ${CARD_TYPES.join(", ")}`)
  const number = text(details.number)
  if (!number) throw new ApiError(400, ErrorCode.MissingParameter, `A required parameter (${param}[number]) is missing`, `${param}[number]`, "parameter")
  const month = Number(details.month)
  let year = Number(details.year)
  if (details.month === undefined || details.year === undefined) {
    const missing = details.month === undefined ? "month" : "year"
    throw new ApiError(400, ErrorCode.MissingParameter, `A required parameter (${param}[${missing}]) is missing`, `${param}[${missing}]`, "parameter")
  }
  // The SDK: a year below 100 is two digits of the current century.
  if (Number.isInteger(year) && year < 100) year += Math.floor(now.getUTCFullYear() / 100) * 100
  const cvc = details.verification_value === undefined ? undefined : String(details.verification_value)
  const checked = validateCard({ number, month, year, cvc }, now)
  if ("invalid" in checked) {
    const field = checked.invalid === "number" ? "number" : checked.invalid === "cvc" ? "verification_value" : "month"
    throw invalidParameter(`${param}[${field}]`, `${param}[${field}] is not valid`)
  }
  const email = text(details.email) ?? null
  return { card: checked.card, type, email }
}

/**
 * KOMOJU customers (`/customers`, komoju-node-sdk `api/subscriptions-api.ts`): one saved
 * payment source each, served without the card number; and the hosted page's one-click
 * memory per external_customer_id (`DELETE /external_customers/:id`).
 */
export class Customers {
  constructor(private readonly deps: CustomersDeps) {}

  view(record: CustomerRecord): Customer {
    return {
      id: record.id,
      resource: "customer",
      email: record.email,
      source: record.source ? { ...record.source } : null,
      metadata: { ...record.metadata },
      created_at: record.created_at,
    }
  }

  get(id: string): CustomerRecord {
    const customer = this.deps.store.customers.get(id)
    if (!customer) throw notFound(`Customer ${id}`)
    return customer
  }

  has(id: string): boolean {
    return this.deps.store.customers.has(id)
  }

  /** `POST /customers`: `payment_details` (a card), `email`, `metadata`, `currency`, all optional. */
  create(params: Params): CustomerRecord {
    const fields = this.parse(params)
    const record = this.insert({ email: fields.email ?? fields.cardEmail ?? null, metadata: fields.metadata ?? {}, currency: fields.currency ?? null, externalCustomerId: null })
    if (fields.saved) this.applySource(record, fields.saved)
    this.deps.store.save()
    this.deps.emit(EventType.CustomerCreated, this.view(record))
    return record
  }

  /** A customer-mode session without `customer_id` makes one at once (KOMOJU's guide: the session holds its `customer_id`), without a source. */
  createForSession(email: string | null, externalCustomerId: string | null): CustomerRecord {
    const record = this.insert({ email, metadata: {}, currency: null, externalCustomerId })
    this.deps.store.save()
    this.deps.emit(EventType.CustomerCreated, this.view(record))
    return record
  }

  /** `PATCH /customers/:id`: a new card replaces the source; `metadata` is replaced whole. */
  update(id: string, params: Params): CustomerRecord {
    const record = this.get(id)
    const fields = this.parse(params)
    if (fields.email !== undefined) record.email = fields.email
    if (fields.metadata !== undefined) record.metadata = fields.metadata
    if (fields.currency !== undefined) record.currency = fields.currency
    if (fields.saved) this.applySource(record, fields.saved)
    this.deps.store.save()
    this.deps.emit(EventType.CustomerUpdated, this.view(record))
    return record
  }

  /** `DELETE /customers/:id`: the stored details are erased; the answer is the customer as it was. */
  delete(id: string): Customer {
    const record = this.get(id)
    const served = this.view(record)
    this.deps.store.customers.delete(id)
    if (this.deps.config().customer_delete_erases_one_click && record.external_customer_id) this.deps.store.externalCustomers.delete(record.external_customer_id)
    this.deps.store.save()
    this.deps.emit(EventType.CustomerDeleted, served)
    return served
  }

  /** `GET /customers`: newest first; `expiration` (MMYY) keeps cards expiring then. */
  list(query: CustomerListQuery): CustomerList {
    const perPage = pageNumber(query.per_page, "per_page", LIMITS.listPerPageDefault)
    if (perPage > LIMITS.listPerPageMax) throw invalidParameter("per_page", `per_page must be at most ${LIMITS.listPerPageMax}`)
    const page = pageNumber(query.page, "page", 1)
    const from = listTime(query.start_time, "start_time")
    const to = listTime(query.end_time, "end_time")
    let expiration: { month: number; year: number } | null = null
    if (query.expiration) {
      const match = query.expiration.match(/^(\d{2})(\d{2})$/)
      if (!match || Number(match[1]) < 1 || Number(match[1]) > 12) throw invalidParameter("expiration", "expiration must be MMYY")
      expiration = { month: Number(match[1]), year: 2000 + Number(match[2]) }
    }
    const matching = [...this.deps.store.customers.values()].reverse().filter((c) => {
      const created = Date.parse(c.created_at)
      const expires = !expiration || (c.source?.month === expiration.month && (c.source?.year === expiration.year || c.source?.year === expiration.year % 100))
      return expires && (from === null || created >= from) && (to === null || created <= to)
    })
    return {
      resource: "customer_list",
      data: matching.slice((page - 1) * perPage, page * perPage).map((c) => this.view(c)),
      start_time: query.start_time || null,
      end_time: query.end_time || null,
      total: matching.length,
      page,
      per_page: perPage,
      last_page: Math.max(1, Math.ceil(matching.length / perPage)),
    }
  }

  /** A session completed in a customer mode saved what the shopper entered: customer.updated (the customer is usable from then on). */
  saveFromSession(id: string, saved: SavedMethod, email: string | null, externalCustomerId: string | null): CustomerRecord {
    const record = this.get(id)
    this.applySource(record, saved)
    if (email && !record.email) record.email = email
    if (externalCustomerId) record.external_customer_id = externalCustomerId
    this.deps.store.save()
    this.deps.emit(EventType.CustomerUpdated, this.view(record))
    return record
  }

  /** The one-click card or PayPay remembered for an external_customer_id, if any. */
  oneClick(externalCustomerId: string | null | undefined): ExternalCustomerRecord | null {
    return externalCustomerId ? (this.deps.store.externalCustomers.get(externalCustomerId) ?? null) : null
  }

  /** Remembers (or replaces) what an external customer paid with, for the hosted page's next visit. */
  remember(externalCustomerId: string, saved: SavedMethod): ExternalCustomerRecord {
    const now = komojuTime(this.deps.clock.now())
    const existing = this.deps.store.externalCustomers.get(externalCustomerId)
    const record: ExternalCustomerRecord = {
      id: existing?.id ?? komojuId(),
      external_customer_id: externalCustomerId,
      source: { ...saved.source },
      card_number: saved.cardNumber,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    }
    this.deps.store.externalCustomers.set(externalCustomerId, record)
    this.deps.store.save()
    return record
  }

  /** `DELETE /external_customers/:id`, by the merchant's external_customer_id or KOMOJU's id of it: `{id}`. */
  deleteExternal(id: string): { id: string } {
    const store = this.deps.store.externalCustomers
    const record = store.get(id) ?? [...store.values()].find((r) => r.id === id)
    if (!record) throw notFound(`External customer ${id}`)
    store.delete(record.external_customer_id)
    this.deps.store.save()
    return { id: record.id }
  }

  private insert(fields: { email: string | null; metadata: Record<string, string>; currency: string | null; externalCustomerId: string | null }): CustomerRecord {
    const record: CustomerRecord = {
      id: komojuId(),
      resource: "customer",
      email: fields.email,
      source: null,
      metadata: fields.metadata,
      created_at: komojuTime(this.deps.clock.now()),
      card_number: null,
      external_customer_id: fields.externalCustomerId,
      currency: fields.currency,
    }
    this.deps.store.customers.set(record.id, record)
    return record
  }

  private applySource(record: CustomerRecord, saved: SavedMethod): void {
    record.source = { ...saved.source }
    record.card_number = saved.cardNumber
  }

  private parse(params: Params): { email?: string | null; cardEmail?: string | null; metadata?: Record<string, string>; currency?: string | null; saved?: SavedMethod } {
    const out: ReturnType<Customers["parse"]> = {}
    if (params.email !== undefined) {
      const email = text(params.email) ?? null
      if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) throw invalidParameter("email", "email is not an e-mail address")
      out.email = email
    }
    if (params.metadata !== undefined) out.metadata = parseMetadata(params.metadata)
    if (params.currency !== undefined && params.currency !== null && params.currency !== "") {
      const currency = String(params.currency)
      if (!isCurrency(currency)) throw new ApiError(422, ErrorCode.InvalidCurrency, `${currency} is not a supported currency (ISO 4217, upper case)`, "currency")
      out.currency = currency
    }
    if (params.payment_details !== undefined && params.payment_details !== null && params.payment_details !== "") {
      const { card, type, email } = parseCardDetails(params.payment_details, this.deps.clock.now())
      out.saved = { source: cardSource(card, type), cardNumber: card.number }
      out.cardEmail = email
    }
    return out
  }
}
