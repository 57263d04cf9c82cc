import nock from "nock"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { BigNumber, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { KomojuProviderService } from "../service"
import type { KomojuProviderOptions } from "../options"
import type { KomojuSessionData } from "../session-data"
import { signBody } from "../webhook"
import { komojuPayment, komojuSession } from "./komoju-objects"

const API = "https://komoju.test/api/v1"
const WEBHOOK_SECRET = "whsec_unit"

function makeLogger() {
  return { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() }
}

function makeProvider(options: Partial<KomojuProviderOptions> = {}) {
  const logger = makeLogger()
  const provider = new KomojuProviderService({ logger: logger as never }, {
    secretKey: "sk_test_unit",
    webhookSecret: WEBHOOK_SECRET,
    apiUrl: API,
    maxRetries: 0,
    ...options,
  })
  return { provider, logger }
}

const storedData: KomojuSessionData = {
  session_id: "payses_1",
  cart_id: "cart_1",
  komoju_session_id: "sess_1",
  session_url: "https://komoju.test/sessions/sess_1",
  external_order_num: "cart_1-abcd1234",
  amount: 1200,
  currency: "JPY",
  capture_mode: "auto",
  return_url: "https://shop.test/return",
  revision: 0,
  mode: "test",
}

beforeAll(() => nock.disableNetConnect())
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([])
  nock.cleanAll()
})
afterAll(() => nock.enableNetConnect())

describe("initiatePayment", () => {
  it("creates a KOMOJU session and returns its id and hosted page URL", async () => {
    const { provider } = makeProvider()
    let body: Record<string, unknown> = {}
    nock(API, { reqheaders: { "x-komoju-idempotency": "payses_01JX0000000000000000ABCD1234" } })
      .post("/sessions", (b) => ((body = b), true))
      .reply(200, komojuSession({ id: "sess_new", session_url: "https://komoju.test/sessions/sess_new" }))

    const result = await provider.initiatePayment({
      amount: 1200,
      currency_code: "jpy",
      data: {
        session_id: "payses_01JX0000000000000000ABCD1234",
        cart_id: "cart_1",
        return_url: "https://shop.test/return",
      },
      context: { idempotency_key: "payses_01JX0000000000000000ABCD1234" },
    })

    expect(body).toMatchObject({
      amount: 1200,
      currency: "JPY",
      payment_data: { external_order_num: "cart_1-abcd1234", capture: "auto" },
      metadata: { medusa_payment_session_id: "payses_01JX0000000000000000ABCD1234", medusa_cart_id: "cart_1" },
    })
    expect(result.id).toBe("sess_new")
    expect(result.status).toBe(PaymentSessionStatus.PENDING)
    expect(result.data).toMatchObject({
      komoju_session_id: "sess_new",
      session_url: "https://komoju.test/sessions/sess_new",
      amount: 1200,
      currency: "JPY",
      mode: "test",
    })
  })

  it("sends US dollars in cents", async () => {
    const { provider } = makeProvider({ returnUrl: "https://shop.test/return" })
    let body: Record<string, unknown> = {}
    nock(API)
      .post("/sessions", (b) => ((body = b), true))
      .reply(200, komojuSession({ amount: 1999, currency: "USD" }))
    await provider.initiatePayment({ amount: 19.99, currency_code: "usd", data: {} })
    expect(body).toMatchObject({ amount: 1999, currency: "USD" })
  })

  it("surfaces KOMOJU's rejection as a MedusaError with its code", async () => {
    const { provider } = makeProvider({ returnUrl: "https://shop.test/return" })
    nock(API)
      .post("/sessions")
      .reply(422, { error: { code: "invalid_payment_type", message: "konbini is not available for USD", param: "payment_types" } })
    await expect(
      provider.initiatePayment({ amount: 10, currency_code: "usd", data: { payment_types: ["konbini"] } })
    ).rejects.toMatchObject({
      code: "invalid_payment_type",
      type: "invalid_data",
      message: expect.stringContaining("konbini is not available for USD"),
    })
  })
})

describe("updatePayment", () => {
  it("keeps the session when amount and currency are unchanged", async () => {
    const { provider } = makeProvider()
    const result = await provider.updatePayment({ amount: 1200, currency_code: "jpy", data: { ...storedData } })
    expect(result.data).toMatchObject({ komoju_session_id: "sess_1" })
  })

  it("cancels the old session and creates a new one for a new amount", async () => {
    const { provider } = makeProvider()
    let body: Record<string, unknown> = {}
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession())
      .post("/sessions/sess_1/cancel")
      .reply(200, komojuSession({ status: "cancelled" }))
      .post("/sessions", (b) => ((body = b), true))
      .reply(200, komojuSession({ id: "sess_2", amount: 1500 }))

    const result = await provider.updatePayment({ amount: 1500, currency_code: "jpy", data: { ...storedData } })

    expect(body).toMatchObject({
      amount: 1500,
      return_url: "https://shop.test/return",
      payment_data: { external_order_num: "cart_1-payses_1-r1" },
    })
    expect(result.data).toMatchObject({ komoju_session_id: "sess_2", amount: 1500, revision: 1 })
  })

  it("refuses to change the amount of a session the customer already paid", async () => {
    const { provider } = makeProvider()
    nock(API).get("/sessions/sess_1").reply(200, komojuSession({ status: "completed", payment: komojuPayment() }))
    await expect(
      provider.updatePayment({ amount: 1500, currency_code: "jpy", data: { ...storedData } })
    ).rejects.toThrow("cannot be cancelled; refund it instead")
  })
})

describe("authorizePayment", () => {
  it.each([
    ["a captured card payment", komojuPayment(), PaymentSessionStatus.CAPTURED],
    ["a held card authorization", komojuPayment({ status: "authorized", captured_at: null }), PaymentSessionStatus.AUTHORIZED],
    [
      "a konbini receipt waiting for cash",
      komojuPayment({ status: "authorized", payment_details: { type: "konbini", store: "lawson", receipt: "123" } }),
      PaymentSessionStatus.PENDING_AUTHORIZATION,
    ],
    ["a declined card", komojuPayment({ status: "failed" }), PaymentSessionStatus.ERROR],
  ])("reports %s", async (_, payment, expected) => {
    const { provider } = makeProvider()
    nock(API).get("/sessions/sess_1").reply(200, komojuSession({ status: "completed", payment }))
    const result = await provider.authorizePayment({ data: { ...storedData } })
    expect(result.status).toBe(expected)
    expect(result.data).toMatchObject({ komoju_payment_id: "pay_1" })
  })

  it("reports a session nobody paid yet as pending", async () => {
    const { provider } = makeProvider()
    nock(API).get("/sessions/sess_1").reply(200, komojuSession())
    expect((await provider.authorizePayment({ data: { ...storedData } })).status).toBe(PaymentSessionStatus.PENDING)
  })

  it("reports 'back to merchant' as canceled", async () => {
    const { provider } = makeProvider()
    nock(API).get("/sessions/sess_1").reply(200, komojuSession({ status: "cancelled" }))
    expect((await provider.authorizePayment({ data: { ...storedData } })).status).toBe(PaymentSessionStatus.CANCELED)
  })

  it("keeps the konbini receipt and deadline for the admin, not the e-mail", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({
        status: "completed",
        payment: komojuPayment({
          status: "authorized",
          payment_deadline: "2026-11-26T14:59:59Z",
          payment_details: { type: "konbini", store: "lawson", receipt: "1234-5678", email: "x@y.z" },
        }),
      }))
    const { data } = await provider.authorizePayment({ data: { ...storedData } })
    expect(data).toMatchObject({
      payment_type: "konbini",
      payment_details: { store: "lawson", receipt: "1234-5678", payment_deadline: "2026-11-26T14:59:59Z" },
    })
    expect(JSON.stringify(data)).not.toContain("x@y.z")
  })

  it("treats a payment of another amount as an error, never as paid", async () => {
    const { provider, logger } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "completed", payment: komojuPayment({ amount: 1 }) }))
    expect((await provider.authorizePayment({ data: { ...storedData } })).status).toBe(PaymentSessionStatus.ERROR)
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining("payment holds 1 JPY"))
  })

  it("treats a session in another currency as an error", async () => {
    const { provider } = makeProvider()
    nock(API).get("/sessions/sess_1").reply(200, komojuSession({ currency: "USD" }))
    expect((await provider.getPaymentStatus({ data: { ...storedData } })).status).toBe(PaymentSessionStatus.ERROR)
  })
})

describe("capturePayment", () => {
  const authorized = { ...storedData, komoju_payment_id: "pay_1", komoju_payment_status: "authorized" as const }

  it("captures a held card authorization with the capture's idempotency key", async () => {
    const { provider } = makeProvider({ captureMode: "manual" })
    nock(API, { reqheaders: { "x-komoju-idempotency": "capt_1" } })
      .post("/payments/pay_1/capture")
      .reply(200, komojuPayment())
    const result = await provider.capturePayment({ data: authorized, context: { idempotency_key: "capt_1" } })
    expect(result.data).toMatchObject({ komoju_payment_status: "captured" })
  })

  it("does not capture again what is already captured", async () => {
    const { provider } = makeProvider()
    const result = await provider.capturePayment({ data: { ...authorized, komoju_payment_status: "captured" } })
    expect(result.data).toMatchObject({ komoju_payment_status: "captured" })
  })

  it("treats KOMOJU's not_capturable on a captured payment as success", async () => {
    const { provider } = makeProvider()
    nock(API)
      .post("/payments/pay_1/capture")
      .reply(422, { error: { code: "not_capturable", message: "already captured" } })
      .get("/payments/pay_1")
      .reply(200, komojuPayment())
    await expect(provider.capturePayment({ data: authorized })).resolves.toMatchObject({
      data: { komoju_payment_status: "captured" },
    })
  })

  it("explains that a konbini payment waits for the customer", async () => {
    const { provider } = makeProvider()
    nock(API)
      .post("/payments/pay_1/capture")
      .reply(422, { error: { code: "not_capturable", message: "not capturable" } })
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ status: "authorized", payment_details: { type: "konbini" } }))
    await expect(provider.capturePayment({ data: authorized })).rejects.toThrow(
      "is waiting for the customer to pay"
    )
  })

  it("finds the payment through the session when the data has no payment id yet", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "completed", payment: komojuPayment({ status: "authorized" }) }))
      .post("/payments/pay_1/capture")
      .reply(200, komojuPayment())
    await expect(provider.capturePayment({ data: { ...storedData } })).resolves.toMatchObject({
      data: { komoju_payment_id: "pay_1" },
    })
  })
})

describe("refundPayment", () => {
  const captured = { ...storedData, komoju_payment_id: "pay_1", komoju_payment_status: "captured" as const }
  const refund = (id: string, amount: number, currency = "JPY") => ({
    id,
    resource: "refund" as const,
    amount,
    currency,
    payment: "pay_1",
    description: null,
    created_at: "2026-11-23T10:00:00.000+09:00",
  })

  it("refunds a partial yen amount given as Medusa's raw BigNumber, and records the KOMOJU refund", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment())
    nock(API, { reqheaders: { "x-komoju-idempotency": "ref_1" } })
      .post("/payments/pay_1/refund", { amount: 300 })
      .reply(200, komojuPayment({ amount_refunded: 300, refunds: [refund("rf_1", 300)] }))
    const result = await provider.refundPayment({
      data: captured,
      amount: { value: "300", precision: 20 },
      context: { idempotency_key: "ref_1" },
    })
    expect(result.data).toMatchObject({
      amount_refunded: 300,
      refunds: [{ id: "rf_1", amount: 300 }],
      komoju_refunds_recorded: ["rf_1"],
    })
  })

  it("refunds again after an earlier refund, recording only the new one", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ amount_refunded: 300, refunds: [refund("rf_1", 300)] }))
      .post("/payments/pay_1/refund", { amount: 300 })
      .reply(200, komojuPayment({ amount_refunded: 600, refunds: [refund("rf_1", 300), refund("rf_2", 300)] }))
    const result = await provider.refundPayment({
      data: { ...captured, komoju_refunds_recorded: ["rf_1"] },
      amount: 300,
    })
    expect(result.data).toMatchObject({ amount_refunded: 600, komoju_refunds_recorded: ["rf_1", "rf_2"] })
  })

  it("records a refund made in KOMOJU's dashboard instead of refunding twice", async () => {
    const { provider, logger } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ amount_refunded: 500, refunds: [refund("rf_dash", 500)] }))
    const result = await provider.refundPayment({ data: captured, amount: 500 })
    expect(result.data).toMatchObject({ amount_refunded: 500, komoju_refunds_recorded: ["rf_dash"] })
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining("made in KOMOJU, not repeated"))
  })

  it("refunds dollars in exact cents", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ currency: "USD", amount: 2000, total: 2000 }))
      .post("/payments/pay_1/refund", { amount: 1001 })
      .reply(200, komojuPayment({ currency: "USD", refunds: [refund("rf_usd", 1001, "USD")] }))
    const result = await provider.refundPayment({
      data: { ...captured, currency: "USD", amount: 2000 },
      amount: new BigNumber("10.01"),
    })
    expect(result.data).toMatchObject({ komoju_refunds_recorded: ["rf_usd"] })
  })

  it("says what to do instead when KOMOJU cannot refund a konbini payment", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ payment_details: { type: "konbini" } }))
      .post("/payments/pay_1/refund")
      .reply(422, { error: { code: "not_refundable", message: "Payment is not refundable" } })
    await expect(
      provider.refundPayment({ data: { ...captured, payment_type: "konbini" }, amount: 1200 })
    ).rejects.toMatchObject({
      code: "not_refundable",
      message: expect.stringContaining("cannot refund this konbini payment through its API"),
    })
  })
})

describe("cancelPayment and deletePayment", () => {
  it("cancels a session nobody paid", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession())
      .post("/sessions/sess_1/cancel")
      .reply(200, komojuSession({ status: "cancelled" }))
    await provider.deletePayment({ data: { ...storedData } })
  })

  it("cancels a konbini payment still waiting for cash", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "completed", payment: komojuPayment({ status: "authorized", payment_details: { type: "konbini" } }) }))
      .post("/payments/pay_1/cancel")
      .reply(200, komojuPayment({ status: "cancelled" }))
    const result = await provider.cancelPayment({ data: { ...storedData } })
    expect(result.data).toMatchObject({ komoju_payment_status: "cancelled" })
  })

  it("treats an already cancelled session as done", async () => {
    const { provider } = makeProvider()
    nock(API).get("/sessions/sess_1").reply(200, komojuSession({ status: "cancelled" }))
    await provider.cancelPayment({ data: { ...storedData } })
  })

  it("treats an expired payment as done", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "completed", payment: komojuPayment({ status: "expired" }) }))
    await provider.cancelPayment({ data: { ...storedData } })
  })

  it("refuses to cancel captured money, which needs a refund", async () => {
    const { provider } = makeProvider()
    nock(API).get("/sessions/sess_1").reply(200, komojuSession({ status: "completed", payment: komojuPayment() }))
    await expect(provider.cancelPayment({ data: { ...storedData } })).rejects.toMatchObject({
      code: "not_cancellable",
    })
  })

  it("does nothing for a session that never reached KOMOJU", async () => {
    const { provider } = makeProvider()
    await expect(provider.deletePayment({ data: { return_url: "https://shop.test" } })).resolves.toEqual({
      data: { return_url: "https://shop.test" },
    })
  })
})

describe("getWebhookActionAndData", () => {
  const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name))

  function eventBody(type: string, payment = komojuPayment()) {
    return Buffer.from(JSON.stringify({ id: "evt_1", type, resource: "event", data: payment, created_at: "2026-11-23T10:00:00Z", reason: null }))
  }

  function delivery(rawData: Buffer, signature?: string) {
    return {
      data: JSON.parse(rawData.toString()),
      rawData,
      headers: {
        "x-komoju-id": "dlv_1",
        "x-komoju-event": "payment.captured",
        ...(signature ? { "x-komoju-signature": signature } : {}),
      },
    }
  }

  it("maps a signed payment.captured to a successful capture of the Medusa session", async () => {
    const { provider } = makeProvider()
    const body = eventBody("payment.captured")
    const result = await provider.getWebhookActionAndData(delivery(body, signBody(body, WEBHOOK_SECRET)))
    expect(result.action).toBe(PaymentActions.SUCCESSFUL)
    expect(result.data?.session_id).toBe("payses_1")
    expect(new BigNumber(result.data!.amount).numeric).toBe(1200)
  })

  it("gives the amount in dollars for a USD payment", async () => {
    const { provider } = makeProvider()
    const body = eventBody("payment.authorized", komojuPayment({ amount: 1999, total: 1999, currency: "USD", status: "authorized" }))
    const result = await provider.getWebhookActionAndData(delivery(body, signBody(body, WEBHOOK_SECRET)))
    expect(result.action).toBe(PaymentActions.AUTHORIZED)
    expect(new BigNumber(result.data!.amount).numeric).toBe(19.99)
  })

  it("maps KOMOJU's own expired konbini event to canceled", async () => {
    const { provider } = makeProvider()
    const raw = JSON.parse(fixture("event-payment-expired-konbini.json").toString())
    raw.data.metadata = { medusa_payment_session_id: "payses_9" }
    const body = Buffer.from(JSON.stringify(raw))
    const result = await provider.getWebhookActionAndData(delivery(body, signBody(body, WEBHOOK_SECRET)))
    expect(result).toMatchObject({ action: PaymentActions.CANCELED, data: { session_id: "payses_9" } })
  })

  it.each([
    ["missing", undefined],
    ["made with another secret", "other-secret"],
  ])("refuses and logs a delivery whose signature is %s, without the secret", async (_, secret) => {
    const { provider, logger } = makeProvider()
    const body = eventBody("payment.captured")
    const result = await provider.getWebhookActionAndData(
      delivery(body, secret ? signBody(body, secret) : undefined)
    )
    expect(result).toEqual({ action: PaymentActions.NOT_SUPPORTED })
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("KOMOJU webhook refused"))
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("dlv_1"))
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(WEBHOOK_SECRET)
  })

  it("refuses a body changed after it was signed", async () => {
    const { provider } = makeProvider()
    const body = eventBody("payment.captured")
    const signature = signBody(body, WEBHOOK_SECRET)
    const tampered = Buffer.from(body.toString().replace('"amount":1200', '"amount":12'))
    const result = await provider.getWebhookActionAndData(delivery(tampered, signature))
    expect(result).toEqual({ action: PaymentActions.NOT_SUPPORTED })
  })

  it("ignores a signed ping", async () => {
    const { provider } = makeProvider()
    const body = Buffer.from(JSON.stringify({ id: "evt_p", type: "ping", resource: "event", data: {}, created_at: "2026-11-23T10:00:00Z", reason: null }))
    const result = await provider.getWebhookActionAndData(delivery(body, signBody(body, WEBHOOK_SECRET)))
    expect(result).toEqual({ action: PaymentActions.NOT_SUPPORTED })
  })

  it("ignores a payment that was not made through Medusa (KOMOJU's own refunded fixture)", async () => {
    const { provider } = makeProvider()
    const body = fixture("event-payment-refunded-card-usd.json")
    const result = await provider.getWebhookActionAndData(delivery(body, signBody(body, WEBHOOK_SECRET)))
    expect(result).toEqual({ action: PaymentActions.NOT_SUPPORTED })
  })

  it.each(["payment.refunded", "payment.refund.created"])(
    "reports %s as not supported by core, with its session for the plugin's own handling",
    async (type) => {
      const { provider } = makeProvider()
      const body = eventBody(type, komojuPayment({ status: "refunded", amount_refunded: 1200 }))
      const result = await provider.getWebhookActionAndData(delivery(body, signBody(body, WEBHOOK_SECRET)))
      expect(result).toMatchObject({ action: PaymentActions.NOT_SUPPORTED, data: { session_id: "payses_1" } })
    }
  )

  it("maps payment.failed to failed", async () => {
    const { provider } = makeProvider()
    const body = eventBody("payment.failed", komojuPayment({ status: "failed" }))
    const result = await provider.getWebhookActionAndData(delivery(body, signBody(body, WEBHOOK_SECRET)))
    expect(result.action).toBe(PaymentActions.FAILED)
  })
})

describe("validateOptions", () => {
  it("fails at boot naming the missing option", () => {
    expect(() => KomojuProviderService.validateOptions({ secretKey: "sk_test_x" })).toThrow("`webhookSecret` is required")
  })

  it("registers under the identifier komoju", () => {
    expect(KomojuProviderService.identifier).toBe("komoju")
  })
})
