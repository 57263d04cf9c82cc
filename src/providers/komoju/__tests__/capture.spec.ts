import nock from "nock"
import { komojuPayment, komojuSession } from "./komoju-objects"
import { API, captureRecords, stateErrors, makeProvider, storedData, useNock } from "./harness"

useNock()

const held = { ...storedData, capture_mode: "manual" as const, komoju_payment_id: "pay_1", komoju_payment_status: "authorized" as const }
const authorized = komojuPayment({ status: "authorized", captured_at: null })

describe("capturePayment", () => {
  it("captures the whole authorization with the capture's idempotency key, sending no amount", async () => {
    const { provider } = makeProvider({}, captureRecords({ capt_1: 1200 }))
    let body: unknown
    nock(API, { reqheaders: { "x-komoju-idempotency": "capt_1" } })
      .post("/payments/pay_1/capture", (b) => ((body = b), true))
      .reply(200, komojuPayment())
    const result = await provider.capturePayment({ data: held, context: { idempotency_key: "capt_1" } })
    expect(body).toEqual({})
    expect(result.data).toMatchObject({ komoju_payment_status: "captured" })
  })

  it("captures part of an authorization for exactly the amount Medusa captures", async () => {
    const { provider } = makeProvider({}, captureRecords({ capt_1: 700 }))
    nock(API).post("/payments/pay_1/capture", { amount: 700 }).reply(200, komojuPayment({ amount: 700, total: 700 }))
    const result = await provider.capturePayment({ data: held, context: { idempotency_key: "capt_1" } })
    expect(result.data).toMatchObject({ komoju_payment_status: "captured", komoju_payment_amount: 700 })
  })

  it("captures part of a dollar authorization in exact cents", async () => {
    const { provider } = makeProvider({}, captureRecords({ capt_1: "10.01" }))
    nock(API)
      .post("/payments/pay_1/capture", { amount: 1001 })
      .reply(200, komojuPayment({ currency: "USD", amount: 1001, total: 1001 }))
    await provider.capturePayment({ data: { ...held, currency: "USD", amount: 2000 }, context: { idempotency_key: "capt_1" } })
  })

  it("captures nothing when the amount of Medusa's capture cannot be read", async () => {
    const { provider } = makeProvider({}, captureRecords({}))
    await expect(provider.capturePayment({ data: held, context: { idempotency_key: "capt_x" } })).rejects.toThrow(
      "The amount of Medusa capture capt_x cannot be read (Capture with id: capt_x was not found); nothing was captured in KOMOJU"
    )
  })

  it("refuses a partial capture of a payment charged in another currency", async () => {
    const { provider } = makeProvider({}, captureRecords({ capt_1: 700 }))
    await expect(
      provider.capturePayment({ data: { ...held, komoju_payment_currency: "CNY", komoju_payment_amount: 6000 }, context: { idempotency_key: "capt_1" } })
    ).rejects.toThrow("was charged in CNY, not JPY: it can only be captured in full")
  })

  it.each(stateErrors("not_capturable"))(
    "treats KOMOJU's refusal (%s) of a payment already captured as success",
    async (_what, code) => {
      const { provider, logger } = makeProvider({}, captureRecords({ capt_1: 1200 }))
      nock(API)
        .post("/payments/pay_1/capture")
        .reply(422, { error: { code, message: "Payment cannot be captured" } })
        .get("/payments/pay_1")
        .reply(200, komojuPayment())
      const result = await provider.capturePayment({ data: held, context: { idempotency_key: "capt_1" } })
      expect(result.data).toMatchObject({ komoju_payment_status: "captured" })
      expect(logger.info).toHaveBeenCalledWith(expect.stringContaining("was already captured"))
    }
  )

  it("treats a capture whose answer was lost as done when KOMOJU holds it captured", async () => {
    const { provider } = makeProvider({}, captureRecords({ capt_1: 1200 }))
    nock(API).post("/payments/pay_1/capture").reply(503, { error: { code: "service_unavailable", message: "down" } })
    nock(API).get("/payments/pay_1").reply(200, komojuPayment())
    await expect(provider.capturePayment({ data: held, context: { idempotency_key: "capt_1" } })).resolves.toBeDefined()
  })

  it("refuses a second capture of an authorization KOMOJU captured for less", async () => {
    const { provider } = makeProvider({}, captureRecords({ capt_2: 500 }))
    nock(API)
      .post("/payments/pay_1/capture", { amount: 500 })
      .reply(422, { error: { code: "unprocessable_entity", message: "Payment cannot be captured" } })
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ amount: 700, total: 700 }))
    await expect(provider.capturePayment({ data: held, context: { idempotency_key: "capt_2" } })).rejects.toThrow(
      "KOMOJU payment pay_1 is already captured for 700 JPY; KOMOJU captures an authorization once and released the rest"
    )
  })

  it.each(stateErrors("not_capturable"))("explains that a konbini payment waits for the customer (%s)", async (_what, code) => {
    const { provider } = makeProvider({}, captureRecords({ capt_1: 1200 }))
    nock(API)
      .post("/payments/pay_1/capture")
      .reply(422, { error: { code, message: "Payment cannot be captured" } })
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ status: "authorized", payment_details: { type: "konbini" } }))
    await expect(provider.capturePayment({ data: held, context: { idempotency_key: "capt_1" } })).rejects.toMatchObject({
      code: "not_capturable",
      message: expect.stringContaining("is waiting for the customer to pay"),
    })
  })

  it("passes on KOMOJU's refusal when the payment is still authorized", async () => {
    const { provider } = makeProvider({}, captureRecords({ capt_1: 1200 }))
    nock(API)
      .post("/payments/pay_1/capture")
      .reply(422, { error: { code: "unprocessable_entity", message: "Authorization expired at the issuer" } })
      .get("/payments/pay_1")
      .reply(200, authorized)
    await expect(provider.capturePayment({ data: held, context: { idempotency_key: "capt_1" } })).rejects.toMatchObject({
      code: "unprocessable_entity",
      message: expect.stringContaining("Authorization expired at the issuer"),
    })
  })

  it("finds the payment through the session when the data has no payment id yet", async () => {
    const { provider } = makeProvider({}, captureRecords({ capt_1: 1200 }))
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "completed", payment: authorized }))
      .post("/payments/pay_1/capture")
      .reply(200, komojuPayment())
    await provider.capturePayment({ data: { ...storedData }, context: { idempotency_key: "capt_1" } })
  })
})
