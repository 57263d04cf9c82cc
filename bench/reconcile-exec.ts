import type { ExecArgs } from "@medusajs/framework/types"
import { writeFileSync } from "node:fs"
import { performance } from "node:perf_hooks"
import { reconcileKomojuSessions } from "../src/workflows/komoju-webhook/reconcile"

/**
 * `medusa exec ./bench/reconcile-exec.ts`, run by bench/reconcile.ts: one pass of the
 * catch-up job's reconciliation, measured inside a Medusa process of its own (its memory
 * is the job's, not the server's). `now` is moved past the job's 10-minute grace, so the
 * sessions just created count as old enough; the server's own job ignores them meanwhile.
 */
export default async function reconcileOnce({ container }: ExecArgs) {
  const sandboxUrl = process.env.BENCH_SANDBOX_URL!
  const graceShiftMs = Number(process.env.BENCH_NOW_SHIFT_MS ?? 11 * 60_000)
  global.gc?.()
  const before = process.memoryUsage()
  let peakRss = before.rss
  let peakHeap = before.heapUsed
  const sampler = setInterval(() => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }, 20)
  await fetch(`${sandboxUrl}/_sandbox/stats`, { method: "DELETE" })
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  const totals = await reconcileKomojuSessions(container, { now: new Date(Date.now() + graceShiftMs) })
  const wallMs = performance.now() - t0
  const cpuUsed = process.cpuUsage(cpu)
  clearInterval(sampler)
  const stats = await (await fetch(`${sandboxUrl}/_sandbox/stats`)).json()
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10
  writeFileSync(
    process.env.BENCH_OUT!,
    JSON.stringify({
      totals,
      wall_ms: Math.round(wallMs),
      cpu_ms: Math.round((cpuUsed.user + cpuUsed.system) / 1000),
      komoju: stats,
      memory_mb: { rss_before: mb(before.rss), rss_peak: mb(peakRss), heap_before: mb(before.heapUsed), heap_peak: mb(peakHeap) },
    })
  )
}
