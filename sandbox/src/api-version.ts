import type { SandboxConfig } from "./config"
import { PaymentStatus } from "./constants"
import { kindOf } from "./payment-types"
import type { Payment } from "./types"

/**
 * How a declined card payment (refused by the issuer, by fraud detection, or at 3-D
 * Secure) is reported. Since October 2024 KOMOJU's dashboard shows it "Failed", but its
 * API keeps answering `pending` until a future API version, announced beforehand
 * (KOMOJU help centre, "October 18th, 2024 'Failed' status will be added gradually";
 * cards of Japan, Korea and Brazil). The sandbox stores the dashboard's truth, `failed`,
 * and shows it as the version in effect reports it.
 */
export type DeclineView = "pending" | "failed"

/** `X-KOMOJU-API-VERSION: 2024-07-15` (KOMOJU's changelog also writes v.2025-01-28). */
export function parseApiVersion(header: string | null | undefined): string | null {
  const match = header?.trim().match(/^v?\.?(\d{4}-\d{2}-\d{2})$/i)
  return match ? match[1] : null
}

/**
 * A request pinning a version sees `failed` from `failed_status_api_version` on, and
 * `pending` before it; unpinned requests, webhooks and the control API see the account
 * default, `declined_payment_status`. With no such version configured, the header
 * changes nothing.
 */
export function declineView(config: SandboxConfig, apiVersionHeader: string | null): DeclineView {
  const pinned = parseApiVersion(apiVersionHeader)
  const firstFailed = config.failed_status_api_version
  if (pinned && firstFailed) return pinned >= firstFailed ? PaymentStatus.Failed : PaymentStatus.Pending
  return config.declined_payment_status
}

/** The payment as the view reports it: a declined card is `pending` under the current API. */
export function presentPayment(payment: Payment, view: DeclineView): Payment {
  if (view === PaymentStatus.Failed || payment.status !== PaymentStatus.Failed || kindOf(payment.payment_details.type) !== "card") return payment
  return { ...payment, status: PaymentStatus.Pending }
}

/**
 * Any answer the sandbox serves, with the payments inside it presented: a payment, a
 * session (its inline payment), a list, or a control answer holding `session` / `payment`.
 */
export function presentBody(body: unknown, view: DeclineView): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body
  const object = body as Record<string, unknown>
  if (object.resource === "payment") return presentPayment(object as Payment, view)
  if (object.resource === "list" && Array.isArray(object.data)) return { ...object, data: object.data.map((p: Payment) => presentPayment(p, view)) }
  const nested = ["payment", "session"].filter((key) => object[key] && typeof object[key] === "object")
  if (!nested.length) return body
  const presented = { ...object }
  for (const key of nested) presented[key] = presentBody(object[key], view)
  return presented
}
