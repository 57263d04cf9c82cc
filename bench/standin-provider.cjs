// The bench's stand-in for "any payment provider that calls out", loaded by the probe
// into the bench's Medusa process: Medusa's system provider, made to make the same two
// KOMOJU calls a KOMOJU card checkout makes (POST /sessions when the payment session is
// created, GET /sessions/:id when it is authorized) and to keep a few fields of the
// answers as its session data. Nothing of the plugin runs in it. A payment session asks
// for it with `data.bench_standin`: `"authorize"` reports a paid session as authorized
// (like KOMOJU with manual capture), `"capture"` as captured (like an auto-captured card,
// so Medusa records the capture at authorization). Every other system-provider session
// is untouched.
//
// What this arm costs beyond its KOMOJU waits is what Medusa spends on a provider that
// calls out; what the KOMOJU arm costs beyond this one is the plugin's.
const apiUrl = `http://127.0.0.1:${process.env.KOMOJU_SANDBOX_PORT}/api/v1`
// The sandbox's test key (the project's Medusa uses the same one when no KOMOJU key is set).
const authorization = `Basic ${Buffer.from("sk_test_sandbox:").toString("base64")}`

async function komoju(method, path, body) {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization, accept: "application/json", ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const answer = await response.json()
  if (!response.ok) throw new Error(`stand-in ${method} ${path}: ${response.status} ${JSON.stringify(answer)}`)
  return answer
}

/** `proto`: the system provider's prototype; its own methods stay for every other session. */
function patchSystemProvider(proto) {
  const initiate = proto.initiatePayment
  proto.initiatePayment = async function (input) {
    if (!input.data || !input.data.bench_standin) return initiate.call(this, input)
    const session = await komoju("POST", "/sessions", {
      amount: Number(String(input.amount)),
      currency: String(input.currency_code).toUpperCase(),
      return_url: input.data.return_url,
      payment_types: ["credit_card"],
      default_locale: "ja",
      metadata: { medusa_payment_session_id: input.context && input.context.idempotency_key },
    })
    return {
      id: session.id,
      status: "pending",
      data: {
        bench_standin: input.data.bench_standin,
        komoju_session_id: session.id,
        session_url: session.session_url,
        amount: session.amount,
        currency: session.currency,
        return_url: input.data.return_url,
        status: session.status,
      },
    }
  }

  const authorize = proto.authorizePayment
  proto.authorizePayment = async function (input) {
    if (!input.data || !input.data.bench_standin) return authorize.call(this, input)
    const session = await komoju("GET", `/sessions/${input.data.komoju_session_id}`)
    const payment = session.payment || {}
    const paid = ["authorized", "captured"].includes(payment.status)
    return {
      status: !paid ? "pending" : input.data.bench_standin === "capture" ? "captured" : "authorized",
      data: { ...input.data, status: session.status, komoju_payment_id: payment.id, payment_status: payment.status },
    }
  }
}

module.exports = { patchSystemProvider }
