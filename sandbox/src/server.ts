import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import { handleApi, type ApiRequest, type ApiRoute } from "./api"
import { declineView } from "./api-version"
import { authenticate, type KeyPolicy } from "./auth"
import { parseBracketForm, parseParams, readBody } from "./body"
import { komojuTime, type Clock } from "./clock"
import type { SandboxConfig } from "./config"
import { API_PREFIX, CONTROL_PREFIX, ErrorCode, RequestHeader } from "./constants"
import type { Controller } from "./control"
import { handleControl, type ControlRoute } from "./control-routes"
import { ApiError, underPolicy, type ErrorPolicy } from "./errors"
import { ERROR_STATUSES, loseResponse, type ApiFault, type FaultInjector } from "./faults"
import { handlePage } from "./hosted-page/routes"
import type { ApiResult, IdempotencyKeys } from "./idempotency"
import type { Sessions } from "./sessions"
import type { Store } from "./store"
import type { Timers } from "./timers"

export type ServerContext = {
  store: Store
  clock: Clock
  sessions: Sessions
  control: Controller
  apiRoutes: ApiRoute[]
  controlRoutes: ControlRoute[]
  idempotency: IdempotencyKeys
  faults: FaultInjector
  timers: Timers
  keyPolicy: KeyPolicy
  getConfig: () => SandboxConfig
}

/** One HTTP server: KOMOJU's API under /api/v1, the control API under /_sandbox, pages elsewhere. */
export function createSandboxServer(ctx: ServerContext): Server {
  return createServer((req, res) => {
    route(ctx, req, res).catch((error) => {
      if (res.headersSent) return void res.destroy()
      const known = error instanceof ApiError ? error : null
      const body = known?.toBody() ?? new ApiError(500, ErrorCode.InternalServerError, String(error?.message ?? error)).toBody()
      sendJson(res, known?.status ?? 500, body)
    })
  })
}

async function route(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.invalid")
  const method = (req.method ?? "GET").toUpperCase()
  if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
    const entered = ctx.store.gauge.enter()
    try {
      return await api(ctx, req, res, method, url)
    } finally {
      ctx.store.gauge.leave(entered)
    }
  }
  const raw = await readBody(req)
  if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
    const params = parseParams(raw, header(req, RequestHeader.ContentType) ?? "application/json")
    const result = handleControl(ctx.controlRoutes, method, url.pathname.slice(CONTROL_PREFIX.length), params, url.searchParams)
    return sendJson(res, result.status, result.body)
  }
  ctx.control.expireOverdue()
  const page = handlePage(ctx.sessions, ctx.control, method, url.pathname, parseBracketForm(new URLSearchParams(raw)), url.searchParams)
  if (!page) return sendJson(res, 404, new ApiError(404, ErrorCode.NotFound, `${method} ${url.pathname} was not found`).toBody())
  if (page.redirect) {
    res.writeHead(page.status, { Location: page.redirect, "Cache-Control": "no-store" })
    return void res.end()
  }
  res.writeHead(page.status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" })
  res.end(page.html)
}

async function api(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
  const path = url.pathname.slice(API_PREFIX.length) || "/"
  // KOMOJU documents the key on POSTs; the customer API's PATCH and DELETE honour it too, so a retried write is not done twice.
  const idempotencyKey = method === "POST" || method === "PATCH" || method === "DELETE" ? (header(req, RequestHeader.Idempotency) ?? null) : null
  const log = (status: number, extra: { replayed?: boolean; fault?: ApiFault } = {}) =>
    ctx.store.requests.add({
      at: komojuTime(ctx.clock.now()),
      method,
      path,
      query: url.search,
      status,
      idempotency_key: idempotencyKey,
      replayed: extra.replayed ?? false,
      api_version: header(req, RequestHeader.ApiVersion) ?? null,
      fault: extra.fault ?? null,
    })

  const fault = ctx.faults.decide(method, path)
  const config = ctx.getConfig()
  const policy: ErrorPolicy = { parameterStatus: config.parameter_error_status, stateCodes: config.state_error_codes }
  if (fault === "timeout") {
    log(0, { fault })
    return loseResponse(req, res, config, ctx.timers)
  }
  if (fault === "error") {
    const status = config.error_status
    log(status, { fault })
    const error = new ApiError(status, ERROR_STATUSES[status], `Injected fault: not processed; retry with the same idempotency key`)
    return sendJson(res, status, error.toBody())
  }

  let result: ApiResult & { replayed?: boolean }
  try {
    const raw = await readBody(req)
    const account = authenticate(header(req, RequestHeader.Authorization), ctx.keyPolicy)
    const request: ApiRequest = {
      method,
      path,
      params: parseParams(raw, header(req, RequestHeader.ContentType)),
      query: url.searchParams,
      scenario: header(req, RequestHeader.Scenario) ?? null,
      view: declineView(config, header(req, RequestHeader.ApiVersion) ?? null),
    }
    const process = async (): Promise<ApiResult> => {
      // Latency is processing time, so a request under it counts as in flight.
      if (config.latency_ms) await ctx.timers.sleep(config.latency_ms)
      ctx.control.expireOverdue()
      try {
        return handleApi(ctx.apiRoutes, request)
      } catch (error) {
        // Before the idempotency layer keeps the answer, so a replay matches it.
        throw error instanceof ApiError ? underPolicy(error, policy) : error
      }
    }
    const reuse = config.idempotency_key_reuse
    result = idempotencyKey ? await ctx.idempotency.run(account, idempotencyKey, { target: `${method} ${path}`, rawBody: raw, reuse }, process) : await process()
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    const answered = underPolicy(error, policy)
    result = { status: answered.status, body: answered.toBody() }
  }
  if (fault === "lost_answer") {
    // Processed, but the answer is lost on the way back.
    log(0, { fault, replayed: result.replayed })
    return loseResponse(req, res, config, ctx.timers)
  }
  log(result.status, { replayed: result.replayed })
  sendJson(res, result.status, result.body)
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" })
  res.end(JSON.stringify(body))
}
