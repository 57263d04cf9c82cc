import nock from "nock"
import { PaymentActions } from "@medusajs/framework/utils"
import { KomojuProviderService } from "../service"
import { komojuPayment, komojuSession } from "./komoju-objects"
import { API, makeProvider, stateErrors, storedData, useNock } from "./harness"

useNock()

const konbiniWaiting = komojuPayment({ status: "authorized", captured_at: null, payment_details: { type: "konbini" } })

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

  it("cancels a konbini payment still waiting for cash, so its receipt can no longer be paid", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "completed", payment: konbiniWaiting }))
      .post("/payments/pay_1/cancel")
      .reply(200, komojuPayment({ status: "cancelled", payment_details: { type: "konbini" } }))
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

  it.each(stateErrors("not_cancellable"))(
    "treats KOMOJU's refusal (%s) of a payment that expired meanwhile as done",
    async (_what, code) => {
      const { provider } = makeProvider()
      nock(API)
        .get("/sessions/sess_1")
        .reply(200, komojuSession({ status: "completed", payment: konbiniWaiting }))
        .post("/payments/pay_1/cancel")
        .reply(422, { error: { code, message: "Payment cannot be cancelled" } })
        .get("/payments/pay_1")
        .reply(200, komojuPayment({ status: "expired" }))
      const result = await provider.cancelPayment({ data: { ...storedData } })
      expect(result.data).toMatchObject({ komoju_payment_status: "expired" })
    }
  )

  it("reports a payment captured while it was being cancelled: that money needs a refund", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "completed", payment: konbiniWaiting }))
      .post("/payments/pay_1/cancel")
      .reply(422, { error: { code: "unprocessable_entity", message: "Payment cannot be cancelled" } })
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ payment_details: { type: "konbini" } }))
    await expect(provider.cancelPayment({ data: { ...storedData } })).rejects.toMatchObject({
      code: "not_cancellable",
      message: "KOMOJU payment pay_1 is captured and cannot be cancelled; refund it instead",
    })
  })

  it("cancels the payment the shopper made while the session was being cancelled", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/sessions/sess_1")
      .reply(200, komojuSession())
      .post("/sessions/sess_1/cancel")
      .reply(422, { error: { code: "unprocessable_entity", message: "Session is completed" } })
      .get("/sessions/sess_1")
      .reply(200, komojuSession({ status: "completed", payment: konbiniWaiting }))
      .post("/payments/pay_1/cancel")
      .reply(200, komojuPayment({ status: "cancelled" }))
    const result = await provider.cancelPayment({ data: { ...storedData } })
    expect(result.data).toMatchObject({ komoju_payment_status: "cancelled" })
  })

  it("refuses to cancel captured money, which needs a refund", async () => {
    const { provider } = makeProvider()
    nock(API).get("/sessions/sess_1").reply(200, komojuSession({ status: "completed", payment: komojuPayment() }))
    await expect(provider.cancelPayment({ data: { ...storedData } })).rejects.toMatchObject({ code: "not_cancellable" })
  })

  it("does nothing for a session that never reached KOMOJU", async () => {
    const { provider } = makeProvider()
    await expect(provider.deletePayment({ data: { return_url: "https://shop.test" } })).resolves.toEqual({
      data: { return_url: "https://shop.test" },
    })
  })
})

describe("getWebhookActionAndData", () => {
  it("tells Medusa's generic webhook flow to leave KOMOJU deliveries to the plugin's pipeline", async () => {
    const { provider } = makeProvider()
    await expect(provider.getWebhookActionAndData()).resolves.toEqual({ action: PaymentActions.NOT_SUPPORTED })
  })
})

describe("validateOptions", () => {
  it("fails at boot naming the missing option", () => {
    expect(() => KomojuProviderService.validateOptions({ secretKey: "sk_test_x" })).toThrow("`webhookSecret` is required")
    expect(KomojuProviderService.identifier).toBe("komoju")
  })
})
