import type { Params } from "../body"
import type { CardField } from "../card"
import type { Controller } from "../control"
import { PaymentStatus, SessionStatus, type DeclineReason, type Locale } from "../constants"
import { ApiError } from "../errors"
import { isPaymentType, kindOf } from "../payment-types"
import { InvalidCardError, returnUrlFor, type PayResult, type Sessions } from "../sessions"
import type { SessionRecord } from "../types"
import { checkoutPage, sessionPath } from "./checkout-page"
import { dashboardPage } from "./dashboard"
import { pickLocale, translator, type StringKey } from "./i18n"
import { awaitingPage, closedPage, notFoundPage, payEasyOnlinePage, threeDSecurePage, walletPage } from "./result-pages"

export type PageResult = { status: number; html?: string; redirect?: string }

const CARD_ERRORS: Record<CardField, StringKey> = { number: "invalidNumber", expiry: "invalidExpiry", cvc: "invalidCvc" }
const DECLINE_MESSAGES: Record<DeclineReason, StringKey> = {
  insufficient_funds: "declinedInsufficientFunds",
  exceeds_limit: "declinedExceedsLimit",
  bad_verification_value: "declinedBadVerificationValue",
  card_expired: "declinedCardExpired",
  card_declined: "declinedCardDeclined",
  invalid_number: "declinedInvalidNumber",
  three_d_secure_failed: "declinedThreeDSecure",
}
const html = (status: number, page: string): PageResult => ({ status, html: page })
const redirect = (to: string): PageResult => ({ status: 303, redirect: to })

/** The pages KOMOJU serves to people: the hosted page at session_url, instructions, the dashboard stand-in. */
export function handlePage(sessions: Sessions, control: Controller, method: string, path: string, form: Params, query: URLSearchParams): PageResult | null {
  const requestedLocale = query.get("locale")
  let match: RegExpMatchArray | null
  if ((match = path.match(/^\/sessions\/([a-z0-9]+)(\/pay|\/back)?$/))) {
    const id = match[1]
    const session = find(() => sessions.get(id))
    if (!session) return html(404, notFoundPage(pickLocale(requestedLocale, "ja")))
    const locale = pickLocale(requestedLocale, session.default_locale)
    const action = match[2] ?? ""
    if (method === "POST" && action === "/back") {
      sessions.cancel(session.id, "customer")
      return redirect(returnUrlFor(session))
    }
    const closed = closedView(sessions, session, locale)
    if (closed) return method === "POST" ? redirect(sessionPath(session, "", locale)) : closed
    if (method === "GET" && action === "") return html(200, checkoutPage(session, locale, {}, sessions.savedMethod(session)))
    if (method === "POST" && action === "/pay") return pay(sessions, session, locale, form)
    return null
  }
  if (method === "GET" && (match = path.match(/^\/instructions\/([a-z0-9]+)$/))) {
    const id = match[1]
    const payment = find(() => control.payment(id))
    if (!payment || kindOf(payment.payment_details.type) !== "cash") return html(404, notFoundPage(pickLocale(requestedLocale, "ja")))
    return html(200, awaitingPage(null, payment, pickLocale(requestedLocale, payment.locale), null))
  }
  if ((match = path.match(/^\/pay_easy\/([a-z0-9]+)$/))) return payEasyOnline(control, method, match[1], requestedLocale)
  if (path === "/three_d_secure_service/offsite") return threeDSecure(control, method, query.get("token") ?? "", form, requestedLocale)
  if (method === "POST" && (match = path.match(/^\/admin\/payments\/([a-z0-9]+)\/refund_requests\/([a-z0-9]+)\/(complete|reject)$/))) {
    return dashboardRefundRequest(control, match[1], match[2], match[3] as "complete" | "reject")
  }
  if ((match = path.match(/^\/admin\/payments\/([a-z0-9]+)(\/refund|\/pay|\/expire)?$/))) {
    return dashboard(control, method, match[1], match[2] ?? "", form)
  }
  return null
}

/** A session that cannot be paid any more shows why; a cash payment still shows what to pay. */
function closedView(sessions: Sessions, session: SessionRecord, locale: Locale): PageResult | null {
  const returnTo = returnUrlFor(session)
  if (sessions.isExpired(session)) return html(200, closedPage(session, locale, "expired", returnTo))
  if (session.status === SessionStatus.Pending) return null
  if (session.status === SessionStatus.Cancelled) return html(200, closedPage(session, locale, "cancelled", returnTo))
  const payment = sessions.view(session).payment
  if (payment && payment.status === PaymentStatus.Authorized && kindOf(payment.payment_details.type) === "cash") {
    return html(200, awaitingPage(session, payment, locale, returnTo))
  }
  return html(200, closedPage(session, locale, "completed", returnTo))
}

function pay(sessions: Sessions, session: SessionRecord, locale: Locale, form: Params): PageResult {
  const t = translator(locale)
  const type = String(form.payment_type ?? "")
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]))
  const refuse = (status: number, message: string, field?: CardField | "email") =>
    html(status, checkoutPage(session, locale, { error: { type, message, field }, values }, sessions.savedMethod(session)))
  const save = values.save_offered === "1" ? values.save_payment_method === "1" : undefined
  if (type === "saved") {
    // One click: the card (or PayPay) remembered for the session's external_customer_id.
    const saved = sessions.savedMethod(session)
    if (!saved) return refuse(422, t("unavailable"))
    if (kindOf(saved.source.type) === "wallet" && form.confirmed !== "1") return html(200, walletPage(session, locale, "saved", {}, saved.source.type))
    let result: PayResult
    try {
      result = sessions.pay(session.id, { type: saved.source.type, saved: true, email: values.email?.trim() })
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) return refuse(error.status, error.message)
      throw error
    }
    if (result.declined) return refuse(402, t(kindOf(saved.source.type) === "card" ? DECLINE_MESSAGES[result.declined] : "failed"))
    return redirect(returnUrlFor(session))
  }
  if (!isPaymentType(type) || !session.payment_methods.some((m) => m.type === type)) return refuse(422, t("unavailable"))
  const kind = kindOf(type)
  if (kind === "wallet" && form.confirmed !== "1") {
    return html(200, walletPage(session, locale, type, values.save_offered === "1" ? { save_offered: "1", ...(save ? { save_payment_method: "1" } : {}) } : {}))
  }
  const email = values.email?.trim()
  if (kind === "cash" && !session.email && !(email && /^[^\s@]+@[^\s@]+$/.test(email))) return refuse(422, t("invalidEmail"), "email")
  const card = kind === "card" ? { number: values.card_number ?? "", expiry: values.expiry ?? "", cvc: values.cvc ?? "" } : undefined
  let result: PayResult
  try {
    result = sessions.pay(session.id, { type, card, store: values.store, email, save })
  } catch (error) {
    // The page names the wrong field, in the customer's language.
    if (error instanceof InvalidCardError) return refuse(422, t(CARD_ERRORS[error.field]), error.field)
    if (error instanceof ApiError && error.status < 500) return refuse(error.status, error.message)
    throw error
  }
  // Declined: the message says why, and the customer may try again (or go back to the merchant).
  if (result.declined) return refuse(402, t(kind === "card" ? DECLINE_MESSAGES[result.declined] : "failed"), kind === "card" ? "number" : undefined)
  return kind === "cash" ? redirect(sessionPath(session, "", locale)) : redirect(returnUrlFor(session))
}

/** A secure token's 3-D Secure step: Pass or Fail, then back to the token's return_url. */
function threeDSecure(control: Controller, method: string, id: string, form: Params, requestedLocale: string | null): PageResult | null {
  const token = find(() => control.secureToken(id))
  const locale = pickLocale(requestedLocale, "ja")
  if (!token) return html(404, notFoundPage(locale))
  if (method === "GET") return html(200, threeDSecurePage(token, locale, control.verifySecureTokenUrl(id)))
  if (method !== "POST") return null
  if (token.verification_status !== "NEEDS_VERIFY") return html(200, threeDSecurePage(token, locale, control.verifySecureTokenUrl(id)))
  return redirect(control.verifySecureToken(id, form.result !== "fail").redirect_url)
}

/** Pay-easy's online banking: paying there is the customer paying, as at an ATM. */
function payEasyOnline(control: Controller, method: string, id: string, requestedLocale: string | null): PageResult | null {
  const payment = find(() => control.payment(id))
  if (!payment || payment.payment_details.type !== "pay_easy") return html(404, notFoundPage(pickLocale(requestedLocale, "ja")))
  const locale = pickLocale(requestedLocale, payment.locale)
  if (method === "GET") return html(200, payEasyOnlinePage(payment, locale))
  if (method !== "POST") return null
  if (payment.status === PaymentStatus.Authorized) control.payPayment(id)
  return redirect(`/pay_easy/${encodeURIComponent(id)}?locale=${locale}`)
}

function dashboard(control: Controller, method: string, id: string, action: string, form: Params): PageResult | null {
  const payment = find(() => control.dashboardPayment(id))
  if (!payment) return html(404, notFoundPage("en"))
  if (method === "GET" && action === "") return html(200, dashboardPage(payment, null, control.refundable(id)))
  if (method !== "POST" || action === "") return null
  try {
    if (action === "/refund") control.refundPayment(id, { amount: form.amount === undefined || form.amount === "" ? undefined : Number(form.amount) })
    if (action === "/pay") control.payPayment(id)
    if (action === "/expire") control.expirePayment(id)
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return html(error.status, dashboardPage(control.dashboardPayment(id), error.message, control.refundable(id)))
    throw error
  }
  return redirect(`/admin/payments/${encodeURIComponent(id)}`)
}

/** KOMOJU's staff completing or rejecting a refund request, from the dashboard page. */
function dashboardRefundRequest(control: Controller, paymentId: string, requestId: string, action: "complete" | "reject"): PageResult {
  const payment = find(() => control.dashboardPayment(paymentId))
  const request = find(() => control.refundRequest(requestId))
  if (!payment || !request || request.payment !== paymentId) return html(404, notFoundPage("en"))
  try {
    if (action === "complete") control.completeRefundRequest(requestId)
    else control.rejectRefundRequest(requestId)
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return html(error.status, dashboardPage(control.dashboardPayment(paymentId), error.message, control.refundable(paymentId)))
    throw error
  }
  return redirect(`/admin/payments/${encodeURIComponent(paymentId)}`)
}

function find<T>(lookup: () => T): T | null {
  try {
    return lookup()
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
