/** `npm run bench -- --latency 0 --pairs 25 --parts checkout,cpu`: the bench's flags. */
export type BenchFlags = {
  /** Simulated KOMOJU latency (the sandbox's `latency_ms`) while measuring. */
  latency: number
  /** Checkout rounds (each runs every arm once). */
  pairs: number
  /** Webhook deliveries sent, duplicates and reorders included, for `checkouts` checkouts. */
  deliveries: number
  checkouts: number
  /** Deliveries in flight at once towards Medusa. */
  concurrency: number
  /** Open KOMOJU sessions the reconciliation finds. */
  sessions: number
  parts: Part[]
  out: string
}

export const PARTS = ["cpu", "checkout", "webhooks", "reconcile"] as const
export type Part = (typeof PARTS)[number]

const DEFAULTS: BenchFlags = {
  latency: 50,
  pairs: 25,
  deliveries: 1000,
  checkouts: 200,
  concurrency: 16,
  sessions: 10_000,
  parts: [...PARTS],
  out: "reports/bench.json",
}

const USAGE = `npm run bench -- [--latency ms] [--pairs n] [--deliveries n] [--checkouts n] [--concurrency n] [--sessions n] [--parts ${PARTS.join(",")}] [--out file]`

export function parseFlags(argv: string[]): BenchFlags {
  const flags = { ...DEFAULTS }
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split("=", 2)
    const value = inline ?? argv[++i]
    if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`)
    switch (name) {
      case "--latency":
      case "--pairs":
      case "--deliveries":
      case "--checkouts":
      case "--concurrency":
      case "--sessions": {
        const n = Number(value)
        const min = name === "--latency" ? 0 : 1
        if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not ${value}`)
        ;(flags as Record<string, unknown>)[name.slice(2)] = n
        break
      }
      case "--parts": {
        const parts = value.split(",").filter(Boolean)
        const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p))
        if (unknown.length || !parts.length) throw new Error(`--parts takes ${PARTS.join(", ")}, not ${value}`)
        flags.parts = parts as Part[]
        break
      }
      case "--out":
        flags.out = value
        break
      default:
        throw new Error(`unknown flag ${name}\n${USAGE}`)
    }
  }
  if (flags.deliveries < flags.checkouts * 2) throw new Error("--deliveries must be at least twice --checkouts (each payment has two events)")
  return flags
}
