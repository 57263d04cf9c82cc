import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { MEDUSA_CLI, runToEnd } from "../integration-tests/helpers/medusa-server"
import type { Bench } from "./setup"
import { pool } from "../src/lib/slots"
import { round } from "./stats"

/**
 * The catch-up job's reconciliation over `sessions` open KOMOJU payment sessions: 1 %
 * paid on KOMOJU's page by shoppers who never came back and whose webhooks were lost
 * (real carts, so the job places their orders), 5 % whose KOMOJU session expired, the
 * rest abandoned (KOMOJU still shows them pending). Setup runs at latency 0: the
 * abandoned and expired sessions are created in KOMOJU through its API and in Medusa in
 * bulk, as copies of one real abandoned checkout's payment collection and session (with
 * their own ids and KOMOJU session, and no cart). Then `reconcileKomojuSessions` runs
 * once, at the bench's latency, in a Medusa process of its own (`medusa exec`).
 */
export async function benchReconcile(bench: Bench, { sessions }: { sessions: number }) {
  const { stack, shopper } = bench
  bench.sandboxWebhooks(false)
  bench.komojuLatency(0)
  const paidCount = Math.max(1, Math.round(sessions * 0.01))
  const expiredCount = Math.round(sessions * 0.05)
  const bulkCount = sessions - paidCount - 1
  const setupStart = Date.now()

  await pool(Array.from({ length: paidCount }), 4, async () => {
    const cart = await shopper.fillCart(stack.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
    const started = await shopper.startPayment(cart.id)
    stack.sandbox.completeSession(started.komojuSessionId, { payment_type: "credit_card" })
  })
  const template = await shopper.startPayment((await shopper.fillCart(stack.store.regions.jp, [{ handle: "matcha", quantity: 1 }])).id)
  const [row] = await bench.sql<{ payment_collection_id: string; data: Record<string, any> }>(
    "select payment_collection_id, data from payment_session where id = $1",
    [template.paymentSessionId]
  )
  const runId = Date.now().toString(36)
  const ids = Array.from({ length: bulkCount }, (_, i) => `${runId}${String(i).padStart(6, "0")}`)
  const komojuIds = await pool(ids, 32, (id, i) => createKomojuSession(bench, `payses_bench${id}`, row.data, i < expiredCount))
  await copyRows(bench, template.paymentSessionId, row.payment_collection_id, ids, komojuIds)
  await new Promise((resolve) => setTimeout(resolve, 1500)) // the expired ones' 1 s runs out
  const setupMs = Date.now() - setupStart

  bench.komojuLatency(bench.latencyMs)
  const dir = mkdtempSync(join(tmpdir(), "komoju-bench-"))
  try {
    const out = join(dir, "reconcile.json")
    await runToEnd([MEDUSA_CLI, "exec", "./bench/reconcile-exec.ts"], {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: stack.databaseUrl,
      KOMOJU_SANDBOX_PORT: new URL(stack.sandbox.url).port,
      MEDUSA_ADMIN_DISABLED: "true",
      BENCH_SANDBOX_URL: stack.sandbox.url,
      BENCH_OUT: out,
    })
    const measured = JSON.parse(readFileSync(out, "utf8"))
    const [outcome] = await bench.sql<{ canceled: string; open: string }>(
      `select count(*) filter (where status = 'canceled') as canceled, count(*) filter (where status = 'pending') as open
         from payment_session where provider_id = 'pp_komoju_komoju' and id like 'payses_bench${runId}%'`
    )
    return {
      sessions,
      paid: paidCount,
      expired: expiredCount,
      abandoned: sessions - paidCount - expiredCount,
      latency_ms: bench.latencyMs,
      setup_ms: setupMs,
      ...measured,
      komoju_calls_per_session: round(measured.komoju.requests / sessions, 3),
      outcome: { expired_closed: Number(outcome.canceled), abandoned_still_open: Number(outcome.open) },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    bench.sandboxWebhooks(true)
  }
}

async function createKomojuSession(bench: Bench, medusaSessionId: string, data: Record<string, any>, expired: boolean): Promise<string> {
  const { sandbox } = bench.stack
  const response = await fetch(`${sandbox.apiUrl}/sessions`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${sandbox.secretKey}:`).toString("base64")}`, "content-type": "application/json" },
    body: JSON.stringify({
      amount: data.amount,
      currency: data.currency,
      return_url: data.return_url,
      payment_data: { external_order_num: `bench-${medusaSessionId}` },
      metadata: { medusa_payment_session_id: medusaSessionId },
      ...(expired ? { expires_in_seconds: 1 } : {}),
    }),
  })
  const body = (await response.json()) as { id: string }
  if (!response.ok) throw new Error(`KOMOJU session for ${medusaSessionId}: ${JSON.stringify(body)}`)
  return body.id
}

/** Copies of the template's collection and session, column for column, with new ids and KOMOJU sessions. */
async function copyRows(bench: Bench, sessionId: string, collectionId: string, ids: string[], komojuIds: string[]) {
  const columns = async (table: string) =>
    (await bench.sql<{ column_name: string }>("select column_name from information_schema.columns where table_name = $1 and table_schema = current_schema()", [table])).map((c) => `"${c.column_name}"`)
  const copy = (cols: string[], replace: Record<string, string>) => ({
    names: cols.join(", "),
    values: cols.map((c) => replace[c.slice(1, -1)] ?? `t.${c}`).join(", "),
  })
  const pc = copy(await columns("payment_collection"), { id: "'pay_bench' || g.id" })
  await bench.sql(
    `insert into payment_collection (${pc.names}) select ${pc.values} from payment_collection t, unnest($2::text[]) as g(id) where t.id = $1`,
    [collectionId, ids]
  )
  const ps = copy(await columns("payment_session"), {
    id: "'payses_bench' || g.id",
    payment_collection_id: "'pay_bench' || g.id",
    data: "t.data || jsonb_build_object('komoju_session_id', g.komoju, 'session_id', 'payses_bench' || g.id)",
  })
  await bench.sql(
    `insert into payment_session (${ps.names}) select ${ps.values} from payment_session t, unnest($2::text[], $3::text[]) as g(id, komoju) where t.id = $1`,
    [sessionId, ids, komojuIds]
  )
}
