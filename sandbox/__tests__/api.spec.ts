import { SECRET_KEY, SESSION, sandboxFor } from "./helpers"

type S = Awaited<ReturnType<typeof sandboxFor>>
let sandbox: S

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

describe("sessions", () => {
  it("answers the seed's form-encoded curl sample with the seed's response shape", async () => {
    const form = [
      "default_locale=ja",
      "email=test@example.com",
      "metadata[test]=value",
      "amount=8888",
      "currency=JPY",
      "payment_data[external_order_num]=my_custom_order",
      "payment_data[name]=John",
      `payment_data[name_kana]=${encodeURIComponent("ジョン")}`,
      "payment_types[]=credit_card",
      "payment_types[]=konbini",
      "return_url=https://example.com",
    ].join("&")
    const { status, body } = await sandbox.call("POST", "/sessions", form)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: expect.stringMatching(/^[a-z0-9]{25}$/),
      resource: "session",
      mode: "payment",
      amount: 8888,
      currency: "JPY",
      payment: null,
      return_url: "https://example.com",
      default_locale: "ja",
      payment_methods: [
        { type: "credit_card" },
        { type: "konbini", brands: expect.objectContaining({ "seven-eleven": "/images/konbini/seven-eleven.svg", lawson: "/images/konbini/lawson.svg" }) },
      ],
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/),
      cancelled_at: null,
      completed_at: null,
      status: "pending",
      metadata: { test: "value" },
    })
    expect(body.session_url).toBe(`${sandbox.url}/sessions/${body.id}`)
  })

  it("answers the seed's JSON (Ruby) sample, amount given as a string", async () => {
    const { status, body } = await sandbox.call("POST", "/sessions", {
      default_locale: "ja",
      email: "test@example.com",
      metadata: { test: "value" },
      amount: "8888",
      currency: "JPY",
      payment_data: { external_order_num: "my_custom_order", name: "John", name_kana: "ジョン" },
      payment_types: ["credit_card", "konbini"],
      return_url: "https://example.com",
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({ amount: 8888, currency: "JPY", payment_methods: [{ type: "credit_card" }, { type: "konbini" }] })
  })

  it("shows a session by id, as in the seed's show sample", async () => {
    const created = await sandbox.call("POST", "/sessions", { ...SESSION, payment_types: ["bank_transfer"], default_locale: "en" })
    const { status, body } = await sandbox.call("GET", `/sessions/${created.body.id}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: created.body.id, default_locale: "en", payment_methods: [{ type: "bank_transfer" }], status: "pending", expired: false })
  })

  it.each([
    ["return_url", { amount: 1, currency: "JPY" }],
    ["amount", { currency: "JPY", return_url: "https://s.test" }],
    ["currency", { amount: 1, return_url: "https://s.test" }],
  ])("refuses a session without %s with 400 missing_parameter", async (param, body) => {
    const response = await sandbox.call("POST", "/sessions", body)
    expect(response).toEqual({ status: 400, body: { error: expect.objectContaining({ code: "missing_parameter", param }) } })
  })

  it.each([
    [{ ...SESSION, currency: "XYZ" }, 422, "invalid_currency"],
    [{ ...SESSION, payment_types: ["bitcoin"] }, 422, "invalid_payment_type"],
    [{ ...SESSION, currency: "USD", payment_types: ["konbini"] }, 422, "invalid_payment_type"],
    [{ ...SESSION, amount: -5 }, 400, "invalid_parameter"],
    [{ ...SESSION, amount: 10.5 }, 400, "invalid_parameter"],
    [{ ...SESSION, default_locale: "fr" }, 400, "invalid_parameter"],
    [{ ...SESSION, expires_in_seconds: 86401 }, 400, "invalid_parameter"],
  ])("refuses %j with %i %s", async (body, status, code) => {
    const response = await sandbox.call("POST", "/sessions", body)
    expect(response.status).toBe(status)
    expect(response.body.error.code).toBe(code)
  })

  it("refuses a reused external_order_num with 422", async () => {
    const body = { ...SESSION, payment_data: { external_order_num: "cart_1-a" } }
    expect((await sandbox.call("POST", "/sessions", body)).status).toBe(200)
    const again = await sandbox.call("POST", "/sessions", body)
    expect(again).toMatchObject({ status: 422, body: { error: { param: "payment_data[external_order_num]" } } })
  })

  it("refuses a missing or wrong secret key with 401", async () => {
    const noKey = await fetch(`${sandbox.apiUrl}/sessions`, { method: "POST" })
    expect(noKey.status).toBe(401)
    expect((await noKey.json()).error.code).toBe("unauthorized")
    const wrong = await sandbox.call("GET", "/sessions/x", undefined, {
      authorization: `Basic ${Buffer.from("sk_live_other:").toString("base64")}`,
    })
    expect(wrong.status).toBe(401)
  })

  it("answers 404 not_found for an unknown session", async () => {
    expect((await sandbox.call("GET", "/sessions/doesnotexist")).body.error.code).toBe("not_found")
  })

  it("cancels a pending session for the merchant", async () => {
    const { body } = await sandbox.call("POST", "/sessions", SESSION)
    const cancelled = await sandbox.call("POST", `/sessions/${body.id}/cancel`, {})
    expect(cancelled.body).toMatchObject({ status: "cancelled", cancelled_at: expect.any(String) })
  })
})

describe("idempotency", () => {
  it("replays the first answer for the same key and body", async () => {
    const headers = { "x-komoju-idempotency": "payses_1" }
    const first = await sandbox.call("POST", "/sessions", SESSION, headers)
    const second = await sandbox.call("POST", "/sessions", SESSION, headers)
    expect(second).toEqual(first)
    const sessions = (await sandbox.call("GET", "/_sandbox/requests")).body
    expect(sessions.filter((r: { path: string }) => r.path === "/sessions")).toHaveLength(2)
  })

  it("refuses the same key with another body", async () => {
    const headers = { "x-komoju-idempotency": "payses_2" }
    await sandbox.call("POST", "/sessions", SESSION, headers)
    const other = await sandbox.call("POST", "/sessions", { ...SESSION, amount: 1 }, headers)
    expect(other.status).toBe(422)
  })

  it("answers 409 while the first request with the key is still in flight", async () => {
    const headers = { "x-komoju-idempotency": "payses_3" }
    await sandbox.call("PATCH", "/_sandbox/config", { latency_ms: 500 })
    const [a, b] = await Promise.all([
      sandbox.call("POST", "/sessions", SESSION, headers),
      new Promise((r) => setTimeout(r, 100)).then(() => sandbox.call("POST", "/sessions", SESSION, headers)),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
  })
})

describe("payments", () => {
  async function paidSession(type = "credit_card", extra: Record<string, unknown> = {}, sessionExtra: Record<string, unknown> = {}) {
    const { body: session } = await sandbox.call("POST", "/sessions", { ...SESSION, ...sessionExtra })
    const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: type, ...extra })
    return body.payment
  }

  it("captures a card payment at once in auto capture", async () => {
    const payment = await paidSession()
    expect(payment).toMatchObject({
      resource: "payment",
      status: "captured",
      amount: 1200,
      total: 1200,
      currency: "JPY",
      payment_details: { type: "credit_card", brand: "visa", last_four_digits: "1111" },
      amount_refunded: 0,
      refunds: [],
    })
  })

  it("holds a card authorization in manual capture, then captures it", async () => {
    const payment = await paidSession("credit_card", {}, { payment_data: { capture: "manual" } })
    expect(payment.status).toBe("authorized")
    const captured = await sandbox.call("POST", `/payments/${payment.id}/capture`, {})
    expect(captured.body.status).toBe("captured")
    const again = await sandbox.call("POST", `/payments/${payment.id}/capture`, {})
    expect(again).toMatchObject({ status: 422, body: { error: { code: "not_capturable" } } })
  })

  it("refunds partially and repeatedly up to the total, then marks the payment refunded", async () => {
    const payment = await paidSession()
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 500 })).body).toMatchObject({ status: "captured", amount_refunded: 500 })
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 800 })).body.error.code).toBe("invalid_parameter")
    const full = await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 700 })
    expect(full.body).toMatchObject({ status: "refunded", amount_refunded: 1200, refunds: [{ amount: 500 }, { amount: 700 }] })
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, {})).body.error.code).toBe("not_refundable")
  })

  it("refuses to refund a konbini payment through the API", async () => {
    const payment = await paidSession("konbini", { store: "lawson" })
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, {})).body.error.code).toBe("not_refundable")
  })

  it("cancels a waiting konbini payment, and refuses to cancel a captured one", async () => {
    const konbini = await paidSession("konbini")
    expect((await sandbox.call("POST", `/payments/${konbini.id}/cancel`, {})).body.status).toBe("cancelled")
    const card = await paidSession()
    expect((await sandbox.call("POST", `/payments/${card.id}/cancel`, {})).body.error.code).toBe("not_cancellable")
  })

  it("issues a konbini receipt with a deadline, carrying the session's metadata and order number", async () => {
    const payment = await paidSession("konbini", { store: "family-mart" }, {
      metadata: { medusa_payment_session_id: "payses_1" },
      payment_data: { external_order_num: "cart_9-x" },
    })
    expect(payment).toMatchObject({
      status: "authorized",
      payment_deadline: expect.stringMatching(/\+09:00$/),
      payment_details: { type: "konbini", store: "family-mart", receipt: expect.stringMatching(/^\d{13}$/) },
      metadata: { medusa_payment_session_id: "payses_1" },
      external_order_num: "cart_9-x",
    })
  })

  it("fails the card payment of a session created with Komoju-Scenario: insufficient_funds", async () => {
    const { body: session } = await sandbox.call("POST", "/sessions", SESSION, { "komoju-scenario": "insufficient_funds" })
    const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, {})
    expect(body.payment.status).toBe("failed")
    expect(body.session.status).toBe("pending")
  })

  it("lists payments by external_order_num and status", async () => {
    await paidSession("credit_card", {}, { payment_data: { external_order_num: "cart_a-1" } })
    await paidSession("konbini", {}, { payment_data: { external_order_num: "cart_b-1" } })
    const byOrder = await sandbox.call("GET", "/payments?external_order_num=cart_a-1")
    expect(byOrder.body).toMatchObject({ resource: "list", total: 1, data: [{ external_order_num: "cart_a-1" }] })
    const waiting = await sandbox.call("GET", "/payments?status=authorized")
    expect(waiting.body.data.map((p: { external_order_num: string }) => p.external_order_num)).toEqual(["cart_b-1"])
  })

  it("expires waiting cash payments when the clock passes their deadline", async () => {
    const payment = await paidSession("konbini")
    const { body } = await sandbox.call("POST", "/_sandbox/clock/advance", { seconds: 4 * 86400 })
    expect(body.expired).toEqual([payment.id])
    expect((await sandbox.call("GET", `/payments/${payment.id}`)).body.status).toBe("expired")
  })

  it("marks a session expired after expires_in_seconds", async () => {
    const { body: session } = await sandbox.call("POST", "/sessions", { ...SESSION, expires_in_seconds: 60 })
    await sandbox.call("POST", "/_sandbox/clock/advance", { seconds: 61 })
    expect((await sandbox.call("GET", `/sessions/${session.id}`)).body).toMatchObject({ status: "pending", expired: true })
  })
})

describe("faults", () => {
  it("answers a configured share of requests with 503 and logs them", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { error_rate: 1 })
    expect((await sandbox.call("GET", "/sessions/x")).status).toBe(503)
    await sandbox.call("PATCH", "/_sandbox/config", { error_rate: 0 })
    const log = (await sandbox.call("GET", "/_sandbox/requests")).body
    expect(log).toEqual([expect.objectContaining({ path: "/sessions/x", status: 503, fault: "error" })])
  })

  it("holds a request without an answer for a timeout fault", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { timeout_rate: 1, timeout_hold_ms: 100 })
    await expect(fetch(`${sandbox.apiUrl}/sessions/x`, { signal: AbortSignal.timeout(50) })).rejects.toThrow()
  })

  it("refuses a rate outside 0..1", async () => {
    expect((await sandbox.call("PATCH", "/_sandbox/config", { error_rate: 2 })).status).toBe(400)
  })

  it("keeps state in a file across a restart", async () => {
    const file = `${require("node:os").tmpdir()}/komoju-sandbox-${process.pid}.json`
    const first = await sandboxFor({ stateFile: file })
    const { body } = await first.call("POST", "/sessions", SESSION)
    await first.close()
    const second = await sandboxFor({ stateFile: file })
    expect((await second.call("GET", `/sessions/${body.id}`)).body.id).toBe(body.id)
    await second.close()
    require("node:fs").rmSync(file, { force: true })
  })
})
