import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import { handleApi } from "./api"
import { parseBracketForm, parseParams, readBody } from "./body"
import { komojuTime } from "./clock"
import { handleControl, type ControlContext } from "./control"
import { ApiError } from "./errors"
import { handlePage } from "./hosted-page/routes"
import type { IdempotencyKeys } from "./idempotency"
import type { Rng } from "./rng"

export type ServerContext = ControlContext & {
  idempotency: IdempotencyKeys
  rng: Rng
  isValidKey: (key: string) => boolean
}

const API_PREFIX = "/api/v1"
const CONTROL_PREFIX = "/_sandbox"

export function createSandboxServer(ctx: ServerContext): Server {
  return createServer((req, res) => {
    route(ctx, req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: "internal_server_error", message: String(error?.message ?? error), param: null } })
      else res.destroy()
    })
  })
}

async function route(ctx: ServerContext, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://sandbox.local")
  const method = (req.method ?? "GET").toUpperCase()
  const raw = await readBody(req)

  if (url.pathname.startsWith(API_PREFIX)) return api(ctx, req, res, method, url, raw)

  try {
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      const params = parseParams(raw, req.headers["content-type"] ?? "application/json")
      const result = handleControl(ctx, method, url.pathname.slice(CONTROL_PREFIX.length), params, url.searchParams)
      return sendJson(res, result.status, result.body)
    }
    const form = parseBracketForm(new URLSearchParams(raw))
    const page = handlePage(ctx.ledger, method, url.pathname, form, url.searchParams)
    if (!page) return sendJson(res, 404, new ApiError(404, "not_found", `${method} ${url.pathname} not found`).toBody())
    if (page.redirect) {
      res.writeHead(page.status, { Location: page.redirect })
      return res.end()
    }
    res.writeHead(page.status, { "Content-Type": "text/html; charset=utf-8" })
    res.end(page.html)
  } catch (error) {
    if (error instanceof ApiError) return sendJson(res, error.status, error.toBody())
    throw error
  }
}

async function api(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, method: string, url: URL, raw: string) {
  const path = url.pathname.slice(API_PREFIX.length) || "/"
  const key = header(req, "x-komoju-idempotency")
  const log = (status: number, fault: "error" | "timeout" | null = null) =>
    ctx.store.requests.push({ at: komojuTime(ctx.clock.now()), method, path, status, idempotency_key: key ?? null, fault })
  const config = ctx.getConfig()

  if (ctx.rng.chance(config.timeout_rate)) {
    log(0, "timeout")
    // No answer: the client's timeout fires first; then the connection is dropped.
    setTimeout(() => req.socket.destroy(), config.timeout_hold_ms).unref()
    return
  }
  if (ctx.rng.chance(config.error_rate)) {
    log(503, "error")
    return sendJson(res, 503, new ApiError(503, "service_unavailable", "The service is temporarily unavailable (injected fault)").toBody())
  }

  try {
    const secretKey = basicAuthUser(header(req, "authorization"))
    if (!secretKey || !ctx.isValidKey(secretKey)) {
      throw new ApiError(401, "unauthorized", "Invalid API key; use your secret key as the Basic auth user name")
    }
    const params = parseParams(raw, req.headers["content-type"])
    const handler = async () => {
      // Latency is processing time: a request under it counts as in flight.
      if (config.latency_ms) await sleep(config.latency_ms)
      return handleApi(ctx.ledger, { method, path, params, query: url.searchParams, scenario: header(req, "komoju-scenario") ?? null })
    }
    const result =
      method === "POST" && key
        ? await ctx.idempotency.run(key, `${secretKey} ${method} ${path}`, raw, handler)
        : await handler()
    log(result.status)
    return sendJson(res, result.status, result.body)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    log(error.status)
    return sendJson(res, error.status, error.toBody())
  }
}

function basicAuthUser(authorization: string | undefined): string | null {
  const match = authorization?.match(/^Basic\s+(.+)$/i)
  if (!match) return null
  const decoded = Buffer.from(match[1], "base64").toString("utf8")
  return decoded.split(":")[0] || null
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" })
  res.end(JSON.stringify(body))
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
