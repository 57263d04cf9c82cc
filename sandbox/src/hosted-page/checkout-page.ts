import type { CardField } from "../card"
import type { Locale } from "../constants"
import { isKonbiniStore, isPaymentType, kindOf, KONBINI_STORE_NAMES, PAYMENT_TYPES } from "../payment-types"
import { chargeFor } from "../pricing"
import type { CustomerSource, ExternalCustomerRecord, SessionRecord } from "../types"
import { formatAmount } from "./format"
import { escapeHtml as e, layout } from "./html"
import { translator, type Translate } from "./i18n"

/** What to show again after a refused submission: the message, the method, the values typed. */
export type CheckoutState = {
  error?: { type: string; message: string; field?: CardField | "email" }
  values?: Record<string, string>
}

export function sessionPath(session: SessionRecord, action: string, locale: Locale): string {
  return `/sessions/${encodeURIComponent(session.id)}${action}?locale=${locale}`
}

/** Amount (and the merchant's order number) at the top of every page of a session. */
export function summary(session: SessionRecord, locale: Locale, t: Translate): string {
  const order = session.payment_data.external_order_num
  return `<h1>${e(t("title"))}</h1><div>${e(t("amount"))}</div>
<div class="amount" data-testid="amount">${e(formatAmount(session.amount, session.currency, locale))}</div>
${order ? `<div class="order">${e(t("orderNumber"))}: <span data-testid="order-number">${e(order)}</span></div>` : ""}`
}

export function backToMerchantForm(session: SessionRecord, locale: Locale, t: Translate): string {
  return `<form method="post" action="${e(sessionPath(session, "/back", locale))}">
<button class="secondary" type="submit" data-testid="back-to-merchant">${e(t("back"))}</button></form>`
}

/** "Visa •••• 4242" for a saved card, the method's name for a saved wallet. */
export function sourceLabel(source: CustomerSource, locale: Locale): string {
  if (source.last_four_digits) {
    const brand = source.brand ? BRAND_NAMES[source.brand] ?? source.brand : translator(locale)("card")
    return `${brand} •••• ${source.last_four_digits}`
  }
  return isPaymentType(source.type) ? PAYMENT_TYPES[source.type].names[locale] : source.type
}

const BRAND_NAMES: Record<string, string> = { visa: "Visa", master: "Mastercard", jcb: "JCB", american_express: "American Express", diners_club: "Diners Club" }

/**
 * The hosted page: one plain form per offered method, so any browser or test can drive it.
 * With a saved method (one-click for the session's external_customer_id) it comes first,
 * preselected: one button pays with it, the other methods follow.
 */
export function checkoutPage(session: SessionRecord, locale: Locale, state: CheckoutState = {}, saved: ExternalCustomerRecord | null = null): string {
  const t = translator(locale)
  const forms = session.payment_methods.map((method) => methodForm(session, method.type, locale, t, state)).join("\n")
  const heading = session.mode === "customer" ? `<h2>${e(t("saveTitle"))}</h2><p class="hint" data-testid="save-intro">${e(t("saveIntro"))}</p>` : `<h2>${e(t("choose"))}</h2>`
  const one = saved ? `${savedForm(session, saved, locale, t, state)}<h2>${e(t("otherMethods"))}</h2>` : ""
  return layout({
    locale,
    title: session.mode === "customer" ? t("saveTitle") : t("title"),
    localeHref: (l) => sessionPath(session, "", l),
    body: `${summary(session, locale, t)}${lineItemList(session, locale, t)}${heading}${one}${forms}${backToMerchantForm(session, locale, t)}`,
  })
}

/** The one-click form: the saved card (brand, last four, expiry) or wallet, and one button. */
function savedForm(session: SessionRecord, saved: ExternalCustomerRecord, locale: Locale, t: Translate, state: CheckoutState): string {
  const label = sourceLabel(saved.source, locale)
  const isCard = Boolean(saved.source.last_four_digits)
  const expiry = isCard && saved.source.month && saved.source.year ? ` <span data-testid="saved-expiry">${e(String(saved.source.month).padStart(2, "0"))}/${e(String(saved.source.year).slice(-2))}</span>` : ""
  const error = state.error?.type === "saved" ? `<div class="error" role="alert" data-testid="payment-error">${e(state.error.message)}</div>` : ""
  const button = locale === "en" ? `${t("payWith")} ${label}` : `${label} ${t("payWith")}`
  return `<fieldset data-testid="method-saved"><legend>${e(isCard ? t("savedMethod") : t("savedWallet"))}</legend>${error}
<form method="post" action="${e(sessionPath(session, "/pay", locale))}"><input type="hidden" name="payment_type" value="saved">
<label><input type="radio" name="use_saved" value="1" checked data-testid="saved-method-radio"> <span data-testid="saved-method">${e(label)}</span>${expiry}</label>
<button type="submit" autofocus data-testid="pay-saved">${e(button)}</button></form></fieldset>`
}

/**
 * The session's line items above the methods: image, description × quantity, and the
 * line's amount (amount × quantity) in the session's currency. The image is the
 * merchant's own URL, the one asset of the page that is not the sandbox's.
 */
function lineItemList(session: SessionRecord, locale: Locale, t: Translate): string {
  const items = session.line_items
  if (!items?.length) return ""
  const rows = items
    .map((item) => {
      const image = item.image ? `<img src="${e(item.image)}" alt="" width="48" height="48" loading="lazy" data-testid="line-item-image">` : ""
      const amount = item.amount === undefined ? "" : `<span class="line-amount" data-testid="line-item-amount">${e(formatAmount(item.amount * item.quantity, session.currency, locale))}</span>`
      return `<li class="line-item" data-testid="line-item">${image}<span class="line-description" data-testid="line-item-description">${e(item.description ?? t("lineItem"))} × ${e(item.quantity)}</span>${amount}</li>`
    })
    .join("")
  return `<section class="line-items" aria-label="${e(t("lineItems"))}"><h2>${e(t("lineItems"))}</h2><ul data-testid="line-items">${rows}</ul></section>`
}

/** What the method charges when it is not the session's amount: a fee, tax, or another currency. */
function chargeLine(session: SessionRecord, type: string, locale: Locale, t: Translate): string {
  const method = session.payment_methods.find((m) => m.type === type)
  if (!method) return ""
  const charge = chargeFor(session, method)
  if (charge.total === session.amount && charge.currency === session.currency) return ""
  const fee = charge.payment_method_fee ? ` (${e(t("fee"))} ${e(formatAmount(charge.payment_method_fee, charge.currency, locale))})` : ""
  return `<p class="hint">${e(t("toPay"))}: <strong data-testid="charge-${e(type)}">${e(formatAmount(charge.total, charge.currency, locale))}</strong>${fee}</p>`
}

function methodForm(session: SessionRecord, type: string, locale: Locale, t: Translate, state: CheckoutState): string {
  if (!isPaymentType(type)) return ""
  const kind = kindOf(type)
  const mine = state.error?.type === type
  const values = mine ? (state.values ?? {}) : {}
  const invalid = (field: string) => (mine && state.error?.field === field ? ` aria-invalid="true"` : "")
  const error = mine && state.error ? `<div class="error" role="alert" data-testid="payment-error">${e(state.error.message)}</div>` : ""
  let fields = ""
  if (kind === "card") {
    fields = `<label for="card_number">${e(t("cardNumber"))}</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4111 1111 1111 1111" required value="${e(values.card_number)}"${invalid("number")} data-testid="card-number">
<label for="card_expiry">${e(t("expiry"))}</label>
<input id="card_expiry" name="expiry" autocomplete="cc-exp" placeholder="12/30" required value="${e(values.expiry)}"${invalid("expiry")} data-testid="card-expiry">
<label for="card_cvc">${e(t("cvc"))}</label>
<input id="card_cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required${invalid("cvc")} data-testid="card-cvc">
<label for="card_name">${e(t("cardName"))}</label>
<input id="card_name" name="name" autocomplete="cc-name" value="${e(values.name)}" data-testid="card-name">
<p class="hint">${e(t("testCards"))}</p>`
  } else if (type === "konbini") {
    const brands = Object.keys(session.payment_methods.find((m) => m.type === "konbini")?.brands ?? {}).filter(isKonbiniStore)
    const chosen = values.store && isKonbiniStore(values.store) ? values.store : brands[0]
    fields = `<label for="konbini-store">${e(t("store"))}</label>
<select id="konbini-store" name="store" data-testid="konbini-store">${brands
      .map((brand) => `<option value="${e(brand)}"${brand === chosen ? " selected" : ""}>${e(KONBINI_STORE_NAMES[brand][locale])}</option>`)
      .join("")}</select>`
  }
  if ((type === "credit_card" || type === "paypay") && session.external_customer_id) {
    // Payment mode asks; the customer modes save in any case.
    fields +=
      session.mode === "payment"
        ? `<input type="hidden" name="save_offered" value="1"><label><input type="checkbox" name="save_payment_method" value="1"${values.save_offered && !values.save_payment_method ? "" : " checked"} data-testid="save-payment-method-${e(type)}"> ${e(t("rememberMethod"))}</label>`
        : `<p class="hint" data-testid="saves-${e(type)}">${e(t("savesToo"))}</p>`
  }
  if (kind === "cash" && !session.email) {
    fields += `<label for="email-${e(type)}">${e(t("email"))}</label>
<input id="email-${e(type)}" name="email" type="email" autocomplete="email" required value="${e(values.email)}"${invalid("email")} data-testid="${e(type)}-email">`
  }
  const label = kind === "wallet" ? t("next") : session.mode === "customer" ? t("saveButton") : t("pay")
  return `<fieldset data-testid="method-${e(type)}"><legend>${e(PAYMENT_TYPES[type].names[locale])}</legend>${chargeLine(session, type, locale, t)}${error}
<form method="post" action="${e(sessionPath(session, "/pay", locale))}"><input type="hidden" name="payment_type" value="${e(type)}">${fields}
<button type="submit" data-testid="pay-${e(type)}">${e(label)}</button></form></fieldset>`
}
