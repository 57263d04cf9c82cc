import { cpus, totalmem } from "node:os"
import { Client } from "pg"
import { round } from "./stats"

/** The machine a run was made on: cores, CPU model, memory, Node, Postgres. */
export async function describeMachine(): Promise<Record<string, string | number>> {
  const { DB_HOST = "localhost", DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
  const client = new Client({ host: DB_HOST, port: Number(DB_PORT), user: DB_USERNAME, password: DB_PASSWORD, database: "postgres" })
  let postgres = "unknown"
  try {
    await client.connect()
    postgres = (await client.query("show server_version")).rows[0].server_version
  } finally {
    await client.end().catch(() => undefined)
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model?.trim() ?? "unknown",
    memory_gb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: `PostgreSQL ${postgres.split(" ")[0]}`,
    platform: `${process.platform}-${process.arch}`,
  }
}

type Row = [part: string, measure: string, value: string]
const ms = (value: number) => `${round(value, 1)} ms`
const share = (value: number, baseline: number) => `${round(value, 1)} ms (${round((100 * value) / baseline, 1)} % of the baseline)`
/** " (95 % interval a … b)" when the run had enough rounds for one. */
const interval = (bounds?: number[]) => (bounds ? ` (95 % interval ${ms(bounds[0])} … ${ms(bounds[1])})` : "")
const kinds = (byKind: Record<string, number>) => Object.entries(byKind).map(([k, n]) => `${k} ×${n}`).join(", ") || "none"

function steps(byStep: Record<string, number> = {}): string {
  return Object.entries(byStep).map(([step, value]) => `${step} ${ms(value)}`).join(", ")
}

/** The one table a run prints (Markdown, so the README can show it as it is). */
export function table(results: any): string {
  const rows: Row[] = []
  const c = results.checkout
  if (c) {
    const base = c.arms.system.median_ms
    const part = `checkout (${c.pairs} rounds, latency ${c.latency_ms} ms)`
    rows.push(
      [part, "KOMOJU card, auto capture: median payment session → order", `${ms(c.arms.komoju.median_ms)} (initiate ${ms(c.arms.komoju.initiate_ms)}, complete ${ms(c.arms.komoju.complete_ms)})`],
      ["", "pp_system_default (baseline): median", `${ms(base)} (initiate ${ms(c.arms.system.initiate_ms)}, complete ${ms(c.arms.system.complete_ms)})`],
      ["", "KOMOJU card, manual capture: median", ms(c.arms.komoju_manual.median_ms)],
      ["", "paired median difference, KOMOJU − system", `${share(c.paired.difference_ms, base)}; initiate ${ms(c.paired.initiate_difference_ms)}, complete ${ms(c.paired.complete_difference_ms)}`],
      ["", "KOMOJU calls per checkout (sandbox log)", `${c.arms.komoju.komoju_calls} (max ${c.arms.komoju.komoju_calls_max}: ${kinds(c.arms.komoju.calls_by_kind)})`],
      ["", "difference − calls × latency", share(c.paired.overhead_ms, base)],
      ["", "  of which Medusa's capture bookkeeping (auto − manual)", share(c.paired.capture_bookkeeping_ms, base)],
      ["", "  plugin without it (manual − system − calls × latency)", share(c.paired.manual_overhead_ms, base)],
      ["", "KOMOJU's own time per checkout (latency + the sandbox's handling)", ms(c.arms.komoju.komoju_time_ms)],
      ["", "difference − KOMOJU's own time: auto capture / manual", `${share(c.paired.beyond_komoju_ms, base)} / ${share(c.paired.manual_beyond_komoju_ms, base)}`],
      ["", "Medusa's wait for KOMOJU per checkout (its fetch: request → whole answer)", ms(c.arms.komoju.komoju_wait_ms)],
      ["", "difference − Medusa's wait for KOMOJU: auto capture / manual", `${share(c.paired.beyond_wait_ms, base)} / ${share(c.paired.manual_beyond_wait_ms, base)}${interval(c.paired.manual_beyond_wait_interval_ms)}`],
      ["", "  the same in Medusa's HTTP server (its own timing of the two requests): auto / manual", `${share(c.paired.server_beyond_wait_ms, base)} / ${share(c.paired.manual_server_beyond_wait_ms, base)}`],
      ["", "the plugin's own time per checkout in Medusa (less its KOMOJU waits): auto / manual", `${share(c.arms.komoju.plugin_ms, base)} / ${share(c.arms.komoju_manual.plugin_ms, base)} (${steps(c.arms.komoju.plugin_by_step_ms)})`],
      ["", "stand-in provider (the system provider making the same 2 KOMOJU calls): median, authorize only / reporting the capture", `${ms(c.arms.standin.median_ms)} / ${ms(c.arms.standin_captured.median_ms)} (wait for KOMOJU ${ms(c.arms.standin.komoju_wait_ms)}; session data ${c.arms.standin.session_data_bytes} B, KOMOJU's ${c.arms.komoju_manual.session_data_bytes} B)`],
      ["", "  stand-in − system, less its wait (Medusa's cost of a provider that calls out): authorize only / reporting the capture", `${share(c.paired.standin_beyond_wait_ms, base)} / ${share(c.paired.standin_captured_beyond_wait_ms, base)}; server timing ${ms(c.paired.standin_server_beyond_wait_ms)} / ${ms(c.paired.standin_captured_server_beyond_wait_ms)}`],
      ["", "  KOMOJU − stand-in, each less its wait (the plugin's cost beyond such a provider): manual / auto capture", `${share(c.paired.manual_beyond_standin_ms, base)}${interval(c.paired.manual_beyond_standin_interval_ms)} / ${share(c.paired.auto_beyond_standin_ms, base)}${interval(c.paired.auto_beyond_standin_interval_ms)}; server timing ${ms(c.paired.manual_server_beyond_standin_ms)} / ${ms(c.paired.auto_server_beyond_standin_ms)}`],
    )
  }
  const w = results.webhooks
  if (w) {
    const part = `webhooks (${w.deliveries} deliveries, ${w.distinct_events} events, ${w.checkouts} checkouts, concurrency ${w.concurrency})`
    rows.push(
      [part, "accepted at the door", `${w.burst.accepted_per_second} /s (answer median ${ms(w.burst.answer_median_ms)}, p95 ${ms(w.burst.answer_p95_ms)})`],
      ["", "all processed after", `${ms(w.burst.all_processed_ms)} (${w.orders_placed}/${w.checkouts} orders, ${w.checkouts - w.shoppers_returned} left to the webhook)`],
      ["", "KOMOJU calls", `${w.burst.komoju_calls}: ${w.burst.komoju_calls_per_delivery} per delivery, ${w.burst.komoju_calls_per_event} per event (${kinds(w.burst.calls_by_kind)})`],
      ["", "door alone (repeats of processed deliveries)", `${w.door_alone.accepted_per_second} /s (answer median ${ms(w.door_alone.answer_median_ms)}, p95 ${ms(w.door_alone.answer_p95_ms)}), ${w.door_alone.komoju_calls} KOMOJU calls`]
    )
  }
  const r = results.reconcile
  if (r) {
    const part = `reconciliation (${r.sessions} open sessions: ${r.abandoned} abandoned, ${r.paid} paid, ${r.expired} expired)`
    rows.push(
      [part, "wall time of one reconcileKomojuSessions", `${ms(r.wall_ms)} (CPU ${ms(r.cpu_ms)}; ${r.totals.repaired} repaired, ${r.totals.failed} failed)`],
      ["", "KOMOJU calls", `${r.komoju.requests} (${r.komoju_calls_per_session} per session), peak ${r.komoju.peak_in_flight} in flight`],
      ["", "memory of the process", `RSS ${r.memory_mb.rss_before} → peak ${r.memory_mb.rss_peak} MB, heap ${r.memory_mb.heap_before} → peak ${r.memory_mb.heap_peak} MB`]
    )
  }
  const p = results.cpu
  if (p) {
    const entries = Object.entries(p.methods as Record<string, number>)
    entries.forEach(([name, us], i) => rows.push([i === 0 ? "plugin CPU (stub KOMOJU client, no network)" : "", name, `${us} µs`]))
  }
  const m = results.machine
  const head = `KOMOJU plugin bench, ${results.date}: ${m.cores} cores (${m.cpu}), ${m.memory_gb} GB, Node ${m.node}, ${m.postgres}, ${m.platform}`
  return [head, "", "| part | measure | value |", "| --- | --- | --- |", ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n")
}
