import type { Params } from "./body"
import { ApiError, notFound } from "./errors"
import type { Ledger } from "./ledger"

export type ApiRequest = { method: string; path: string; params: Params; query: URLSearchParams; scenario: string | null }
export type ApiResult = { status: number; body: unknown }

/** KOMOJU's REST API under /api/v1 (path here is what follows /api/v1). */
export function handleApi(ledger: Ledger, request: ApiRequest): ApiResult {
  const { method, path, params } = request
  const ok = (body: unknown): ApiResult => ({ status: 200, body })
  let match: RegExpMatchArray | null

  if (method === "POST" && path === "/sessions") {
    return ok(ledger.sessionView(ledger.createSession(params, request.scenario)))
  }
  if ((match = path.match(/^\/sessions\/([a-z0-9]+)$/)) && method === "GET") {
    return ok(ledger.sessionView(ledger.session(match[1])))
  }
  if ((match = path.match(/^\/sessions\/([a-z0-9]+)\/cancel$/)) && method === "POST") {
    return ok(ledger.sessionView(ledger.cancelSession(match[1], { byMerchant: true })))
  }
  if (path === "/payments" && method === "GET") {
    const data = ledger.listPayments({
      external_order_num: request.query.get("external_order_num") ?? undefined,
      status: request.query.get("status") ?? undefined,
    })
    return ok({ resource: "list", total: data.length, page: 1, per_page: data.length, last_page: 1, data })
  }
  if ((match = path.match(/^\/payments\/([a-z0-9]+)$/)) && method === "GET") {
    return ok(ledger.payment(match[1]))
  }
  if ((match = path.match(/^\/payments\/([a-z0-9]+)\/(capture|refund|cancel)$/)) && method === "POST") {
    const [, id, action] = match
    if (action === "capture") return ok(ledger.capture(id, params))
    if (action === "refund") return ok(ledger.refund(id, params, { fromDashboard: false }))
    return ok(ledger.cancelPayment(id))
  }
  if (method !== "GET" && method !== "POST") throw new ApiError(405, "bad_request", `${method} is not supported`)
  throw notFound(`${method} /api/v1${path}`)
}
