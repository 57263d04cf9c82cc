import { presentBody, type DeclineView } from "./api-version"
import type { Params } from "./body"
import { API_PREFIX, ErrorCode } from "./constants"
import { ApiError, notFound } from "./errors"
import type { ApiResult } from "./idempotency"
import type { ListQuery, Payments } from "./payments"
import type { RefundRequests } from "./refund-requests"
import type { Charges } from "./charges"
import type { Customers, CustomerListQuery } from "./customers"
import type { SecureTokens } from "./secure-tokens"
import type { Sessions } from "./sessions"

export type ApiRequest = {
  method: string
  /** What follows /api/v1. */
  path: string
  params: Params
  query: URLSearchParams
  /** The test-mode `Komoju-Scenario` header. */
  scenario: string | null
  /** How declined card payments are reported to this request (its X-KOMOJU-API-VERSION). */
  view: DeclineView
}

export type ApiRoute = { method: string; pattern: RegExp; handle: (request: ApiRequest, id: string) => unknown }

const ID = "([a-z0-9]+)"
/** The merchant's own id (an external_customer_id): anything up to the next slash. */
const ANY = "([^/]+)"

/** What KOMOJU serves beside sessions and payments: customers, secure tokens, direct payments. */
export type CustomerApi = { customers: Customers; secureTokens: SecureTokens; charges: Charges }

/** KOMOJU's REST API: one entry per endpoint, answered with KOMOJU's objects. */
export function apiRoutes(sessions: Sessions, payments: Payments, refundRequests: RefundRequests, extra: CustomerApi): ApiRoute[] {
  const { customers, secureTokens, charges } = extra
  return [
    { method: "POST", pattern: /^\/customers$/, handle: (r) => customers.view(customers.create(r.params)) },
    { method: "GET", pattern: /^\/customers$/, handle: (r) => customers.list(Object.fromEntries(r.query) as CustomerListQuery) },
    { method: "GET", pattern: new RegExp(`^/customers/${ID}$`), handle: (_r, id) => customers.view(customers.get(id)) },
    { method: "PATCH", pattern: new RegExp(`^/customers/${ID}$`), handle: (r, id) => customers.view(customers.update(id, r.params)) },
    { method: "DELETE", pattern: new RegExp(`^/customers/${ID}$`), handle: (_r, id) => customers.delete(id) },
    { method: "DELETE", pattern: new RegExp(`^/external_customers/${ANY}$`), handle: (_r, id) => customers.deleteExternal(decodeURIComponent(id)) },
    { method: "POST", pattern: /^\/secure_tokens$/, handle: (r) => secureTokens.view(secureTokens.create(r.params)) },
    { method: "GET", pattern: new RegExp(`^/secure_tokens/${ID}$`), handle: (_r, id) => secureTokens.view(secureTokens.get(id)) },
    { method: "POST", pattern: /^\/payments$/, handle: (r) => charges.create(r.params, r.scenario) },
    { method: "POST", pattern: /^\/sessions$/, handle: (r) => sessions.view(sessions.create(r.params, r.scenario)) },
    { method: "GET", pattern: new RegExp(`^/sessions/${ID}$`), handle: (_r, id) => sessions.view(sessions.get(id)) },
    { method: "POST", pattern: new RegExp(`^/sessions/${ID}/cancel$`), handle: (_r, id) => sessions.view(sessions.cancel(id, "merchant")) },
    { method: "GET", pattern: /^\/payments$/, handle: (r) => payments.list(Object.fromEntries(r.query) as ListQuery, r.view) },
    { method: "GET", pattern: new RegExp(`^/payments/${ID}$`), handle: (_r, id) => payments.get(id) },
    { method: "POST", pattern: new RegExp(`^/payments/${ID}/capture$`), handle: (r, id) => payments.capture(id, r.params) },
    { method: "POST", pattern: new RegExp(`^/payments/${ID}/refund$`), handle: (r, id) => payments.refund(id, r.params, "api") },
    { method: "POST", pattern: new RegExp(`^/payments/${ID}/refund_request$`), handle: (r, id) => refundRequests.create(id, r.params) },
    { method: "POST", pattern: new RegExp(`^/payments/${ID}/cancel$`), handle: (r, id) => payments.cancel(id, r.view) },
  ]
}

export function handleApi(routes: ApiRoute[], request: ApiRequest): ApiResult {
  let pathKnown = false
  for (const route of routes) {
    const match = request.path.match(route.pattern)
    if (!match) continue
    pathKnown = true
    if (route.method === request.method) return { status: 200, body: presentBody(route.handle(request, match[1]), request.view) }
  }
  if (pathKnown) throw new ApiError(405, ErrorCode.BadRequest, `${request.method} is not allowed on ${API_PREFIX}${request.path}`)
  throw notFound(`${request.method} ${API_PREFIX}${request.path}`)
}
