import { PaymentStatus, type Locale } from "../constants"
import { isKonbiniStore, isPaymentType, KONBINI_STORE_NAMES, PAYMENT_TYPES } from "../payment-types"
import type { SecureTokenView } from "../control"
import type { Payment, SessionRecord } from "../types"
import { backToMerchantForm, sessionPath, summary } from "./checkout-page"
import { formatAmount, formatDeadline } from "./format"
import { escapeHtml as e, layout, linkButton } from "./html"
import { translator } from "./i18n"

/** PayPay and other wallets: the customer approves in the app; here a button stands in for it. */
export function walletPage(session: SessionRecord, locale: Locale, type: string, carried: Record<string, string> = {}, shownType = type): string {
  const t = translator(locale)
  const name = isPaymentType(shownType) ? PAYMENT_TYPES[shownType].names[locale] : shownType
  return layout({
    locale,
    title: t("walletTitle"),
    body: `${summary(session, locale, t)}<h2 data-testid="wallet-title">${e(name)}: ${e(t("walletTitle"))}</h2><p>${e(t("walletText"))}</p>
<form method="post" action="${e(sessionPath(session, "/pay", locale))}">
<input type="hidden" name="payment_type" value="${e(type)}"><input type="hidden" name="confirmed" value="1">${Object.entries(carried)
    .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
    .join("")}
<button type="submit" data-testid="wallet-approve">${e(t("approve"))}</button></form>${backToMerchantForm(session, locale, t)}`,
  })
}

/** What to pay where, for a konbini / bank transfer / Pay-easy payment waiting for the customer. */
export function awaitingPage(session: SessionRecord | null, payment: Payment, locale: Locale, returnTo: string | null): string {
  const t = translator(locale)
  const d = payment.payment_details
  const method = isPaymentType(d.type) ? PAYMENT_TYPES[d.type].names[locale] : d.type
  const store = typeof d.store === "string" && isKonbiniStore(d.store) ? KONBINI_STORE_NAMES[d.store][locale] : null
  const rows: [string, unknown, string][] = [
    [t("store"), store, "store"],
    [t("receipt"), d.receipt, "receipt"],
    [t("confirmation"), d.confirmation_code, "confirmation-code"],
    [t("bankName"), d.bank_name ? `${d.bank_name} ${d.account_branch_name}` : null, "bank-name"],
    [t("account"), d.account_number ? `${d.account_type} ${d.account_number}` : null, "account-number"],
    [t("accountName"), d.account_name, "account-name"],
    [t("transferId"), d.order_id, "transfer-reference"],
    [t("payEasyBank"), d.bank_id, "biller-number"],
    [t("customerNumber"), d.customer_id, "customer-number"],
    [t("confirmationId"), d.confirmation_id, "confirmation-id"],
    [t("deadline"), payment.payment_deadline ? formatDeadline(payment.payment_deadline, locale) : null, "deadline"],
  ]
  const list = rows
    .filter(([, value]) => value)
    .map(([label, value, id]) => `<dt>${e(label)}</dt><dd data-testid="${id}">${e(value)}</dd>`)
    .join("")
  const head = session ? summary(session, locale, t) : `<div class="amount" data-testid="amount">${e(formatAmount(payment.total, payment.currency, locale))}</div>`
  return layout({
    locale,
    title: t("awaitingTitle"),
    localeHref: session ? (l) => sessionPath(session, "", l) : (l) => `/instructions/${encodeURIComponent(payment.id)}?locale=${l}`,
    body: `${head}<h2 data-testid="awaiting-title">${e(t("awaitingTitle"))}</h2><p>${e(method)}: ${e(t("awaitingText"))}</p>
<dl>${list}</dl>
${typeof d.instructions_url === "string" && session ? `<p><a href="${e(d.instructions_url)}" data-testid="instructions-link">${e(t("instructions"))}</a></p>` : ""}
${typeof d.payment_url === "string" && payment.status === PaymentStatus.Authorized ? `<p><a href="${e(d.payment_url)}" data-testid="pay-easy-online">${e(t("payOnline"))}</a></p>` : ""}
${returnTo ? linkButton(returnTo, t("returnToShop"), "return-to-shop") : ""}`,
  })
}

/** Pay-easy's payment_url: online banking, where a button stands in for the bank's login. */
export function payEasyOnlinePage(payment: Payment, locale: Locale): string {
  const t = translator(locale)
  const waiting = payment.status === PaymentStatus.Authorized
  return layout({
    locale,
    title: t("payOnline"),
    localeHref: (l) => `/pay_easy/${encodeURIComponent(payment.id)}?locale=${l}`,
    body: `<div class="amount" data-testid="amount">${e(formatAmount(payment.total, payment.currency, locale))}</div>
<h2>${e(t("payOnline"))}</h2>${
      waiting
        ? `<form method="post"><button type="submit" data-testid="pay-easy-online-pay">${e(t("pay"))}</button></form>`
        : `<p data-testid="pay-easy-online-status">${e(t(payment.status === PaymentStatus.Captured ? "completed" : "closedTitle"))}</p>`
    }`,
  })
}

export type ClosedReason = "expired" | "completed" | "cancelled"

/** A session that can no longer be paid: lapsed, already paid, or cancelled. */
export function closedPage(session: SessionRecord, locale: Locale, reason: ClosedReason, returnTo: string): string {
  const t = translator(locale)
  return layout({
    locale,
    title: t("closedTitle"),
    localeHref: (l) => sessionPath(session, "", l),
    body: `${summary(session, locale, t)}<h2 data-testid="closed-title">${e(t("closedTitle"))}</h2>
<p data-testid="closed-reason" data-reason="${reason}">${e(t(reason === "completed" && session.mode === "customer" ? "savedDone" : reason))}</p>${linkButton(returnTo, t("returnToShop"), "return-to-shop", true)}`,
  })
}

export function notFoundPage(locale: Locale): string {
  const t = translator(locale)
  return layout({
    locale,
    title: t("notFoundTitle"),
    body: `<h1 data-testid="not-found">${e(t("notFoundTitle"))}</h1><p>${e(t("notFoundText"))}</p>`,
  })
}

/**
 * A secure token's 3-D Secure step (its `authentication_url`): what is authenticated
 * (amount, card) and two buttons that stand in for the issuer's challenge.
 */
export function threeDSecurePage(token: SecureTokenView, locale: Locale, returnTo: string): string {
  const t = translator(locale)
  const action = `/three_d_secure_service/offsite?token=${encodeURIComponent(token.id)}&locale=${locale}`
  const body =
    token.verification_status === "NEEDS_VERIFY"
      ? `<p>${e(t("threeDsText"))}</p>
<form method="post" action="${e(action)}"><input type="hidden" name="result" value="pass"><button type="submit" data-testid="three-ds-pass">${e(t("threeDsPass"))}</button></form>
<form method="post" action="${e(action)}"><input type="hidden" name="result" value="fail"><button class="secondary" type="submit" data-testid="three-ds-fail">${e(t("threeDsFail"))}</button></form>`
      : `<p data-testid="three-ds-done">${e(t("threeDsDone"))} (${e(token.verification_status)})</p>${linkButton(returnTo, t("threeDsBack"), "three-ds-return")}`
  return layout({
    locale,
    title: t("threeDsTitle"),
    localeHref: (l) => `/three_d_secure_service/offsite?token=${encodeURIComponent(token.id)}&locale=${l}`,
    body: `<h1 data-testid="three-ds-title">${e(t("threeDsTitle"))}</h1><div>${e(t("amount"))}</div>
<div class="amount" data-testid="amount">${e(formatAmount(token.amount, token.currency, locale))}</div>
<div class="order">${e(t("card"))}: <span data-testid="three-ds-card">•••• ${e(token.last_four_digits)}</span></div>${body}`,
  })
}
