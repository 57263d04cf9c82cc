import { KONBINI_BRANDS, PAYMENT_TYPES, ZERO_DECIMAL } from "../catalogue"
import type { Locale, Payment, Session } from "../types"
import { escapeHtml as e, layout } from "./html"
import { translator } from "./i18n"

type T = ReturnType<typeof translator>

export function formatAmount(amount: number, currency: string, locale: Locale): string {
  const major = ZERO_DECIMAL.has(currency) ? amount : amount / 100
  return new Intl.NumberFormat(locale === "ja" ? "ja-JP" : locale === "ko" ? "ko-KR" : "en-US", {
    style: "currency",
    currency,
  }).format(major)
}

function page(locale: Locale, t: T, title: string, body: string) {
  return layout(locale, title, body, t("sandbox"))
}

function header(session: Session, locale: Locale, t: T) {
  return `<h1>${e(t("title"))}</h1><div>${e(t("amount"))}</div>
<div class="amount" data-testid="amount">${e(formatAmount(session.amount, session.currency, locale))}</div>`
}

function backForm(session: Session, locale: Locale, t: T) {
  return `<form method="post" action="/sessions/${e(session.id)}/back?locale=${locale}">
<button class="secondary" type="submit" data-testid="back-to-merchant">${e(t("back"))}</button></form>`
}

/** The method picker: one plain form per payment type, so any browser or test can drive it. */
export function methodsPage(session: Session, locale: Locale, error: string | null): string {
  const t = translator(locale)
  const forms = session.payment_methods
    .map(({ type }) => {
      const name = PAYMENT_TYPES[type]?.names[locale] ?? type
      const action = `/sessions/${e(session.id)}/pay?locale=${locale}`
      const hidden = `<input type="hidden" name="payment_type" value="${e(type)}">`
      const kind = PAYMENT_TYPES[type]?.kind
      let fields = ""
      if (kind === "card") {
        fields = `<label for="card_number">${e(t("cardNumber"))}</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4111 1111 1111 1111" required data-testid="card-number">
<label for="card_expiry">${e(t("expiry"))}</label><input id="card_expiry" name="expiry" placeholder="12/30" required data-testid="card-expiry">
<label for="card_cvc">${e(t("cvc"))}</label><input id="card_cvc" name="cvc" placeholder="123" required data-testid="card-cvc">
<label for="card_name">${e(t("name"))}</label><input id="card_name" name="name" data-testid="card-name">`
      } else if (type === "konbini") {
        fields = `<label for="store">${e(t("store"))}</label><select id="store" name="store" data-testid="konbini-store">${Object.keys(KONBINI_BRANDS)
          .map((brand) => `<option value="${e(brand)}">${e(brand)}</option>`)
          .join("")}</select>`
      }
      if (kind === "cash" && !session.email) {
        fields += `<label for="email-${e(type)}">${e(t("email"))}</label><input id="email-${e(type)}" name="email" type="email" required data-testid="${e(type)}-email">`
      }
      const label = kind === "wallet" ? t("next") : t("pay")
      return `<fieldset data-testid="method-${e(type)}"><legend>${e(name)}</legend>
<form method="post" action="${action}">${hidden}${fields}<button type="submit" data-testid="pay-${e(type)}">${e(label)}</button></form></fieldset>`
    })
    .join("\n")
  const errorBox = error ? `<div class="error" role="alert" data-testid="payment-error">${e(error)}</div>` : ""
  return page(locale, t, t("title"), `${header(session, locale, t)}${errorBox}<p>${e(t("choose"))}</p>${forms}${backForm(session, locale, t)}`)
}

export function walletPage(session: Session, locale: Locale, type: string): string {
  const t = translator(locale)
  const name = PAYMENT_TYPES[type]?.names[locale] ?? type
  return page(
    locale,
    t,
    t("walletTitle"),
    `${header(session, locale, t)}<h1>${e(name)}: ${e(t("walletTitle"))}</h1><p>${e(t("walletText"))}</p>
<form method="post" action="/sessions/${e(session.id)}/pay?locale=${locale}">
<input type="hidden" name="payment_type" value="${e(type)}"><input type="hidden" name="confirmed" value="1">
<button type="submit" data-testid="wallet-approve">${e(t("approve"))}</button></form>${backForm(session, locale, t)}`
  )
}

export function awaitingPage(session: Session, payment: Payment, locale: Locale, returnTo: string): string {
  const t = translator(locale)
  const d = payment.payment_details
  const rows: [string, unknown, string][] = [
    [PAYMENT_TYPES[d.type]?.names[locale] ?? d.type, d.store ?? d.bank_name ?? "", "awaiting-method"],
    [t("receipt"), d.receipt ?? d.order_id ?? d.confirmation_id, "receipt"],
    [t("confirmation"), d.confirmation_code, "confirmation-code"],
    [t("account"), d.account_number ? `${d.branch_name} ${d.account_type} ${d.account_number} ${d.account_name}` : null, "account"],
    [t("customerNumber"), d.customer_id, "customer-number"],
    [t("deadline"), payment.payment_deadline, "deadline"],
  ]
  const list = rows
    .filter(([, value]) => value)
    .map(([label, value, id]) => `<dt>${e(label)}</dt><dd data-testid="${id}">${e(value)}</dd>`)
    .join("")
  return page(
    locale,
    t,
    t("awaitingTitle"),
    `${header(session, locale, t)}<h1 data-testid="awaiting-title">${e(t("awaitingTitle"))}</h1><p>${e(t("awaitingText"))}</p>
<dl>${list}</dl><p><a href="${e(d.instructions_url)}">${e(t("instructions"))}</a></p>
<a href="${e(returnTo)}"><button type="button" data-testid="return-to-shop">${e(t("returnToShop"))}</button></a>`
  )
}

export function closedPage(session: Session, locale: Locale, reason: "expired" | "completed" | "cancelled", returnTo: string): string {
  const t = translator(locale)
  return page(
    locale,
    t,
    t("closedTitle"),
    `<h1 data-testid="closed-title">${e(t("closedTitle"))}</h1><p data-testid="closed-reason">${e(t(reason))}</p>
<a href="${e(returnTo)}"><button type="button" class="secondary">${e(t("returnToShop"))}</button></a>`
  )
}

export function instructionsPage(locale: Locale): string {
  const t = translator(locale)
  return page(locale, t, t("instructions"), `<h1>${e(t("instructions"))}</h1><p>${e(t("awaitingText"))}</p>`)
}

/** A minimal stand-in for KOMOJU's dashboard page of one payment (linked from the admin). */
export function dashboardPage(payment: Payment): string {
  const t = translator("en")
  const refunds = payment.refunds.map((r) => `<li>${e(r.id)}: ${e(formatAmount(r.amount, r.currency, "en"))}</li>`).join("")
  return page(
    "en",
    t,
    `Payment ${payment.id}`,
    `<h1>Payment <span data-testid="dashboard-payment-id">${e(payment.id)}</span></h1>
<dl><dt>Status</dt><dd data-testid="dashboard-status">${e(payment.status)}</dd>
<dt>Amount</dt><dd>${e(formatAmount(payment.amount, payment.currency, "en"))}</dd>
<dt>Method</dt><dd>${e(payment.payment_details.type)}</dd>
<dt>Order</dt><dd>${e(payment.external_order_num)}</dd></dl><ul>${refunds}</ul>`
  )
}
