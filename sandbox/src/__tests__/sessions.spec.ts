import { BASIC, SESSION, sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

const KOMOJU_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/
const SEED_BRANDS = {
  "seven-eleven": "/images/konbini/seven-eleven.svg",
  lawson: "/images/konbini/lawson.svg",
  "family-mart": "/images/konbini/family-mart.svg",
  ministop: "/images/konbini/ministop.svg",
  "daily-yamazaki": "/images/konbini/daily-yamazaki.svg",
  seicomart: "/images/konbini/seicomart.svg",
}

/** The curl sample of KOMOJU's Sessions reference, byte for byte as curl -d sends it. */
const CURL_SAMPLE_BODY = [
  "default_locale=ja",
  "email=test@example.com",
  "metadata[test]=value",
  "amount=8888",
  "currency=JPY",
  "payment_data[external_order_num]=my_custom_order",
  "payment_data[name]=John",
  "payment_data[name_kana]=ジョン",
  "payment_types[]=credit_card",
  "payment_types[]=konbini",
  "return_url=https://example.com",
].join("&")

/** The response of the seed's create sample, minus what differs per call (id, session_url, created_at). */
const SEED_CREATE_RESPONSE = {
  resource: "session",
  mode: "payment",
  amount: 8888,
  currency: "JPY",
  payment: null,
  return_url: "https://example.com",
  default_locale: "ja",
  payment_methods: [{ type: "credit_card" }, { type: "konbini", brands: SEED_BRANDS }],
  cancelled_at: null,
  completed_at: null,
  status: "pending",
}

describe("POST /sessions", () => {
  it("answers KOMOJU's curl sample (form-encoded, bracket keys) with the seed's response shape", async () => {
    const { status, body } = await sandbox.call("POST", "/sessions", CURL_SAMPLE_BODY)
    expect(status).toBe(200)
    expect(body).toEqual({
      ...SEED_CREATE_RESPONSE,
      id: expect.stringMatching(/^[a-z0-9]{25}$/),
      session_url: `${sandbox.url}/sessions/${body.id}`,
      created_at: expect.stringMatching(KOMOJU_TIME),
      metadata: { test: "value" },
      payment_data: { external_order_num: "my_custom_order", capture: "auto", name: "John", name_kana: "ジョン" },
      expired: false,
    })
  })

  it("answers KOMOJU's Ruby sample (JSON, amount as a string) the same way", async () => {
    const ruby = {
      default_locale: "ja",
      email: "test@example.com",
      metadata: { test: "value" },
      amount: "8888",
      currency: "JPY",
      payment_data: { external_order_num: "my_custom_order", name: "John", name_kana: "ジョン" },
      payment_types: ["credit_card", "konbini"],
      return_url: "https://example.com",
    }
    const response = await fetch(`${sandbox.apiUrl}/sessions`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: BASIC },
      body: JSON.stringify(ruby),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ...SEED_CREATE_RESPONSE, metadata: { test: "value" } })
  })

  it("answers the hosted-page guide's minimal sample with every method the account has for JPY", async () => {
    const body = "return_url=https://example.com&amount=1000&currency=JPY&payment_data[external_order_num]=my_order_number"
    const { status, body: session } = await sandbox.call("POST", "/sessions", body)
    expect(status).toBe(200)
    const types = session.payment_methods.map((m: { type: string }) => m.type)
    expect(types).toEqual(expect.arrayContaining(["credit_card", "konbini", "bank_transfer", "paypay"]))
    expect(types).not.toContain("ideal")
  })

  it("offers only the methods enabled on the account when payment_types is left out", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { enabled_payment_types: ["credit_card", "konbini"] })
    const session = await sandbox.createSession()
    expect(session.payment_methods).toEqual([{ type: "credit_card" }, { type: "konbini", brands: SEED_BRANDS }])
  })

  it("keeps metadata, the order number and capture mode on the session", async () => {
    const session = await sandbox.createSession({
      metadata: { medusa_payment_session_id: "payses_01", cart_id: "cart_01" },
      payment_data: { external_order_num: "cart_01-1", capture: "manual" },
    })
    expect(session).toMatchObject({
      metadata: { medusa_payment_session_id: "payses_01", cart_id: "cart_01" },
      payment_data: { external_order_num: "cart_01-1", capture: "manual" },
    })
  })
})

describe("GET /sessions/:id", () => {
  it("shows a session as in the seed's show sample", async () => {
    const created = await sandbox.createSession({ payment_types: ["bank_transfer"], default_locale: "en", return_url: "https://example.com/done" })
    const { status, body } = await sandbox.call("GET", `/sessions/${created.id}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: created.id,
      resource: "session",
      mode: "payment",
      payment: null,
      session_url: created.session_url,
      return_url: "https://example.com/done",
      default_locale: "en",
      payment_methods: [{ type: "bank_transfer" }],
      created_at: created.created_at,
      cancelled_at: null,
      completed_at: null,
      status: "pending",
      expired: false,
    })
  })

  it("shows the payment inline once the customer has paid", async () => {
    const payment = await sandbox.paidPayment()
    const { body } = await sandbox.call("GET", `/sessions/${payment.session}`)
    expect(body).toMatchObject({ status: "completed", completed_at: expect.stringMatching(KOMOJU_TIME), payment: { id: payment.id, status: "captured" } })
  })

  it("answers 404 not_found for an unknown session", async () => {
    expect(await sandbox.call("GET", "/sessions/doesnotexist0000000000000")).toMatchObject({ status: 404, body: { error: { code: "not_found" } } })
  })

  it("bases session_url on publicUrl when one is given", async () => {
    const behindProxy = await sandboxFor({ publicUrl: "https://komoju.test/" })
    try {
      const session = await behindProxy.createSession()
      expect(session.session_url).toBe(`https://komoju.test/sessions/${session.id}`)
    } finally {
      await behindProxy.close()
    }
  })
})

describe("POST /sessions/:id/cancel", () => {
  it("cancels a pending session for the merchant", async () => {
    const session = await sandbox.createSession()
    const { body } = await sandbox.call("POST", `/sessions/${session.id}/cancel`, {})
    expect(body).toMatchObject({ status: "cancelled", cancelled_at: expect.stringMatching(KOMOJU_TIME), payment: null })
  })

  it("refuses to cancel a completed session with 422 unprocessable_entity", async () => {
    const payment = await sandbox.paidPayment()
    const reply = await sandbox.call("POST", `/sessions/${payment.session}/cancel`, {})
    expect(reply).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })
})

describe("validation", () => {
  it.each([
    ["return_url", { amount: 1, currency: "JPY" }],
    ["amount", { currency: "JPY", return_url: "https://s.example" }],
    ["currency", { amount: 1, return_url: "https://s.example" }],
  ])("refuses a session without %s with 422 missing_parameter naming it", async (param, body) => {
    const reply = await sandbox.call("POST", "/sessions", body)
    expect(reply).toMatchObject({ status: 422, body: { error: { code: "missing_parameter", param, message: expect.any(String) } } })
  })

  it.each([
    ["an unknown currency", { currency: "XYZ" }, 422, "invalid_currency", "currency"],
    ["a lower-case currency", { currency: "jpy" }, 422, "invalid_currency", "currency"],
    ["an unknown payment type", { payment_types: ["bitcoin"] }, 422, "invalid_payment_type", "payment_types"],
    ["konbini in USD", { currency: "USD", payment_types: ["konbini"] }, 422, "invalid_payment_type", "payment_types"],
    ["paypay in EUR", { currency: "EUR", payment_types: ["paypay"] }, 422, "invalid_payment_type", "payment_types"],
    ["a negative amount", { amount: -5 }, 422, "invalid_parameter", "amount"],
    ["a zero amount", { amount: 0 }, 422, "invalid_parameter", "amount"],
    ["a fractional amount", { amount: 10.5 }, 422, "invalid_parameter", "amount"],
    ["a non-numeric amount", { amount: "lots" }, 422, "invalid_parameter", "amount"],
    ["a relative return_url", { return_url: "/done" }, 422, "invalid_parameter", "return_url"],
    ["an unknown locale", { default_locale: "fr" }, 422, "invalid_parameter", "default_locale"],
    ["expires_in_seconds over a day", { expires_in_seconds: 86_401 }, 422, "invalid_parameter", "expires_in_seconds"],
    ["a metadata key over 30 characters", { metadata: { ["k".repeat(31)]: "v" } }, 422, "invalid_parameter", "metadata"],
    ["capture neither auto nor manual", { payment_data: { capture: "later" } }, 422, "invalid_parameter", "payment_data[capture]"],
  ])("refuses %s", async (_case, extra, status, code, param) => {
    const reply = await sandbox.call("POST", "/sessions", { ...SESSION, ...extra })
    expect(reply).toMatchObject({ status, body: { error: { code, param } } })
  })

  it("accepts USD with credit_card and keeps the amount in cents", async () => {
    const session = await sandbox.createSession({ amount: 1234, currency: "USD", payment_types: ["credit_card"] })
    expect(session).toMatchObject({ amount: 1234, currency: "USD" })
  })

  it("refuses a reused payment_data[external_order_num] with 422", async () => {
    const body = { ...SESSION, payment_data: { external_order_num: "cart_1-a" } }
    expect((await sandbox.call("POST", "/sessions", body)).status).toBe(200)
    const again = await sandbox.call("POST", "/sessions", body)
    expect(again).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param: "payment_data[external_order_num]" } } })
  })

  it("refuses a JSON body that does not parse with 400 bad_request", async () => {
    const response = await fetch(`${sandbox.apiUrl}/sessions`, { method: "POST", headers: { authorization: BASIC, "content-type": "application/json" }, body: "{" })
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe("bad_request")
  })
})

describe("authentication", () => {
  it("refuses a request without a key with 401 in KOMOJU's error shape", async () => {
    const response = await fetch(`${sandbox.apiUrl}/sessions`, { method: "POST" })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String), param: null, details: null } })
  })

  it.each([
    ["a live key", "sk_live_other"],
    ["a publishable key", "pk_test_123"],
  ])("refuses %s with 401", async (_case, key) => {
    const reply = await sandbox.call("GET", "/payments", undefined, { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` })
    expect(reply.status).toBe(401)
  })

  it("accepts any sk_test_ key besides the configured one", async () => {
    const reply = await sandbox.call("GET", "/payments", undefined, { authorization: `Basic ${Buffer.from("sk_test_merchant_own:").toString("base64")}` })
    expect(reply.status).toBe(200)
  })

  it("accepts only the configured key with strictSecretKey", async () => {
    const strict = await sandboxFor({ secretKey: "sk_test_exact", strictSecretKey: true })
    try {
      const other = await fetch(`${strict.apiUrl}/payments`, { headers: { authorization: `Basic ${Buffer.from("sk_test_other:").toString("base64")}` } })
      const exact = await fetch(`${strict.apiUrl}/payments`, { headers: { authorization: `Basic ${Buffer.from("sk_test_exact:").toString("base64")}` } })
      expect([other.status, exact.status]).toEqual([401, 200])
    } finally {
      await strict.close()
    }
  })

  it("accepts a pinned X-KOMOJU-API-VERSION and logs it", async () => {
    const reply = await sandbox.call("GET", "/payments", undefined, { "x-komoju-api-version": "2024-07-15" })
    expect(reply.status).toBe(200)
    expect(sandbox.requests()).toEqual([expect.objectContaining({ path: "/payments", api_version: "2024-07-15" })])
  })
})
