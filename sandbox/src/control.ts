import { patchConfig, type SandboxConfig } from "./config"
import { ApiError } from "./errors"
import type { Ledger } from "./ledger"
import type { Params } from "./body"
import type { Clock } from "./clock"
import type { Store } from "./store"
import type { WebhookDispatcher } from "./webhooks"

export type ControlContext = {
  ledger: Ledger
  store: Store
  clock: Clock
  webhooks: WebhookDispatcher
  getConfig: () => SandboxConfig
  setConfig: (config: SandboxConfig) => void
  reseed: (seed: number) => void
  resetIdempotency: () => void
}

/**
 * The sandbox's own API for tests and the demo, under /_sandbox: what a shopper or
 * KOMOJU's dashboard would do, the clock, faults, and logs. Not part of KOMOJU's API.
 */
export function handleControl(
  ctx: ControlContext,
  method: string,
  path: string,
  params: Params,
  query: URLSearchParams
): { status: number; body: unknown } {
  const ok = (body: unknown) => ({ status: 200, body })
  const { ledger, store } = ctx
  let match: RegExpMatchArray | null

  if (path === "/health") return ok({ ok: true })
  if (path === "/config" && method === "GET") return ok(ctx.getConfig())
  if (path === "/config" && method === "PATCH") {
    try {
      ctx.setConfig(patchConfig(ctx.getConfig(), params))
    } catch (error) {
      throw new ApiError(400, "invalid_parameter", (error as Error).message)
    }
    if (typeof params.seed === "number") ctx.reseed(params.seed)
    return ok(ctx.getConfig())
  }
  if (path === "/reset" && method === "POST") {
    store.reset()
    ctx.clock.offsetSeconds = 0
    ctx.resetIdempotency()
    return ok({ ok: true })
  }
  if (path === "/clock/advance" && method === "POST") {
    const seconds = Number(params.seconds)
    if (!Number.isFinite(seconds) || seconds <= 0) throw new ApiError(400, "invalid_parameter", "seconds must be positive", "seconds")
    ctx.clock.advance(seconds)
    store.clockOffsetSeconds = ctx.clock.offsetSeconds
    const expired = ledger.expireOverdue()
    store.save()
    return ok({ now: ctx.clock.now().toISOString(), expired: expired.map((p) => p.id) })
  }
  if ((match = path.match(/^\/sessions\/([a-z0-9]+)\/complete$/)) && method === "POST") {
    const payment = ledger.pay(match[1], {
      type: String(params.payment_type ?? "credit_card"),
      card_number: params.card_number === undefined ? "4111111111111111" : String(params.card_number),
      store: params.store === undefined ? undefined : String(params.store),
      email: params.email === undefined ? undefined : String(params.email),
    })
    const session = ledger.session(match[1])
    return ok({ session: ledger.sessionView(session), payment, redirect_url: returnUrlFor(session) })
  }
  if ((match = path.match(/^\/sessions\/([a-z0-9]+)\/back$/)) && method === "POST") {
    const session = ledger.cancelSession(match[1], { byMerchant: false })
    return ok({ session: ledger.sessionView(session), redirect_url: returnUrlFor(session) })
  }
  if ((match = path.match(/^\/payments\/([a-z0-9]+)\/(pay|expire|fail|refund|cancel)$/)) && method === "POST") {
    const [, id, action] = match
    if (action === "pay") {
      const payment = ledger.payment(id)
      if (payment.status !== "authorized") throw new ApiError(422, "unprocessable_entity", `Payment ${id} is ${payment.status}, not waiting`)
      return ok(ledger.settle(payment, "captured"))
    }
    if (action === "expire") return ok(ledger.expire(id))
    if (action === "fail") return ok(ledger.fail(id))
    if (action === "cancel") return ok(ledger.cancelPayment(id))
    return ok(ledger.refund(id, params, { fromDashboard: true }))
  }
  if (path === "/webhooks/ping" && method === "POST") return ok(ctx.webhooks.emit("ping", null))
  if (path === "/requests" && method === "GET") {
    const pathPrefix = query.get("path_prefix")
    const methodFilter = query.get("method")
    return ok(
      store.requests.filter(
        (r) => (!pathPrefix || r.path.startsWith(pathPrefix)) && (!methodFilter || r.method === methodFilter.toUpperCase())
      )
    )
  }
  if (path === "/requests" && method === "DELETE") {
    store.requests = []
    return ok({ ok: true })
  }
  if (path === "/webhooks" && method === "GET") return ok(store.webhooks)
  if (path === "/webhooks" && method === "DELETE") {
    store.webhooks = []
    return ok({ ok: true })
  }
  if (path === "/events" && method === "GET") return ok(store.events)
  throw new ApiError(404, "not_found", `${method} /_sandbox${path} is not a control endpoint`)
}

export function returnUrlFor(session: { id: string; return_url: string }): string {
  const url = new URL(session.return_url)
  url.searchParams.set("session_id", session.id)
  return url.toString()
}
