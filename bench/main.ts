import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { benchCheckout } from "./checkout"
import { benchCpu } from "./cpu"
import { parseFlags } from "./flags"
import { benchReconcile } from "./reconcile"
import { describeMachine, table } from "./report"
import { startBench } from "./setup"
import { benchWebhooks } from "./webhooks"

/** The bench's parts, one after the other, on one stack; see bench/run.mjs and the README. */
async function main() {
  const flags = parseFlags(process.argv.slice(2))
  const results: Record<string, unknown> = { date: new Date().toISOString().slice(0, 10), machine: await describeMachine(), flags }
  const out = resolve(__dirname, "..", flags.out)
  mkdirSync(dirname(out), { recursive: true })
  // Written after every part, so a part that fails leaves the others' figures.
  const save = () => writeFileSync(out, JSON.stringify(results, null, 2) + "\n")
  const step = (name: string) => (save(), console.log(`[bench] ${name}…`))
  // First, while nothing else runs: the figures are microseconds.
  if (flags.parts.includes("cpu")) {
    step("plugin CPU")
    results.cpu = await benchCpu()
  }
  if (flags.parts.some((part) => part !== "cpu")) {
    step("starting Medusa (database, migrations, seed)")
    const bench = await startBench(flags.latency)
    try {
      if (flags.parts.includes("checkout")) {
        step(`checkout, ${flags.pairs} rounds`)
        results.checkout = await benchCheckout(bench, { pairs: flags.pairs })
      }
      if (flags.parts.includes("webhooks")) {
        step(`webhooks, ${flags.deliveries} deliveries`)
        results.webhooks = await benchWebhooks(bench, flags)
      }
      if (flags.parts.includes("reconcile")) {
        step(`reconciliation, ${flags.sessions} open sessions`)
        results.reconcile = await benchReconcile(bench, flags)
      }
    } finally {
      await bench.close()
    }
  }
  save()
  console.log(`\n${table(results)}\n\n(${flags.out})`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
