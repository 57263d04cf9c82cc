import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Client } from "pg"
import { startMedusaStack, type MedusaStack } from "../integration-tests/helpers/medusa-stack"
import { Shopper } from "../integration-tests/helpers/shopper"
import { KOMOJU_PROVIDER_ID } from "../scripts/demo/seed"

export const SYSTEM_PROVIDER_ID = "pp_system_default"

export type Bench = {
  stack: MedusaStack
  admin: Record<string, string>
  shopper: Shopper
  /** The bench's simulated KOMOJU latency, in ms. */
  latencyMs: number
  /** SQL against the stack's database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Where the record of Medusa's waits for KOMOJU stands now (`komoju-wait-probe.cjs`). */
  komojuWaitMark(): number
  /** How long Medusa waited for KOMOJU since `mark` (client side: Node's fetch, request to whole body), in ms, summed. */
  komojuWaitSince(mark: number): { ms: number; calls: number }
  /** Sets the sandbox's processing time of every KOMOJU API request. */
  komojuLatency(ms: number): void
  /** Webhooks from the sandbox on or off (off: each event is dropped, as if lost). */
  sandboxWebhooks(on: boolean): void
  close(): Promise<void>
}

/**
 * The project's stack as the tests start it (`startMedusaStack`: database, migrations,
 * the demo seed, one Medusa process on its in-memory defaults, the sandbox in this
 * process), plus what only the bench needs: Medusa's system provider enabled on the
 * Japan region beside KOMOJU, as the A/B baseline, and stock for every checkout.
 */
export async function startBench(latencyMs: number): Promise<Bench> {
  const probeDir = mkdtempSync(join(tmpdir(), "komoju-bench-"))
  const waitFile = join(probeDir, "komoju-wait.log")
  const stack = await startMedusaStack({
    name: "bench",
    sandbox: { seed: 1, pingOnStart: false },
    env: { NODE_OPTIONS: `--require ${join(__dirname, "komoju-wait-probe.cjs")}`, BENCH_KOMOJU_WAIT_FILE: waitFile },
  })
  const db = new Client({ connectionString: stack.databaseUrl })
  try {
    await db.connect()
    const admin = await stack.adminHeaders()
    const response = await fetch(`${stack.url}/admin/regions/${stack.store.regions.jp}`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ payment_providers: [KOMOJU_PROVIDER_ID, SYSTEM_PROVIDER_ID] }),
    })
    if (!response.ok) throw new Error(`enabling ${SYSTEM_PROVIDER_ID}: ${response.status} ${await response.text()}`)
    // The seed stocks 100 of each product; the bench sells more than that.
    await db.query(`update inventory_level set stocked_quantity = 10000000, raw_stocked_quantity = '{"value": "10000000", "precision": 20}' where deleted_at is null`)
    return {
      stack,
      admin,
      shopper: new Shopper(stack.url, stack.store.publishableKey),
      latencyMs,
      sql: async <T>(text: string, params?: unknown[]) => (await db.query(text, params as unknown[])).rows as T[],
      komojuWaitMark: () => sizeOf(waitFile),
      komojuWaitSince: (mark) => komojuWaitSince(waitFile, mark),
      komojuLatency: (ms) => void stack.sandbox.configure({ latency_ms: ms }),
      sandboxWebhooks: (on) => void stack.sandbox.configure({ webhook: { drop_rate: on ? 0 : 1 } }),
      close: async () => {
        await db.end().catch(() => undefined)
        await stack.close()
        rmSync(probeDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await db.end().catch(() => undefined)
    await stack.close()
    throw error
  }
}

/** KOMOJU API calls the sandbox logged after `seq`, by kind ("POST /sessions"). */
export function komojuCallsSince(bench: Bench, seq: number): Record<string, number> {
  const kinds: Record<string, number> = {}
  for (const entry of bench.stack.sandbox.requests()) {
    if (entry.seq <= seq) continue
    const kind = `${entry.method} ${entry.path.replace(/\/[a-z0-9]{20,}(?=\/|$)/g, "/:id")}`
    kinds[kind] = (kinds[kind] ?? 0) + 1
  }
  return kinds
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0 // no KOMOJU call yet
  }
}

function komojuWaitSince(file: string, mark: number): { ms: number; calls: number } {
  if (!sizeOf(file)) return { ms: 0, calls: 0 }
  const lines = readFileSync(file).subarray(mark).toString().split("\n").filter(Boolean)
  return { ms: lines.reduce((sum, line) => sum + Number(line), 0), calls: lines.length }
}

export function lastRequestSeq(bench: Bench): number {
  const all = bench.stack.sandbox.requests()
  return all.length ? all[all.length - 1].seq : 0
}
