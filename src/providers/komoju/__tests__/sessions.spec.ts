import nock from "nock"
import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import { komojuPayment, komojuSession } from "./komoju-objects"
import { API, makeProvider, storedData, useNock } from "./harness"

useNock()

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

describe("initiatePayment refuses bad input before calling KOMOJU", () => {
  it("refuses a currency KOMOJU does not take", async () => {
    const { provider } = makeProvider({ returnUrl: "https://shop.test/return" })
    await expect(provider.initiatePayment({ amount: 10, currency_code: "sek", data: {} })).rejects.toThrow(
      /KOMOJU does not accept SEK/
    )
  })

  it.each([
    ["a missing currency", { amount: 10, currency_code: undefined }, /currency_code is required/],
    ["an amount that is not a number", { amount: "ten", currency_code: "jpy" }, /amount must be a number of JPY/],
    ["an amount below one yen", { amount: 0.4, currency_code: "jpy" }, /smallest unit/],
  ])("answers %s with invalid data naming the field", async (_what, input, message) => {
    const { provider } = makeProvider({ returnUrl: "https://shop.test/return" })
    const attempt = provider.initiatePayment({ ...input, data: {} } as never)
    await expect(attempt).rejects.toBeInstanceOf(MedusaError)
    await expect(provider.initiatePayment({ ...input, data: {} } as never)).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringMatching(message),
    })
  })
})

describe("what the payment session stores", () => {
  it("holds only the plugin's keys: the e-mail and any key a storefront sent are returned unset", async () => {
    const { provider } = makeProvider()
    let body: Record<string, unknown> = {}
    nock(API).post("/sessions", (b) => ((body = b), true)).reply(200, komojuSession())
    const { data } = await provider.initiatePayment({
      amount: 1200,
      currency_code: "jpy",
      data: {
        session_id: "payses_1",
        cart_id: "cart_1",
        return_url: "https://shop.test/return",
        email: "buyer@example.jp",
        komoju_store_settings: { payment_types: ["credit_card"] },
        anything: "a storefront sent",
      },
    })
    expect(body.email).toBe("buyer@example.jp")
    // Medusa stores {...what the storefront sent, ...what the provider returns}.
    const stored = JSON.parse(JSON.stringify({ email: "buyer@example.jp", anything: "x", komoju_store_settings: {}, ...data }))
    expect(Object.keys(stored).sort()).toEqual(
      ["amount", "capture_mode", "cart_id", "currency", "external_order_num", "komoju_session_id", "mode", "return_url", "revision", "session_id", "session_url"]
    )
  })

  it("keeps the amount Medusa asked for, so a session KOMOJU holds for another amount is caught", async () => {
    const { provider, logger } = makeProvider({ returnUrl: "https://shop.test/return" })
    nock(API).post("/sessions").reply(200, komojuSession({ amount: 1 }))
    const { data } = await provider.initiatePayment({ amount: 1200, currency_code: "jpy", data: { session_id: "payses_1" } })
    expect(data).toMatchObject({ amount: 1200, currency: "JPY" })

    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ amount: 1, status: "completed", payment: komojuPayment({ amount: 1, total: 1 }) }))
    expect((await provider.authorizePayment({ data })).status).toBe(PaymentSessionStatus.ERROR)
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining("asked 1200 JPY, session holds 1 JPY"))
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

  it.each([
    ["pending (KOMOJU's API today)", "pending"],
    ["failed (a future API version)", "failed"],
  ])("reports a declined card left with 'back to merchant' as canceled, its payment %s", async (_what, status) => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "cancelled", payment: komojuPayment({ status: status as "pending", captured_at: null }) }))
    expect((await provider.authorizePayment({ data: { ...storedData } })).status).toBe(PaymentSessionStatus.CANCELED)
  })

  it("reports a declined card on a session still open as pending, so the shopper may retry", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ payment: komojuPayment({ status: "pending", captured_at: null }) }))
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
