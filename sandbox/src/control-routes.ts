import type { Params } from "./body"
import { CONTROL_PREFIX, ErrorCode } from "./constants"
import type { CompleteSessionRequest, Controller } from "./control"
import { ApiError, invalidParameter } from "./errors"
import type { ApiResult } from "./idempotency"

type Handler = (params: Params, query: URLSearchParams, id: string) => unknown
export type ControlRoute = { method: string; pattern: RegExp; handle: Handler }

const ID = "([a-z0-9]+)"
const OK = { ok: true }

/** The control API under /_sandbox (not KOMOJU's): one entry per endpoint. */
export function controlRoutes(control: Controller): ControlRoute[] {
  const route = (method: string, path: string, handle: Handler): ControlRoute => ({
    method,
    pattern: new RegExp(`^${path.replace(":id", ID).replace(":any", "([^/]+)")}$`),
    handle,
  })
  return [
    route("GET", "/health", () => OK),
    route("GET", "/config", () => control.config()),
    route("PATCH", "/config", (p) => control.configure(p)),
    route("POST", "/reset", (p) => (control.reset({ config: p.config === true || p.config === "true" }), OK)),
    route("GET", "/clock", () => control.clock()),
    route("POST", "/clock/advance", (p) => control.advanceClock(durationSeconds(p))),
    route("GET", "/sessions/:id", (_p, _q, id) => control.session(id)),
    route("POST", "/sessions/:id/complete", (p, _q, id) => control.completeSession(id, completeRequest(p))),
    route("POST", "/sessions/:id/back", (_p, _q, id) => control.backToMerchant(id)),
    route("GET", "/payments/:id", (_p, _q, id) => control.payment(id)),
    route("POST", "/payments/:id/pay", (_p, _q, id) => control.payPayment(id)),
    route("POST", "/payments/:id/expire", (_p, _q, id) => control.expirePayment(id)),
    route("POST", "/payments/:id/fail", (p, _q, id) => control.failPayment(id, optionalText(p.reason))),
    route("POST", "/payments/:id/cancel", (_p, _q, id) => control.cancelPayment(id)),
    route("POST", "/payments/:id/refund", (p, _q, id) =>
      control.refundPayment(id, { amount: p.amount === undefined ? undefined : Number(p.amount), description: optionalText(p.description) })
    ),
    route("GET", "/customers", (_p, q) => control.customers({ external_customer_id: q.get("external_customer_id") ?? undefined })),
    route("GET", "/customers/:id", (_p, _q, id) => control.customer(id)),
    route("GET", "/external_customers/:any", (_p, _q, id) => control.externalCustomer(decodeURIComponent(id))),
    route("GET", "/secure_tokens/:id", (_p, _q, id) => control.secureToken(id)),
    route("POST", "/secure_tokens/:id/verify", (p, _q, id) => control.verifySecureToken(id, verifyResult(p.result))),
    route("GET", "/refund_requests", (_p, q) => control.refundRequests({ payment: q.get("payment") ?? undefined, status: q.get("status") ?? undefined })),
    route("GET", "/refund_requests/:id", (_p, _q, id) => control.refundRequest(id)),
    route("POST", "/refund_requests/:id/complete", (_p, _q, id) => control.completeRefundRequest(id)),
    route("POST", "/refund_requests/:id/reject", (_p, _q, id) => control.rejectRefundRequest(id)),
    route("POST", "/webhooks/ping", () => control.ping()),
    route("GET", "/requests", (_p, q) =>
      control.requests({
        method: q.get("method") ?? undefined,
        path: q.get("path") ?? undefined,
        path_prefix: q.get("path_prefix") ?? undefined,
        status: numberParam(q, "status"),
        idempotency_key: q.get("idempotency_key") ?? undefined,
      })
    ),
    route("DELETE", "/requests", () => (control.clearRequests(), OK)),
    route("GET", "/stats", () => control.stats()),
    route("DELETE", "/stats", () => (control.resetStats(), OK)),
    route("GET", "/webhooks", (_p, q) =>
      control.webhookAttempts({ type: q.get("type") ?? undefined, event_id: q.get("event_id") ?? undefined, status: numberParam(q, "status") })
    ),
    route("DELETE", "/webhooks", () => (control.clearWebhookAttempts(), OK)),
    route("GET", "/events", (_p, q) => control.events({ type: q.get("type") ?? undefined, payment: q.get("payment") ?? undefined, customer: q.get("customer") ?? undefined })),
    route("GET", "/idempotency", () => control.idempotencyKeys()),
  ]
}

export function handleControl(routes: ControlRoute[], method: string, path: string, params: Params, query: URLSearchParams): ApiResult {
  for (const route of routes) {
    const match = path.match(route.pattern)
    if (match && route.method === method) return { status: 200, body: route.handle(params, query, match[1]) }
  }
  throw new ApiError(404, ErrorCode.NotFound, `${method} ${CONTROL_PREFIX}${path} is not a control endpoint`)
}

/** `{seconds}`, or any mix of seconds, minutes, hours and days, summed. */
function durationSeconds(params: Params): number {
  const units = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const
  let total = 0
  for (const [unit, factor] of Object.entries(units)) {
    if (params[unit] === undefined) continue
    const value = Number(params[unit])
    if (!Number.isFinite(value) || value < 0) throw invalidParameter(unit, `${unit} must be a number ≥ 0`)
    total += value * factor
  }
  return total
}

function completeRequest(params: Params): CompleteSessionRequest {
  return {
    payment_type: optionalText(params.payment_type),
    card_number: optionalText(params.card_number),
    month: params.month === undefined ? undefined : Number(params.month),
    year: params.year === undefined ? undefined : Number(params.year),
    store: optionalText(params.store),
    email: optionalText(params.email),
    use_saved_payment_method: params.use_saved_payment_method === true || params.use_saved_payment_method === "true",
    save_payment_method: params.save_payment_method === undefined ? undefined : !(params.save_payment_method === false || params.save_payment_method === "false"),
  }
}

/** `{"result": "pass" | "fail"}` (pass when omitted). */
function verifyResult(value: unknown): boolean {
  if (value === undefined || value === null || value === "pass") return true
  if (value === "fail") return false
  throw invalidParameter("result", "result must be pass or fail")
}

function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value)
}

function numberParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name)
  return value === null || value === "" ? undefined : Number(value)
}
