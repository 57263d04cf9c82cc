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
  /** Where the record of Medusa's process (`medusa-probe.cjs`) stands now. */
  probeMark(): number
  /**
   * Since `mark`, summed in ms: how long Medusa waited for KOMOJU (its fetch, request to
   * whole answer), and the plugin's own time (its store middleware and provider methods,
   * less those waits), by name.
   */
  probeSince(mark: number): Promise<{ waitMs: number; calls: number; serverMs: number; plugin: Record<string, number> }>
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
  const probeFile = join(probeDir, "probe.log")
  const stack = await startMedusaStack({
    name: "bench",
    sandbox: { seed: 1, pingOnStart: false },
    env: { NODE_OPTIONS: `--require ${join(__dirname, "medusa-probe.cjs")}`, BENCH_PROBE_FILE: probeFile },
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
      probeMark: () => sizeOf(probeFile),
      probeSince: (mark) => probeSince(probeFile, mark),
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
    return 0 // nothing recorded yet
  }
}

/** Header naming a timed request, so that Medusa's process times it too. */
export const TIMED_HEADER = { "x-bench-timed": "1" }

/**
 * What the probe recorded since `mark`, once the timed request's own line is in: Medusa
 * writes it when the answer is finished, which the bench may see before.
 */
async function probeSince(file: string, mark: number) {
  for (let waited = 0; waited < 2000 && !readFileSync(file).subarray(mark).toString().includes("server "); waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const out = { waitMs: 0, calls: 0, serverMs: 0, plugin: {} as Record<string, number> }
  for (const line of readFileSync(file).subarray(mark).toString().split("\n").filter(Boolean)) {
    const [name, value] = line.split(" ")
    if (name === "wait") {
      out.waitMs += Number(value)
      out.calls++
    } else if (name === "server") {
      out.serverMs += Number(value)
    } else {
      out.plugin[name] = (out.plugin[name] ?? 0) + Number(value)
    }
  }
  return out
}

export function lastRequestSeq(bench: Bench): number {
  const all = bench.stack.sandbox.requests()
  return all.length ? all[all.length - 1].seq : 0
}
