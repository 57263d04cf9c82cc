import { createHmac } from "node:crypto"
import type { RequestLogEntry } from "../../sandbox/src"
import { startMedusaStack, WEBHOOK_PATH, type MedusaStack } from "../helpers/medusa-stack"
import { redisCommand } from "../helpers/redis"
import { eventually } from "../helpers/sandbox-control"
import { Shopper } from "../helpers/shopper"

jest.setTimeout(300_000)

type AdminOrder = {
  id: string
  status: string
  payment_status: string
  total: number
  cart?: { id: string } | null
  payment_collections?: {
    payments?: { id: string; amount: number; captured_at: string | null; captures?: { id: string }[]; refunds?: { amount: number }[] }[]
  }[]
}

/**
 * Medusa as it runs in production: two API servers and a worker, separate processes on
 * one Postgres and one Redis (event bus, workflow engine, locking, caching). Webhooks
 * reach the servers through a round-robin balancer, so one server receives a webhook
 * while the shopper talks to the other, and only the worker runs subscribers (core's
 * payment processing and the plugin's) and scheduled jobs.
 */
describe("checkout on two servers and a worker", () => {
  let stack: MedusaStack
  let admin: Record<string, string>
  let one: Shopper
  let two: Shopper

  beforeAll(async () => {
    stack = await startMedusaStack({
      name: "cluster-checkout",
      cluster: { servers: 2 },
      // The plugin's log lines show which process handled what.
      env: { LOG_LEVEL: "info" },
      sandbox: { config: { webhook: { retry_base_ms: 200 } as never } },
    })
    admin = await stack.adminHeaders(stack.servers[1].url)
    one = new Shopper(stack.servers[0].url, stack.store.publishableKey)
    two = new Shopper(stack.servers[1].url, stack.store.publishableKey)
  })

  afterEach(async () => {
    await stack?.sandbox.webhooksIdle()
  })

  afterAll(async () => {
    await stack?.close()
  })

  /** Every order of the cart, read through the admin API of the given server. */
  async function ordersOfCart(cartId: string, server = stack.servers[0].url): Promise<AdminOrder[]> {
    const fields =
      "id,status,payment_status,total,cart.id,*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds"
    const response = await fetch(`${server}/admin/orders?limit=200&fields=${encodeURIComponent(fields)}`, { headers: admin })
    if (!response.ok) throw new Error(`GET /admin/orders: ${response.status} ${await response.text()}`)
    const { orders } = (await response.json()) as { orders: AdminOrder[] }
    return orders.filter((order) => order.cart?.id === cartId)
  }

  /** The one order of the cart, once `ready` holds; fails if the cart has two. */
  async function theOrder(cartId: string, ready: (order: AdminOrder) => boolean, what: string): Promise<AdminOrder> {
    return eventually(async () => {
      const orders = await ordersOfCart(cartId)
      if (orders.length > 1) throw new Error(`cart ${cartId} has ${orders.length} orders: ${orders.map((o) => o.id).join(", ")}`)
      return orders[0] && ready(orders[0]) ? orders[0] : undefined
    }, what, 60_000)
  }

  const payments = (order: AdminOrder) => (order.payment_collections ?? []).flatMap((c) => c.payments ?? [])

  /** KOMOJU API calls about one session and its payment. */
  function callsFor(sessionId: string, paymentId: string | undefined, calls: RequestLogEntry[]) {
    return calls.filter((c) => c.path.includes(sessionId) || (paymentId && c.path.includes(paymentId)))
  }

  async function settle() {
    await stack.sandbox.webhooksIdle()
    // Core handles a webhook after its delay, on the worker, through Redis.
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }

  it("card, auto capture: the shopper moves between servers; one order, captured, no capture call", async () => {
    const cart = await one.fillCart(stack.store.regions.jp, [{ handle: "matcha", quantity: 2 }])
    stack.sandbox.clearRequests()
    const started = await two.startPayment(cart.id)
    const { payment } = await stack.komoju.complete(started.komojuSessionId, { payment_type: "credit_card" })
    const result = await one.completeCheckout(cart.id)
    expect(result.status).toBe("paid")

    const order = await theOrder(cart.id, (o) => o.payment_status === "captured", "a captured order")
    expect(order).toMatchObject({ status: "pending", total: 2900 })
    await settle()

    const [after] = await ordersOfCart(cart.id, stack.servers[1].url)
    expect(after.id).toBe(order.id)
    expect(payments(after)).toEqual([expect.objectContaining({ amount: 2900, captures: [expect.anything()] })])
    const calls = stack.sandbox.requests()
    expect(calls.filter((c) => c.method === "POST" && c.path === "/sessions")).toHaveLength(1)
    expect(calls.filter((c) => c.method === "POST" && c.path.startsWith("/payments/"))).toEqual([])
    expect(callsFor(started.komojuSessionId, payment.id, calls).length).toBeGreaterThanOrEqual(1)
    expect((await ordersOfCart(cart.id)).length).toBe(1)
  })

  it("konbini: placed awaiting on one server; the customer pays; the webhook captures it through the worker", async () => {
    const cart = await two.fillCart(stack.store.regions.jp, [{ handle: "furoshiki", quantity: 1 }])
    const started = await one.startPayment(cart.id)
    const { payment } = await stack.komoju.complete(started.komojuSessionId, { payment_type: "konbini", store: "lawson" })
    const result = await two.completeCheckout(cart.id)
    expect(result.status).toBe("awaiting_payment")
    const awaiting = await theOrder(cart.id, (o) => o.payment_status === "awaiting", "an order awaiting payment")

    stack.sandbox.clearRequests()
    await stack.komoju.customerPays(payment.id)
    const captured = await theOrder(cart.id, (o) => o.payment_status === "captured", "the konbini order captured")
    expect(captured.id).toBe(awaiting.id)
    await settle()

    expect(await ordersOfCart(cart.id)).toHaveLength(1)
    expect(payments((await ordersOfCart(cart.id))[0])).toEqual([expect.objectContaining({ captures: [expect.anything()] })])
    // KOMOJU captured it: Medusa records the capture and asks KOMOJU for none.
    expect(stack.sandbox.requests().filter((c) => c.method === "POST" && c.path.endsWith("/capture"))).toEqual([])
  })

  it("the shopper pays and closes the tab: the webhook alone places the order, once", async () => {
    const cart = await one.fillCart(stack.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
    const started = await two.startPayment(cart.id)
    await stack.komoju.complete(started.komojuSessionId, { payment_type: "credit_card" })

    const placed = await theOrder(cart.id, (o) => o.payment_status === "captured", "an order placed by the webhook")
    expect(placed.total).toBe(1700)
    await settle()
    // Back after all, on either server: the same order.
    expect(await two.completeCheckout(cart.id)).toMatchObject({ status: "paid", order: { id: placed.id } })
    expect(await one.completeCheckout(cart.id)).toMatchObject({ status: "paid", order: { id: placed.id } })
    expect(await ordersOfCart(cart.id)).toHaveLength(1)
  })

  it("manual capture: authorized at checkout, captured once from the admin API of the other server", async () => {
    const settings = await fetch(`${stack.servers[0].url}/admin/komoju/settings`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ capture_mode: "manual" }),
    })
    expect(settings.status).toBe(200)
    try {
      const cart = await two.fillCart(stack.store.regions.jp, [{ handle: "sencha", quantity: 1 }])
      const started = await one.startPayment(cart.id)
      const { payment } = await stack.komoju.complete(started.komojuSessionId, { payment_type: "credit_card" })
      expect(payment.status).toBe("authorized")
      expect((await two.completeCheckout(cart.id)).status).toBe("paid")
      const authorized = await theOrder(cart.id, (o) => o.payment_status === "authorized", "an authorized order")
      await settle()

      stack.sandbox.clearRequests()
      const capture = await fetch(`${stack.servers[1].url}/admin/payments/${payments(authorized)[0].id}/capture`, {
        method: "POST",
        headers: { ...admin, "content-type": "application/json" },
        body: "{}",
      })
      expect(capture.status).toBe(200)
      expect(stack.sandbox.payment(payment.id)!.status).toBe("captured")
      const captured = await theOrder(cart.id, (o) => o.payment_status === "captured", "the order captured")
      // KOMOJU's payment.captured webhook follows, handled by the worker: nothing more.
      await settle()

      const captureCalls = stack.sandbox.requests().filter((c) => c.method === "POST" && c.path.endsWith("/capture"))
      expect(captureCalls).toHaveLength(1)
      expect(captureCalls[0].path).toBe(`/payments/${payment.id}/capture`)
      expect(await ordersOfCart(cart.id)).toHaveLength(1)
      expect(payments((await ordersOfCart(cart.id))[0])).toEqual([
        expect.objectContaining({ id: payments(captured)[0].id, captures: [expect.anything()] }),
      ])
    } finally {
      await fetch(`${stack.servers[0].url}/admin/komoju/settings`, {
        method: "POST",
        headers: { ...admin, "content-type": "application/json" },
        body: JSON.stringify({ capture_mode: null }),
      })
    }
  })

  it("konbini left to expire: the worker cancels the order placed through a server", async () => {
    const cart = await one.fillCart(stack.store.regions.jp, [{ handle: "sencha", quantity: 1 }])
    const started = await two.startPayment(cart.id)
    const { payment } = await stack.komoju.complete(started.komojuSessionId, { payment_type: "konbini" })
    expect((await one.completeCheckout(cart.id)).status).toBe("awaiting_payment")
    const placed = await theOrder(cart.id, (o) => o.payment_status === "awaiting", "an order awaiting payment")

    await stack.komoju.expire(payment.id)
    const canceled = await theOrder(cart.id, (o) => o.status === "canceled", "the order cancelled")
    expect(canceled.id).toBe(placed.id)
    expect(stack.worker!.output()).toContain(`order ${placed.id} canceled and its stock released`)
  })

  it("a dashboard refund whose webhook reaches both servers at the same moment is recorded once", async () => {
    const cart = await two.fillCart(stack.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
    const started = await one.startPayment(cart.id)
    const { payment } = await stack.komoju.complete(started.komojuSessionId, { payment_type: "credit_card" })
    expect((await two.completeCheckout(cart.id)).status).toBe("paid")
    await theOrder(cart.id, (o) => o.payment_status === "captured", "a captured order")
    await settle()

    await stack.komoju.dashboardRefund(payment.id, 700)
    // The same delivery again, to both servers at once, as a retry racing a slow answer.
    const [event] = stack.sandbox.events({ type: "payment.refund.created", payment: payment.id })
    const body = JSON.stringify(event)
    const headers = {
      "content-type": "application/json",
      "x-komoju-id": event.id,
      "x-komoju-event": event.type,
      "x-komoju-signature": createHmac("sha256", "whsec_sandbox").update(body).digest("hex"),
    }
    const answers = await Promise.all(
      stack.servers.map((server) => fetch(`${server.url}${WEBHOOK_PATH}`, { method: "POST", headers, body }).then((r) => r.status))
    )
    expect(answers).toEqual([200, 200])

    const refunded = await theOrder(cart.id, (o) => (payments(o)[0]?.refunds?.length ?? 0) > 0, "the dashboard refund in Medusa")
    await settle()
    const [after] = await ordersOfCart(cart.id)
    expect(payments(after)[0].refunds).toEqual([expect.objectContaining({ amount: 700 })])
    expect(payments(refunded)[0].id).toBe(payments(after)[0].id)
    expect(stack.sandbox.payment(payment.id)!.refunds).toHaveLength(1)
  })

  it("two tabs complete the paid cart on both servers at once, each webhook delivered twice: one order", async () => {
    await stack.komoju.configure({ webhook: { duplicate_rate: 1 } })
    try {
      const cart = await one.fillCart(stack.store.regions.jp, [{ handle: "sencha", quantity: 2 }])
      const started = await two.startPayment(cart.id)
      stack.sandbox.clearRequests()
      await stack.komoju.complete(started.komojuSessionId, { payment_type: "credit_card" })
      // The webhook (twice, to each server in turn) races both completions.
      const [a, b] = await Promise.all([one.completeCheckout(cart.id), two.completeCheckout(cart.id)])
      expect(a.status).toBe("paid")
      expect(b.status).toBe("paid")
      const order = await theOrder(cart.id, (o) => o.payment_status === "captured", "a captured order")
      expect([a, b].map((r) => (r as { order: { id: string } }).order.id)).toEqual([order.id, order.id])
      await settle()

      expect(await ordersOfCart(cart.id)).toHaveLength(1)
      expect(payments((await ordersOfCart(cart.id))[0])).toEqual([expect.objectContaining({ captures: [expect.anything()] })])
      expect(stack.sandbox.requests().filter((c) => c.method === "POST")).toEqual([])
      // Each copy went to the other server; the second of each was recognised there.
      const copies = stack.sandbox.webhookAttempts().filter((w) => w.duplicate)
      expect(copies.length).toBeGreaterThanOrEqual(1)
      expect(copies.every((w) => w.status === 200)).toBe(true)
      for (const copy of copies) {
        const targets = stack.forwarder!.deliveries().filter((d) => d.deliveryId === copy.event_id).map((d) => d.target)
        expect(new Set(targets).size).toBe(2)
      }
    } finally {
      await stack.komoju.configure({ webhook: { duplicate_rate: 0 } })
    }
  })

  it("webhooks reached both servers, and only the worker ran the subscribers", async () => {
    // A declined card: the plugin logs its handling of the failed payment where it runs.
    const cart = await two.fillCart(stack.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
    const started = await one.startPayment(cart.id)
    const { payment } = await stack.komoju.complete(started.komojuSessionId, { payment_type: "credit_card", card_number: "4123111111111000" })
    await eventually(async () => stack.worker!.output().includes(payment.id), "the worker handling payment.failed")
    await settle()
    // Medusa's event bus logs each event it hands to subscribers (core's webhook event,
    // and whatever the plugin emits for its own handling): only the worker ever does.
    const handled = /Processing (payment\.webhook_received|komoju\.[a-z_.]+) /
    for (const server of stack.servers) expect(server.output()).not.toMatch(handled)
    expect(stack.worker!.output()).toMatch(handled)

    const deliveries = stack.forwarder!.deliveries()
    const targets = new Set(deliveries.map((d) => d.target))
    expect(targets).toEqual(new Set(stack.servers.map((s) => s.url)))
    // Round robin: consecutive deliveries never go to the same server.
    deliveries.slice(1).forEach((d, i) => expect(d.target).not.toBe(deliveries[i].target))
    expect(deliveries.every((d) => d.status === 200)).toBe(true)
    // Every delivery KOMOJU made was accepted, and none went to the worker.
    expect(deliveries.map((d) => d.target)).not.toContain(stack.worker!.url)
  })

  it("an admin session opened on one server is valid on the other (sessions live in Redis)", async () => {
    const opened = await fetch(`${stack.servers[0].url}/auth/session`, { method: "POST", headers: admin })
    expect(opened.status).toBe(200)
    const cookie = opened.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ")
    expect(cookie).toMatch(/connect\.sid=/)
    const me = await fetch(`${stack.servers[1].url}/admin/users/me`, { headers: { cookie } })
    expect(me.status).toBe(200)
    expect((await me.json()).user.email).toBe(stack.store.admin.email)
  })

  it("the reconciliation job is scheduled once, in Redis, for the worker to run", async () => {
    // Only the worker loads scheduled jobs; the Redis workflow engine keeps one schedule
    // however many processes there are.
    const schedules = (await redisCommand(stack.redisUrl!, ["ZRANGE", "bull:medusa-workflows-jobs:repeat", "0", "-1"])) as string[]
    expect(schedules.filter((s) => s.includes("reconcile-komoju-payments"))).toEqual(["schedule_job-reconcile-komoju-payments"])
  })
})
