// Preloaded into the bench's Medusa process (NODE_OPTIONS=--require): how long Medusa
// waited for each KOMOJU API call, from the request's creation in Node's fetch (undici)
// until its whole body arrived, as undici's diagnostics channels report it. One line per
// call, appended to BENCH_KOMOJU_WAIT_FILE; the bench sums those of each checkout, so
// that "beyond the round trips" means beyond what the plugin's client itself waited for.
const { subscribe } = require("node:diagnostics_channel")
const { appendFileSync } = require("node:fs")
const { performance } = require("node:perf_hooks")

const file = process.env.BENCH_KOMOJU_WAIT_FILE
const started = new WeakMap()

if (file) {
  subscribe("undici:request:create", ({ request }) => {
    if (String(request.path).startsWith("/api/v1/")) started.set(request, performance.now())
  })
  const done = ({ request }) => {
    const t0 = started.get(request)
    if (t0 === undefined) return
    started.delete(request)
    appendFileSync(file, `${(performance.now() - t0).toFixed(3)}\n`)
  }
  subscribe("undici:request:trailers", done)
  subscribe("undici:request:error", done)
}
