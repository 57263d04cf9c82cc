// Preloaded into the bench's Medusa process (NODE_OPTIONS=--require), to split a
// checkout's time inside Medusa:
// - how long Medusa waited for each KOMOJU API call, from the request's creation in
//   Node's fetch (undici) until its whole body arrived, as undici's diagnostics channels
//   report it: a line "wait <ms>" per call;
// - the plugin's own time on the checkout path, less those waits: the store middleware
//   until it hands the request on, and each provider method Medusa calls (the outermost
//   call only): a line "<name> <ms>";
// - each timed request's time in Medusa's HTTP server (the bench marks them with
//   x-bench-timed), from its start to the end of the answer: a line "server <ms>" (the
//   checkout as Medusa itself saw it, without the bench's side of the connection).
// Lines go to BENCH_PROBE_FILE; the bench sums those of each checkout.
// It also installs the bench's stand-in provider (`standin-provider.cjs`) on Medusa's
// system provider.
const { AsyncLocalStorage } = require("node:async_hooks")
const { subscribe } = require("node:diagnostics_channel")
const { appendFileSync } = require("node:fs")
const Module = require("node:module")
const { performance } = require("node:perf_hooks")
const { patchSystemProvider } = require("./standin-provider.cjs")

const file = process.env.BENCH_PROBE_FILE
const started = new WeakMap()
let waited = 0

function record(name, ms) {
  appendFileSync(file, `${name} ${ms.toFixed(3)}\n`)
}

/** Wall time of `run` less the KOMOJU waits that happened meanwhile (checkouts run one at a time). */
function ownTime() {
  const t0 = performance.now()
  const w0 = waited
  return () => performance.now() - t0 - (waited - w0)
}

if (file) {
  subscribe("undici:request:create", ({ request }) => {
    if (String(request.path).startsWith("/api/v1/")) started.set(request, performance.now())
  })
  const done = ({ request }) => {
    const t0 = started.get(request)
    if (t0 === undefined) return
    started.delete(request)
    const ms = performance.now() - t0
    waited += ms
    record("wait", ms)
  }
  subscribe("undici:request:trailers", done)
  subscribe("undici:request:error", done)

  const serving = new WeakMap()
  subscribe("http.server.request.start", ({ request }) => {
    if (request.headers["x-bench-timed"]) serving.set(request, performance.now())
  })
  subscribe("http.server.response.finish", ({ request }) => {
    const t0 = serving.get(request)
    if (t0 !== undefined) record("server", performance.now() - t0)
  })

  const inside = new AsyncLocalStorage()
  const wrapMethod = (proto, name) => {
    const original = proto[name]
    proto[name] = function (...args) {
      if (inside.getStore()) return original.apply(this, args)
      const elapsed = ownTime()
      return inside.run(true, () => original.apply(this, args)).finally(() => record(name, elapsed()))
    }
  }
  const wrapMiddleware = (middleware) =>
    function (req, res, next) {
      const elapsed = ownTime()
      return middleware(req, res, (...args) => {
        record("middleware", elapsed())
        return next(...args)
      })
    }

  const patched = new WeakSet()
  const load = Module._load
  Module._load = function (request, parent, isMain) {
    const exports = load.apply(this, arguments)
    if (!/payment-lifecycle|attach-cart-to-komoju-session|\.\/system$/.test(request)) return exports
    let filename = ""
    try {
      filename = Module._resolveFilename(request, parent, isMain)
    } catch {}
    if (/src\/providers\/komoju\/payment-lifecycle\.[jt]s$/.test(filename) && !patched.has(exports)) {
      patched.add(exports)
      const proto = exports.KomojuPaymentLifecycle.prototype
      for (const name of ["initiatePayment", "updatePayment", "authorizePayment", "getPaymentStatus", "retrievePayment", "capturePayment", "refundPayment", "cancelPayment", "deletePayment"]) {
        wrapMethod(proto, name)
      }
    }
    if (/@medusajs\/payment\/dist\/providers\/system\.js$/.test(filename) && !patched.has(exports)) {
      patched.add(exports)
      patchSystemProvider(exports.SystemPaymentProvider.prototype)
    }
    if (/src\/api\/middlewares\/attach-cart-to-komoju-session\.[jt]s$/.test(filename)) {
      return Object.defineProperty({ ...exports, attachCartToKomojuSession: wrapMiddleware(exports.attachCartToKomojuSession) }, "__esModule", { value: true })
    }
    return exports
  }
}
