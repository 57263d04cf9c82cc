import { performance } from "node:perf_hooks"
import type { KomojuEvent } from "../sandbox/src"
import { shuffled } from "../integration-tests/helpers/checkouts"
import { delivery, post, type Delivery } from "../integration-tests/helpers/webhooks"
import { komojuCallsSince, lastRequestSeq, type Bench } from "./setup"
import { pool } from "../src/lib/slots"
import { median, percentile, round, seeded } from "./stats"

/**
 * The webhook pipeline under a burst: `checkouts` card checkouts paid on KOMOJU's page
 * (half the shoppers come back and complete the cart, half never do, so their webhook
 * places the order), then `deliveries` signed deliveries of their events, every event
 * at least once, the rest repeats, in a shuffled order (an update before its capture,
 * a repeat before the first copy), sent `concurrency` at a time. Measured: deliveries
 * accepted per second at the door, the time until every one is processed (orders
 * placed), and KOMOJU calls per delivery. Then the door alone: the same deliveries
 * again, now all processed (verify, look up the inbox, answer; no hand-over).
 */
export async function benchWebhooks(bench: Bench, { checkouts, deliveries, concurrency }: { checkouts: number; deliveries: number; concurrency: number }) {
  const { stack } = bench
  bench.sandboxWebhooks(false)
  bench.komojuLatency(0)
  const paid = await pool(Array.from({ length: checkouts }, (_, i) => i), 4, (i) => payOnKomoju(bench, i % 2 === 0))
  const events = paid.flatMap((p) => stack.sandbox.events({ payment: p.paymentId }).filter((e) => e.type.startsWith("payment.")))
  const list = deliveryList(events, deliveries)
  const carts = paid.map((p) => p.cartId)

  bench.komojuLatency(bench.latencyMs)
  const seq = lastRequestSeq(bench)
  const burst = await send(bench, list, concurrency)
  const processedAt = await allProcessed(bench, new Set(events.map((e) => e.id)), burst.startedAt)
  const afterBurst = stack.sandbox.stats()
  const byKind = komojuCallsSince(bench, seq)
  const orders = await ordersOf(bench, carts)

  const door = await send(bench, list, concurrency)
  const afterDoor = stack.sandbox.stats()
  bench.sandboxWebhooks(true)
  return {
    checkouts,
    shoppers_returned: paid.filter((p) => p.returned).length,
    distinct_events: events.length,
    deliveries: list.length,
    concurrency,
    latency_ms: bench.latencyMs,
    orders_placed: orders,
    burst: {
      ...burst.summary,
      all_processed_ms: round(processedAt, 0),
      komoju_calls: afterBurst.requests,
      komoju_calls_per_delivery: round(afterBurst.requests / list.length, 3),
      komoju_calls_per_event: round(afterBurst.requests / events.length, 3),
      komoju_peak_in_flight: afterBurst.peak_in_flight,
      calls_by_kind: byKind,
    },
    door_alone: {
      ...door.summary,
      komoju_calls: afterDoor.requests,
      komoju_calls_per_delivery: round(afterDoor.requests / list.length, 3),
    },
  }
}

async function payOnKomoju(bench: Bench, returns: boolean) {
  const { shopper, stack } = bench
  const cart = await shopper.fillCart(stack.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
  const started = await shopper.startPayment(cart.id)
  const { payment } = stack.sandbox.completeSession(started.komojuSessionId, { payment_type: "credit_card" })
  if (returns) await shopper.sdk.store.cart.complete(cart.id)
  return { cartId: cart.id, paymentId: payment.id, returned: returns }
}

/** Every event once, then repeats drawn with a fixed seed, all in a fixed shuffled order. */
export function deliveryList(events: KomojuEvent[], total: number): Delivery[] {
  const random = seeded(20261201)
  const picks = [...events]
  while (picks.length < total) picks.push(events[Math.floor(random() * events.length)])
  return shuffled(picks).map((event) => delivery(event))
}

async function send(bench: Bench, list: Delivery[], concurrency: number) {
  const { stack } = bench
  stack.sandbox.resetStats()
  const startedAt = performance.now()
  const answers = await pool(list, concurrency, async (d) => {
    const t0 = performance.now()
    const { status } = await post(stack.url, d)
    return { status, ms: performance.now() - t0 }
  })
  const wall = performance.now() - startedAt
  const refused = answers.filter((a) => a.status !== 200).length
  if (refused) throw new Error(`${refused} of ${list.length} deliveries were not answered 200`)
  const ms = answers.map((a) => a.ms)
  return {
    startedAt,
    summary: {
      wall_ms: round(wall, 0),
      accepted_per_second: round((1000 * list.length) / wall, 1),
      answer_median_ms: round(median(ms), 2),
      answer_p95_ms: round(percentile(ms, 95), 2),
    },
  }
}

/** Waits until the inbox holds every event as processed; ms since `since`. */
async function allProcessed(bench: Bench, eventIds: Set<string>, since: number): Promise<number> {
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    const [row] = await bench.sql<{ processed: string; failed: string }>(
      `select count(*) filter (where status = 'processed') as processed, count(*) filter (where status = 'failed') as failed
         from komoju_webhook_delivery where delivery_id = any($1) and deleted_at is null`,
      [[...eventIds]]
    )
    if (Number(row.processed) === eventIds.size) return performance.now() - since
    if (Date.now() > deadline) throw new Error(`after 10 minutes ${row.processed} of ${eventIds.size} deliveries are processed, ${row.failed} failed`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function ordersOf(bench: Bench, cartIds: string[]): Promise<number> {
  const [row] = await bench.sql<{ n: string }>(`select count(distinct cart_id) as n from order_cart where cart_id = any($1) and deleted_at is null`, [cartIds])
  return Number(row.n)
}
