import { performance } from "node:perf_hooks"
import { RETURN_URL } from "../integration-tests/helpers/shopper"
import { KOMOJU_PROVIDER_ID } from "../scripts/demo/seed"
import { komojuCallsSince, lastRequestSeq, SYSTEM_PROVIDER_ID, TIMED_HEADER, type Bench } from "./setup"
import { median, pairedInterval, pairedMedian, percentile, round, seeded, shuffle } from "./stats"

/**
 * Checkout overhead, payment session → order, in one run with the arms interleaved so
 * that machine drift cancels:
 * - `komoju`: KOMOJU, card, auto capture (Medusa records a capture at completion);
 * - `system`: Medusa's `pp_system_default` (authorizes only): the baseline;
 * - `komoju_manual`: KOMOJU, card held for a manual capture (authorizes only, like the
 *   baseline): `komoju − komoju_manual` is Medusa's own capture bookkeeping;
 * - `standin`: the system provider made to make the same two KOMOJU calls and keep a few
 *   fields of the answers (`standin-provider.cjs`; authorizes only): beyond its waits it is
 *   what Medusa spends on any provider that calls out, and `komoju_manual − standin`, each
 *   less its waits, is what the plugin adds beyond such a provider;
 * - `standin_captured`: the same stand-in reporting the payment captured at authorization,
 *   as an auto-captured card does: `komoju − standin_captured` is the plugin's share of
 *   the auto-capture arm, Medusa's capture bookkeeping left out on both sides.
 * Each round runs every arm once, in an order shuffled afresh (from a fixed seed): a
 * rotation would always put the same arm after the same one, and a checkout's leftovers
 * in Medusa's process (the events it emitted) would always fall on the same next arm.
 * Timed: creating the payment session and completing the cart, through the store API as
 * a storefront calls it.
 * Not timed: filling the cart, the shopper on KOMOJU's page. The sandbox's webhooks are
 * off here (each is its own part of the bench), so the calls counted are the checkout's.
 */
export type Arm = "komoju" | "system" | "komoju_manual" | "standin" | "standin_captured"
const ARMS: Arm[] = ["komoju", "system", "komoju_manual", "standin", "standin_captured"]

type Run = {
  arm: Arm
  initiate: number
  complete: number
  total: number
  calls: number
  /** KOMOJU's time answering those calls (the sandbox's own handling and its latency). */
  komojuMs: number
  /** How long Medusa waited for those calls, as its fetch saw them (the round trips, client side). */
  waitMs: number
  /** The timed requests' time inside Medusa's HTTP server. */
  serverMs: number
  /** The plugin's own time in Medusa's process (middleware, provider methods), less those waits. */
  pluginMs: number
  plugin: Record<string, number>
  kinds: Record<string, number>
  paymentStatus: string
  /** Size of the payment session's data as Medusa stored it. */
  dataBytes: number
}

export type CheckoutResult = ReturnType<typeof summarize>

export async function benchCheckout(bench: Bench, { pairs, warmup = 3 }: { pairs: number; warmup?: number }) {
  bench.sandboxWebhooks(false)
  bench.komojuLatency(bench.latencyMs)
  for (let i = 0; i < warmup; i++) for (const arm of ARMS) await checkout(bench, arm)
  const runs: Record<Arm, Run[]> = { komoju: [], system: [], komoju_manual: [], standin: [], standin_captured: [] }
  const random = seeded(20261201)
  for (let round = 0; round < pairs; round++) {
    const order = shuffle(ARMS, random)
    for (const arm of order) runs[arm].push(await checkout(bench, arm))
  }
  bench.sandboxWebhooks(true)
  return summarize(runs, bench.latencyMs)
}

async function checkout(bench: Bench, arm: Arm): Promise<Run> {
  const { shopper, stack } = bench
  const cart = await shopper.fillCart(stack.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
  const { payment_collection: collection } = await shopper.sdk.client.fetch<{ payment_collection: { id: string } }>(
    "/store/payment-collections",
    { method: "POST", body: { cart_id: cart.id } }
  )
  if (arm === "komoju_manual") await captureMode(bench, "manual")
  try {
    const providerId = arm === "komoju" || arm === "komoju_manual" ? KOMOJU_PROVIDER_ID : SYSTEM_PROVIDER_ID
    const data = arm === "system" ? {} : { return_url: RETURN_URL, ...STANDIN[arm] }
    const seq = lastRequestSeq(bench)
    const before = stack.sandbox.stats()

    let mark = bench.probeMark()
    const t0 = performance.now()
    const { payment_collection } = await shopper.sdk.client.fetch<{ payment_collection: any }>(
      `/store/payment-collections/${collection.id}/payment-sessions`,
      { method: "POST", headers: TIMED_HEADER, body: { provider_id: providerId, data } }
    )
    const t1 = performance.now()
    const session = payment_collection.payment_sessions.find((s: any) => s.provider_id === providerId)
    if (arm !== "system") {
      stack.sandbox.completeSession(session.data.komoju_session_id, { payment_type: "credit_card" })
    }
    const initiated = await bench.probeSince(mark)
    mark = bench.probeMark()
    const t2 = performance.now()
    const completed = await shopper.sdk.store.cart.complete(cart.id, undefined, TIMED_HEADER)
    const t3 = performance.now()
    if (completed.type !== "order") throw new Error(`${arm} checkout placed no order: ${JSON.stringify(completed.error)}`)
    return {
      arm,
      initiate: t1 - t0,
      complete: t3 - t2,
      total: t1 - t0 + (t3 - t2),
      calls: stack.sandbox.stats().requests - before.requests,
      komojuMs: stack.sandbox.stats().busy_ms - before.busy_ms,
      ...probed(initiated, await bench.probeSince(mark)),
      kinds: komojuCallsSince(bench, seq),
      paymentStatus: String(completed.order.payment_status),
      dataBytes: await sessionDataBytes(bench, session.id),
    }
  } finally {
    if (arm === "komoju_manual") await captureMode(bench, null)
  }
}

type Probed = Awaited<ReturnType<Bench["probeSince"]>>

/** What Medusa's process recorded for the two timed requests (not the shopper's page between them). */
function probed(initiate: Probed, complete: Probed) {
  const plugin: Record<string, number> = { ...initiate.plugin }
  for (const [step, ms] of Object.entries(complete.plugin)) plugin[step] = (plugin[step] ?? 0) + ms
  return {
    waitMs: initiate.waitMs + complete.waitMs,
    serverMs: initiate.serverMs + complete.serverMs,
    plugin,
    pluginMs: Object.values(plugin).reduce((sum, ms) => sum + ms, 0),
  }
}

/** What asks the system provider to act as the stand-in (`standin-provider.cjs`). */
const STANDIN: Partial<Record<Arm, { bench_standin: string }>> = {
  standin: { bench_standin: "authorize" },
  standin_captured: { bench_standin: "capture" },
}

async function sessionDataBytes(bench: Bench, id: string): Promise<number> {
  const [row] = await bench.sql<{ bytes: number }>("select octet_length(data::text) as bytes from payment_session where id = $1", [id])
  return Number(row?.bytes ?? 0)
}

async function captureMode(bench: Bench, mode: "manual" | null) {
  const response = await fetch(`${bench.stack.url}/admin/komoju/settings`, {
    method: "POST",
    headers: { ...bench.admin, "content-type": "application/json" },
    body: JSON.stringify({ capture_mode: mode }),
  })
  if (!response.ok) throw new Error(`capture mode ${mode}: ${response.status} ${await response.text()}`)
}

function summarize(runs: Record<Arm, Run[]>, latencyMs: number) {
  const arm = (name: Arm) => {
    const r = runs[name]
    return {
      median_ms: round(median(r.map((x) => x.total)), 2),
      p90_ms: round(percentile(r.map((x) => x.total), 90), 2),
      initiate_ms: round(median(r.map((x) => x.initiate)), 2),
      complete_ms: round(median(r.map((x) => x.complete)), 2),
      komoju_calls: median(r.map((x) => x.calls)),
      komoju_calls_max: Math.max(...r.map((x) => x.calls)),
      komoju_time_ms: round(median(r.map((x) => x.komojuMs)), 2),
      komoju_wait_ms: round(median(r.map((x) => x.waitMs)), 2),
      server_ms: round(median(r.map((x) => x.serverMs)), 2),
      plugin_ms: round(median(r.map((x) => x.pluginMs)), 2),
      plugin_by_step_ms: Object.fromEntries(
        [...new Set(r.flatMap((x) => Object.keys(x.plugin)))].map((step) => [step, round(median(r.map((x) => x.plugin[step] ?? 0)), 2)])
      ),
      calls_by_kind: r[0]?.kinds ?? {},
      payment_status: r[0]?.paymentStatus,
      session_data_bytes: median(r.map((x) => x.dataBytes)),
      /** Each checkout in the order run, for a look at the spread behind the medians. */
      samples_ms: r.map((x) => ({ total: round(x.total, 1), wait: round(x.waitMs, 1), server: round(x.serverMs, 1) })),
    }
  }
  const diff = (a: Arm, b: Arm, step: "total" | "initiate" | "complete" = "total") =>
    round(pairedMedian(runs[a].map((x) => x[step]), runs[b].map((x) => x[step])), 2)
  // Each KOMOJU checkout less the time KOMOJU (the sandbox) itself spent answering it.
  const beyondKomoju = (a: Arm) =>
    round(pairedMedian(runs[a].map((x) => x.total - x.komojuMs), runs.system.map((x) => x.total)), 2)
  // …and less the time Medusa's fetch waited for those calls: what the plugin adds beyond its round trips.
  const beyondWait = (a: Arm) =>
    round(pairedMedian(runs[a].map((x) => x.total - x.waitMs), runs.system.map((x) => x.total)), 2)
  // The same, as Medusa's HTTP server timed the requests (the bench's own side left out).
  const serverBeyondWait = (a: Arm) =>
    round(pairedMedian(runs[a].map((x) => x.serverMs - x.waitMs), runs.system.map((x) => x.serverMs)), 2)
  // Two arms each less their own waits for KOMOJU: what `a` adds beyond `b` besides the calls.
  const lessWait = (a: Arm, time: "total" | "serverMs") => runs[a].map((x) => x[time] - x.waitMs)
  const pairedBeyondWait = (a: Arm, b: Arm, time: "total" | "serverMs") => round(pairedMedian(lessWait(a, time), lessWait(b, time)), 2)
  // How far those medians can be trusted on a noisy machine (about 95 %, distribution-free).
  const intervalBeyondWait = (a: Arm, b: Arm) => pairedInterval(lessWait(a, "total"), lessWait(b, "total"))?.map((v) => round(v, 1))
  const komoju = arm("komoju")
  const manual = arm("komoju_manual")
  const system = arm("system")
  const standin = arm("standin")
  const standinCaptured = arm("standin_captured")
  const difference = diff("komoju", "system")
  const manualDifference = diff("komoju_manual", "system")
  return {
    pairs: runs.komoju.length,
    latency_ms: latencyMs,
    arms: { komoju, system, komoju_manual: manual, standin, standin_captured: standinCaptured },
    paired: {
      difference_ms: difference,
      initiate_difference_ms: diff("komoju", "system", "initiate"),
      complete_difference_ms: diff("komoju", "system", "complete"),
      /** The paired difference less the KOMOJU round trips the sandbox simulates. */
      overhead_ms: round(difference - komoju.komoju_calls * latencyMs, 2),
      overhead_share: round((difference - komoju.komoju_calls * latencyMs) / system.median_ms, 4),
      /** Medusa recording the capture of an auto-captured card (both arms call KOMOJU alike). */
      capture_bookkeeping_ms: diff("komoju", "komoju_manual"),
      manual_difference_ms: manualDifference,
      /** The plugin's own overhead, without Medusa's capture bookkeeping. */
      manual_overhead_ms: round(manualDifference - manual.komoju_calls * latencyMs, 2),
      manual_overhead_share: round((manualDifference - manual.komoju_calls * latencyMs) / system.median_ms, 4),
      /** The paired difference less KOMOJU's own time per checkout (its latency and its handling). */
      beyond_komoju_ms: beyondKomoju("komoju"),
      manual_beyond_komoju_ms: beyondKomoju("komoju_manual"),
      /** The paired difference less the round trips as Medusa's fetch waited for them. */
      beyond_wait_ms: beyondWait("komoju"),
      manual_beyond_wait_ms: beyondWait("komoju_manual"),
      server_beyond_wait_ms: serverBeyondWait("komoju"),
      manual_server_beyond_wait_ms: serverBeyondWait("komoju_manual"),
      /** A provider making the same calls, less its waits, beyond the system provider: Medusa's share. */
      standin_beyond_wait_ms: beyondWait("standin"),
      standin_server_beyond_wait_ms: serverBeyondWait("standin"),
      standin_captured_beyond_wait_ms: beyondWait("standin_captured"),
      standin_captured_server_beyond_wait_ms: serverBeyondWait("standin_captured"),
      /** KOMOJU beyond that provider capturing alike, each less its waits: the plugin's share. */
      manual_beyond_standin_ms: pairedBeyondWait("komoju_manual", "standin", "total"),
      manual_server_beyond_standin_ms: pairedBeyondWait("komoju_manual", "standin", "serverMs"),
      auto_beyond_standin_ms: pairedBeyondWait("komoju", "standin_captured", "total"),
      auto_server_beyond_standin_ms: pairedBeyondWait("komoju", "standin_captured", "serverMs"),
      manual_beyond_wait_interval_ms: intervalBeyondWait("komoju_manual", "system"),
      manual_beyond_standin_interval_ms: intervalBeyondWait("komoju_manual", "standin"),
      auto_beyond_standin_interval_ms: intervalBeyondWait("komoju", "standin_captured"),
    },
  }
}
