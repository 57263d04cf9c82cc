import nock from "nock"
import { KomojuHttpClient, toIdempotencyKey } from "../client"
import { KomojuError } from "../errors"

const API = "https://komoju.test/api/v1"

function client(overrides: Partial<ConstructorParameters<typeof KomojuHttpClient>[0]> = {}) {
  return new KomojuHttpClient({
    secretKey: "sk_test_abc",
    apiUrl: API,
    apiVersion: "2024-07-15",
    timeoutMs: 500,
    maxRetries: 2,
    sleep: async () => undefined,
    ...overrides,
  })
}

const session = { id: "sess1", resource: "session", amount: 1000, currency: "JPY" }
const sessionRequest = {
  amount: 1000,
  currency: "JPY",
  return_url: "https://shop.test/return",
  payment_data: { external_order_num: "cart_1-abc" },
}

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

describe("KomojuHttpClient", () => {
  it("authenticates with the secret key as Basic user and an empty password", async () => {
    const expected = `Basic ${Buffer.from("sk_test_abc:").toString("base64")}`
    const scope = nock(API, { reqheaders: { authorization: expected } })
      .get("/sessions/sess1")
      .reply(200, session)
    await expect(client().retrieveSession("sess1")).resolves.toMatchObject({ id: "sess1" })
    expect(scope.isDone()).toBe(true)
  })

  it("pins the API version on every request", async () => {
    const scope = nock(API, { reqheaders: { "x-komoju-api-version": "2024-07-15" } })
      .get("/payments/pay1")
      .reply(200, { id: "pay1" })
    await client().retrievePayment("pay1")
    expect(scope.isDone()).toBe(true)
  })

  it("sends the given idempotency key and a JSON body on a write", async () => {
    const scope = nock(API, { reqheaders: { "x-komoju-idempotency": "payses_1" } })
      .post("/sessions", sessionRequest)
      .reply(200, session)
    await client().createSession(sessionRequest, { idempotencyKey: "payses_1" })
    expect(scope.isDone()).toBe(true)
  })

  it("invents an idempotency key for a write that has none", async () => {
    let sent: string | undefined
    nock(API)
      .post("/payments/pay1/cancel")
      .reply(function () {
        sent = this.req.headers["x-komoju-idempotency"] as string
        return [200, { id: "pay1" }]
      })
    await client().cancelPayment("pay1")
    expect(sent).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("retries a 503 with the same idempotency key and returns the later success", async () => {
    const keys: string[] = []
    nock(API)
      .post("/payments/pay1/refund")
      .times(2)
      .reply(function () {
        keys.push(this.req.headers["x-komoju-idempotency"] as string)
        return [503, { error: { code: "service_unavailable", message: "busy" } }]
      })
      .post("/payments/pay1/refund")
      .reply(function () {
        keys.push(this.req.headers["x-komoju-idempotency"] as string)
        return [200, { id: "pay1", amount_refunded: 100 }]
      })
    const payment = await client().refundPayment("pay1", { amount: 100 }, { idempotencyKey: "ref_1" })
    expect(payment.amount_refunded).toBe(100)
    expect(keys).toEqual(["ref_1", "ref_1", "ref_1"])
  })

  it("retries a 429 after the wait KOMOJU asks for", async () => {
    const waits: number[] = []
    nock(API)
      .get("/sessions/sess1")
      .reply(429, { error: { code: "too_many_requests", message: "slow down" } }, { "Retry-After": "1" })
      .get("/sessions/sess1")
      .reply(200, session)
    await client({ sleep: async (ms) => void waits.push(ms) }).retrieveSession("sess1")
    expect(waits).toEqual([1000])
  })

  it("retries a network error", async () => {
    nock(API)
      .get("/sessions/sess1")
      .replyWithError("socket hang up")
      .get("/sessions/sess1")
      .reply(200, session)
    await expect(client().retrieveSession("sess1")).resolves.toMatchObject({ id: "sess1" })
  })

  it("gives up after maxRetries and reports the last failure", async () => {
    nock(API)
      .get("/sessions/sess1")
      .times(3)
      .reply(502, { error: { code: "bad_gateway", message: "upstream" } })
    const error = await client().retrieveSession("sess1").catch((e) => e)
    expect(error).toBeInstanceOf(KomojuError)
    expect(error.komojuCode).toBe("bad_gateway")
    expect(nock.pendingMocks()).toEqual([])
  })

  it("does not retry a request KOMOJU rejected", async () => {
    nock(API)
      .post("/payments/pay1/capture")
      .once()
      .reply(422, { error: { code: "not_capturable", message: "Payment cannot be captured" } })
    const error = await client().capturePayment("pay1", {}, { idempotencyKey: "cap_1" }).catch((e) => e)
    expect(error).toMatchObject({ komojuCode: "not_capturable", httpStatus: 422, type: "invalid_data" })
  })

  it("turns KOMOJU's error body into a MedusaError with code, message and param", async () => {
    nock(API)
      .post("/sessions")
      .reply(400, {
        error: { code: "missing_parameter", message: "A required parameter is missing", param: "return_url" },
      })
    const error = await client().createSession(sessionRequest).catch((e) => e)
    expect(error).toBeInstanceOf(KomojuError)
    expect(error.code).toBe("missing_parameter")
    expect(error.param).toBe("return_url")
    expect(error.message).toBe(
      "KOMOJU missing_parameter: A required parameter is missing (param: return_url)"
    )
  })

  it("reports a timeout as request_timeout after its retries", async () => {
    nock(API).get("/sessions/slow").times(3).delay(200).reply(200, session)
    const error = await client({ timeoutMs: 50 }).retrieveSession("slow").catch((e) => e)
    expect(error).toMatchObject({ komojuCode: "request_timeout", httpStatus: 0 })
  })

  it("reports an unauthorized key without retrying", async () => {
    nock(API)
      .get("/sessions/sess1")
      .once()
      .reply(401, { error: { code: "unauthorized", message: "Invalid API key" } })
    const error = await client().retrieveSession("sess1").catch((e) => e)
    expect(error).toMatchObject({ komojuCode: "unauthorized", type: "unexpected_state" })
  })
})

describe("KomojuHttpClient.createRefundRequest", () => {
  const body = {
    amount: 700,
    customer_name: "ﾔﾏﾀﾞ ﾀﾛｳ",
    bank_name: "みずほ銀行",
    bank_code: "0001",
    branch_number: "001",
    account_type: "normal" as const,
    account_number: "0123456",
    include_payment_method_fee: false,
  }
  const answer = {
    id: "pay1",
    resource: "payment",
    status: "captured",
    refund_requests: [{ id: "rr1", payment: "pay1", status: "pending", bank_name: "みずほ銀行", account_number: "0123456" }],
  }

  it("posts the bank account to the payment's refund_request with the given idempotency key", async () => {
    const scope = nock(API, { reqheaders: { "x-komoju-idempotency": "b6f2c1de-1111-4a4a-9c9c-000000000001" } })
      .post("/payments/pay1/refund_request", body)
      .reply(200, answer)
    const payment = await client().createRefundRequest("pay1", body, { idempotencyKey: "b6f2c1de-1111-4a4a-9c9c-000000000001" })
    expect(payment.refund_requests).toEqual([expect.objectContaining({ id: "rr1", status: "pending" })])
    expect(scope.isDone()).toBe(true)
  })

  it("retries a lost answer with the same key, so KOMOJU makes one request", async () => {
    const keys: string[] = []
    nock(API)
      .post("/payments/pay1/refund_request")
      .replyWithError("socket hang up")
      .post("/payments/pay1/refund_request")
      .reply(function () {
        keys.push(this.req.headers["x-komoju-idempotency"] as string)
        return [200, answer]
      })
    await client().createRefundRequest("pay1", body, { idempotencyKey: "req_1" })
    expect(keys).toEqual(["req_1"])
  })

  it("surfaces KOMOJU's refusal with its code and message", async () => {
    nock(API)
      .post("/payments/pay1/refund_request")
      .once()
      .reply(422, { error: { code: "not_refundable", message: "Payment cannot be refunded" } })
    const error = await client().createRefundRequest("pay1", body, { idempotencyKey: "req_2" }).catch((e) => e)
    expect(error).toMatchObject({ komojuCode: "not_refundable", type: "invalid_data", message: "KOMOJU not_refundable: Payment cannot be refunded" })
  })
})

describe("toIdempotencyKey", () => {
  it("keeps a key KOMOJU accepts", () => {
    expect(toIdempotencyKey("payses_01JABC")).toBe("payses_01JABC")
  })

  it("hashes a key that is too long, the same way every time", () => {
    const long = "x".repeat(150)
    expect(toIdempotencyKey(long)).toHaveLength(64)
    expect(toIdempotencyKey(long)).toBe(toIdempotencyKey(long))
  })
})
