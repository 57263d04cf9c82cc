import type { Params } from "./body"
import { declineReason, TEST_CARDS } from "./card"
import { komojuTime, type Clock } from "./clock"
import { DeclineReason, ErrorCode } from "./constants"
import { isCurrency } from "./currencies"
import { parseCardDetails, type Customers } from "./customers"
import { ApiError, invalidParameter, missingParameter, notFound, unacceptableParameter, unprocessable } from "./errors"
import { komojuId } from "./ids"
import type { Store } from "./store"
import type { SecureToken, SecureTokenRecord } from "./types"
import { parseMinorAmount, text } from "./validation"

/** KOMOJU's 3-D Secure challenge test cards (passwords 123456 / 111111 at KOMOJU): they need the challenge. */
export const CHALLENGE_CARDS: readonly string[] = [
  TEST_CARDS.threeDSecureChallengeSuccess,
  "5100000000005007",
  "3528000000005006",
  TEST_CARDS.threeDSecureChallengeFailure,
  "5100000000300002",
  "3528000000300001",
]

export type SecureTokensDeps = { store: Store; clock: Clock; customers: Customers; publicUrl: () => string }

/**
 * Secure tokens (`POST /secure_tokens`, komoju-node-sdk `api/secure-tokens-api.ts`): 3-D
 * Secure for a card, or a saved customer's card, outside a session. The shopper passes it
 * at `authentication_url` (here a page with Pass / Fail), comes back to `return_url`, and
 * the merchant pays with the token's id as `payment_details`.
 */
export class SecureTokens {
  constructor(private readonly deps: SecureTokensDeps) {}

  view(record: SecureTokenRecord): SecureToken {
    return { id: record.id, created_at: record.created_at, verification_status: record.verification_status, authentication_url: record.authentication_url }
  }

  get(id: string): SecureTokenRecord {
    const token = this.deps.store.secureTokens.get(id)
    if (!token) throw notFound(`Secure token ${id}`)
    return token
  }

  /** SDK `CreateSecureTokenRequestWithCustomer` (`amount`, `currency`, `customer`, `return_url`) or `…WithPaymentDetails` (a card). */
  create(params: Params): SecureTokenRecord {
    if (params.amount === undefined || params.amount === "") throw missingParameter("amount")
    const currency = text(params.currency)
    if (!currency) throw missingParameter("currency")
    const returnUrl = text(params.return_url)
    if (!returnUrl) throw missingParameter("return_url")
    const customerId = text(params.customer) ?? null
    const hasDetails = params.payment_details !== undefined && params.payment_details !== null && params.payment_details !== ""
    if (!customerId && !hasDetails) throw missingParameter("customer")
    if (customerId && hasDetails) throw invalidParameter("customer", "Give customer or payment_details, not both")
    const amount = parseMinorAmount(params.amount, "amount")
    if (!/^https?:\/\/[^\s]+$/.test(returnUrl) || !URL.canParse(returnUrl)) throw invalidParameter("return_url", "return_url must be an absolute http(s) URL")
    if (!isCurrency(currency)) throw new ApiError(422, ErrorCode.InvalidCurrency, `${currency} is not a supported currency (ISO 4217, upper case)`, "currency")
    let card: { number: string; month: number; year: number }
    let email: string | null = null
    if (customerId) {
      const customer = this.deps.customers.has(customerId) ? this.deps.customers.get(customerId) : null
      if (!customer) throw new ApiError(404, ErrorCode.NotFound, `Customer ${customerId} was not found`, "customer")
      if (!customer.source || !customer.card_number || customer.source.month === null || customer.source.year === null) {
        throw unacceptableParameter("customer", `Customer ${customerId} has no saved card`)
      }
      card = { number: customer.card_number, month: customer.source.month, year: customer.source.year }
      email = customer.email
    } else {
      const parsed = parseCardDetails(params.payment_details, this.deps.clock.now())
      card = parsed.card
      email = parsed.email
    }
    const id = komojuId()
    const record: SecureTokenRecord = {
      id,
      created_at: komojuTime(this.deps.clock.now()),
      verification_status: "NEEDS_VERIFY",
      authentication_url: `${this.deps.publicUrl()}/three_d_secure_service/offsite?token=${id}`,
      amount,
      currency,
      return_url: returnUrl,
      customer: customerId,
      card_number: card.number,
      month: card.month,
      year: card.year,
      email,
      payment: null,
    }
    this.deps.store.secureTokens.set(id, record)
    this.deps.store.save()
    return record
  }

  /**
   * The shopper's answer at the 3-D Secure step: `OK` on Pass, `ERRORED` on Fail or for a
   * card whose 3-D Secure fails (KOMOJU's failing test cards). Answered once; again changes nothing.
   */
  verify(id: string, pass: boolean): SecureTokenRecord {
    const token = this.get(id)
    if (token.verification_status !== "NEEDS_VERIFY") return token
    const fails = declineReason(token.card_number) === DeclineReason.ThreeDSecureFailed
    token.verification_status = pass && !fails ? "OK" : "ERRORED"
    this.deps.store.save()
    return token
  }

  /** Where the shopper goes after the step: `return_url` with `secure_token_id`. */
  returnUrl(token: SecureTokenRecord): string {
    return appendQuery(token.return_url, "secure_token_id", token.id)
  }

  /** A token used as `payment_details`: verified, unused, for this amount and currency. */
  consume(id: string, amount: number, currency: string): SecureTokenRecord {
    const token = this.deps.store.secureTokens.get(id)
    if (!token) throw new ApiError(404, ErrorCode.NotFound, `Secure token ${id} was not found`, "payment_details")
    if (token.payment) throw unprocessable(`Secure token ${id} was already used by payment ${token.payment}`, "payment_details")
    if (token.verification_status !== "OK") throw unprocessable(`Secure token ${id} is not verified (${token.verification_status})`, "payment_details")
    if (token.amount !== amount) throw unacceptableParameter("amount", `amount ${amount} is not the secure token's ${token.amount}`)
    if (token.currency !== currency) throw unacceptableParameter("currency", `currency ${currency} is not the secure token's ${token.currency}`)
    return token
  }
}

/** `url` with `key=value` added, the rest of the URL kept as given. */
export function appendQuery(url: string, key: string, value: string): string {
  const [beforeHash, ...hash] = url.split("#")
  const separator = beforeHash.includes("?") ? (/[?&]$/.test(beforeHash) ? "" : "&") : "?"
  return `${beforeHash}${separator}${key}=${encodeURIComponent(value)}${hash.length ? `#${hash.join("#")}` : ""}`
}
