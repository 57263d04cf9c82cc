import { PAYMENT_TYPES } from "../catalogue"
import { returnUrlFor } from "../control"
import { ApiError } from "../errors"
import { isLuhnValid, type Ledger } from "../ledger"
import type { Params } from "../body"
import type { Locale } from "../types"
import { translator, pickLocale } from "./i18n"
import { awaitingPage, closedPage, dashboardPage, instructionsPage, methodsPage, walletPage } from "./pages"

export type PageResult = { status: number; html?: string; redirect?: string }

/** Test numbers that are not Luhn-valid but that KOMOJU's test mode knows. */
const TEST_CARDS = new Set(["4123111111111000"])

/** The hosted page at session_url, and the few other pages KOMOJU serves to people. */
export function handlePage(ledger: Ledger, method: string, path: string, params: Params, query: URLSearchParams): PageResult | null {
  let match: RegExpMatchArray | null
  if ((match = path.match(/^\/sessions\/([a-z0-9]+)(\/pay|\/back)?$/))) {
    const session = ledger.session(match[1])
    const locale = pickLocale(query.get("locale"), session.default_locale)
    const action = match[2]
    if (method === "POST" && action === "/back") {
      ledger.cancelSession(session.id, { byMerchant: false })
      return { status: 303, redirect: returnUrlFor(session) }
    }
    const closed = ledger.isExpired(session) ? "expired" : session.status === "pending" ? null : session.status
    if (closed) {
      const payment = session.payment ? ledger.payment(session.payment) : null
      if (payment?.status === "authorized" && PAYMENT_TYPES[payment.payment_details.type]?.kind === "cash") {
        return { status: 200, html: awaitingPage(session, payment, locale, returnUrlFor(session)) }
      }
      return { status: 200, html: closedPage(session, locale, closed, returnUrlFor(session)) }
    }
    if (method === "GET" && !action) return { status: 200, html: methodsPage(session, locale, null) }
    if (method === "POST" && action === "/pay") return pay(ledger, session.id, locale, params)
  }
  if (method === "GET" && (match = path.match(/^\/instructions\/[a-z0-9]+$/))) {
    return { status: 200, html: instructionsPage(pickLocale(query.get("locale"), "ja")) }
  }
  if (method === "GET" && (match = path.match(/^\/admin\/payments\/([a-z0-9]+)$/))) {
    return { status: 200, html: dashboardPage(ledger.payment(match[1])) }
  }
  return null
}

function pay(ledger: Ledger, sessionId: string, locale: Locale, params: Params): PageResult {
  const session = ledger.session(sessionId)
  const t = translator(locale)
  const type = String(params.payment_type ?? "")
  const kind = PAYMENT_TYPES[type]?.kind
  if (kind === "wallet" && params.confirmed !== "1") {
    return { status: 200, html: walletPage(session, locale, type) }
  }
  let cardNumber: string | undefined
  if (kind === "card") {
    cardNumber = String(params.card_number ?? "").replace(/[\s-]+/g, "")
    const expiry = String(params.expiry ?? "").match(/^(\d{1,2})\s*\/\s*(\d{2})$/)
    const cvc = String(params.cvc ?? "")
    const validNumber = isLuhnValid(cardNumber) || TEST_CARDS.has(cardNumber)
    if (!validNumber || !expiry || Number(expiry[1]) < 1 || Number(expiry[1]) > 12 || !/^\d{3,4}$/.test(cvc)) {
      return { status: 422, html: methodsPage(session, locale, t("invalidCard")) }
    }
  }
  try {
    const payment = ledger.pay(session.id, {
      type,
      card_number: cardNumber,
      store: params.store === undefined ? undefined : String(params.store),
      email: params.email === undefined ? undefined : String(params.email),
    })
    if (payment.status === "failed") {
      return { status: 402, html: methodsPage(ledger.session(session.id), locale, t("declined")) }
    }
    if (kind === "cash") {
      return { status: 200, html: awaitingPage(session, payment, locale, returnUrlFor(session)) }
    }
    return { status: 303, redirect: returnUrlFor(session) }
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, html: methodsPage(session, locale, error.message) }
    throw error
  }
}
