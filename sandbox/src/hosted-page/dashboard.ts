import { PaymentStatus, RefundRequestStatus } from "../constants"
import { kindOf } from "../payment-types"
import type { Payment } from "../types"
import { formatAmount } from "./format"
import { escapeHtml as e, layout } from "./html"

/**
 * A one-page stand-in for KOMOJU's dashboard view of a payment (the plugin's admin links
 * to `<KOMOJU origin>/admin/payments/:id`), with the dashboard actions a demo needs.
 */
export function dashboardPage(payment: Payment, error: string | null = null, refundable = payment.total - payment.amount_refunded): string {
  const money = (amount: number) => e(formatAmount(amount, payment.currency, "en"))
  const base = `/admin/payments/${encodeURIComponent(payment.id)}`
  const refunds = payment.refunds.map((r) => `<li>${e(r.id)}: ${money(r.amount)}${r.description ? ` (${e(r.description)})` : ""}</li>`).join("")
  // Refund requests wait for KOMOJU's staff: here, for whoever runs the demo.
  const requests = payment.refund_requests
    .map((r) => {
      const decide =
        r.status === RefundRequestStatus.Pending
          ? `<form method="post" action="${base}/refund_requests/${e(r.id)}/complete"><button type="submit" data-testid="dashboard-complete-${e(r.id)}">Complete</button></form>` +
            `<form method="post" action="${base}/refund_requests/${e(r.id)}/reject"><button class="secondary" type="submit" data-testid="dashboard-reject-${e(r.id)}">Reject</button></form>`
          : ""
      return `<li data-testid="dashboard-refund-request">${e(r.id)}: ${e(r.status)}, ${e(r.customer_name)}, ${e(r.bank_name)} ${e(r.branch_number)} ${e(r.account_number)}${decide}</li>`
    })
    .join("")
  const actions: string[] = []
  if (payment.status === PaymentStatus.Captured) {
    actions.push(`<form method="post" action="${base}/refund"><label for="refund-amount">Refund amount (minor units, max ${refundable})</label>
<input id="refund-amount" name="amount" inputmode="numeric" value="${refundable}" data-testid="dashboard-refund-amount">
<button type="submit" data-testid="dashboard-refund">Refund</button></form>`)
  }
  if (payment.status === PaymentStatus.Authorized && kindOf(payment.payment_details.type) === "cash") {
    actions.push(`<form method="post" action="${base}/pay"><button type="submit" data-testid="dashboard-pay">Customer paid</button></form>`)
    actions.push(`<form method="post" action="${base}/expire"><button class="secondary" type="submit" data-testid="dashboard-expire">Expire</button></form>`)
  }
  return layout({
    locale: "en",
    title: `Payment ${payment.id}`,
    body: `<h1>Payment <span data-testid="dashboard-payment-id">${e(payment.id)}</span></h1>
${error ? `<div class="error" role="alert">${e(error)}</div>` : ""}
<dl><dt>Status</dt><dd data-testid="dashboard-status">${e(payment.status)}</dd>
<dt>Amount</dt><dd>${money(payment.total)}</dd>
<dt>Refunded</dt><dd>${money(payment.amount_refunded)}</dd>
<dt>Method</dt><dd>${e(payment.payment_details.type)}</dd>
<dt>Order</dt><dd>${e(payment.external_order_num ?? "")}</dd>
<dt>Session</dt><dd>${e(payment.session ?? "")}</dd>
<dt>Created</dt><dd>${e(payment.created_at)}</dd></dl>
${refunds ? `<h2>Refunds</h2><ul>${refunds}</ul>` : ""}${requests ? `<h2>Refund requests</h2><ul>${requests}</ul>` : ""}${actions.join("")}`,
  })
}
