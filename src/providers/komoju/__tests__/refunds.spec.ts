import nock from "nock"
import { BigNumber } from "@medusajs/framework/utils"
import type { KomojuRefund } from "../../../lib/komoju"
import { recordingKomojuRefund } from "../refund-recording"
import { komojuPayment } from "./komoju-objects"
import { API, makeProvider, stateErrors, storedData, useNock } from "./harness"

useNock()

const captured = { ...storedData, komoju_payment_id: "pay_1", komoju_payment_status: "captured" as const }

function refund(id: string, amount: number, description: string | null = null, currency = "JPY"): KomojuRefund {
  return { id, resource: "refund", amount, currency, payment: "pay_1", description, created_at: "2026-11-23T10:00:00.000+09:00" }
}

describe("refundPayment: making a refund", () => {
  it("refunds a partial yen amount under Medusa's refund id", async () => {
    const { provider } = makeProvider()
    nock(API).get("/payments/pay_1").reply(200, komojuPayment())
    nock(API, { reqheaders: { "x-komoju-idempotency": "ref_1" } })
      .post("/payments/pay_1/refund", { amount: 300, description: "medusa:ref_1" })
      .reply(200, komojuPayment({ amount_refunded: 300, refunds: [refund("rf_1", 300, "medusa:ref_1")] }))
    const result = await provider.refundPayment({
      data: captured,
      amount: { value: "300", precision: 20 },
      context: { idempotency_key: "ref_1" },
    })
    expect(result.data).toMatchObject({ amount_refunded: 300, refunds: [{ id: "rf_1", amount: 300 }], komoju_refunds_recorded: ["rf_1"] })
  })

  it("records its own refund by id even when a dashboard refund of the same amount is in KOMOJU's answer", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment())
      .post("/payments/pay_1/refund")
      .reply(200, komojuPayment({ amount_refunded: 600, refunds: [refund("rf_dash", 300), refund("rf_2", 300, "medusa:ref_2")] }))
    const result = await provider.refundPayment({ data: captured, amount: 300, context: { idempotency_key: "ref_2" } })
    expect(result.data?.komoju_refunds_recorded).toEqual(["rf_2"])
  })

  it("never takes an unrecorded dashboard refund of the same amount for this one: it refunds", async () => {
    const { provider } = makeProvider()
    nock(API).get("/payments/pay_1").reply(200, komojuPayment({ refunds: [refund("rf_dash", 500)] }))
    const refundCall = nock(API)
      .post("/payments/pay_1/refund", { amount: 500, description: "medusa:ref_3" })
      .reply(200, komojuPayment({ refunds: [refund("rf_dash", 500), refund("rf_3", 500, "medusa:ref_3")] }))
    await provider.refundPayment({ data: captured, amount: 500, context: { idempotency_key: "ref_3" } })
    expect(refundCall.isDone()).toBe(true)
  })

  it("refunds dollars in exact cents", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ currency: "USD", amount: 2000, total: 2000 }))
      .post("/payments/pay_1/refund", { amount: 1001, description: "medusa:ref_usd" })
      .reply(200, komojuPayment({ currency: "USD", refunds: [refund("rf_usd", 1001, "medusa:ref_usd", "USD")] }))
    const result = await provider.refundPayment({
      data: { ...captured, currency: "USD", amount: 2000 },
      amount: new BigNumber("10.01"),
      context: { idempotency_key: "ref_usd" },
    })
    expect(result.data).toMatchObject({ komoju_refunds_recorded: ["rf_usd"] })
  })

  it.each([
    ["0.4 yen", 0.4],
    ["nothing", 0],
  ])("refuses a refund of %s, which KOMOJU would read as a full refund, and sends nothing", async (_what, amount) => {
    const { provider } = makeProvider()
    await expect(provider.refundPayment({ data: captured, amount, context: { idempotency_key: "ref_0" } })).rejects.toThrow(
      /refund amount .* is less than KOMOJU's smallest unit of JPY; nothing was sent to KOMOJU/
    )
  })

  it("treats a refund whose answer was lost as made, once KOMOJU shows it, and refunds nothing more", async () => {
    const { provider, logger } = makeProvider()
    nock(API).get("/payments/pay_1").reply(200, komojuPayment())
    nock(API).post("/payments/pay_1/refund").reply(504, { error: { code: "gateway_timeout", message: "timeout" } })
    nock(API).get("/payments/pay_1").reply(200, komojuPayment({ refunds: [refund("rf_lost", 400, "medusa:ref_4")] }))
    const result = await provider.refundPayment({ data: captured, amount: 400, context: { idempotency_key: "ref_4" } })
    expect(result.data?.komoju_refunds_recorded).toEqual(["rf_lost"])
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("was made though its answer was lost"))
  })

  it("records, without a second call, a refund KOMOJU already made under this Medusa refund id", async () => {
    const { provider } = makeProvider()
    nock(API).get("/payments/pay_1").reply(200, komojuPayment({ refunds: [refund("rf_5", 400, "medusa:ref_5")] }))
    const result = await provider.refundPayment({ data: captured, amount: 400, context: { idempotency_key: "ref_5" } })
    expect(result.data?.komoju_refunds_recorded).toEqual(["rf_5"])
  })

  it("sends nothing while an earlier Medusa refund's KOMOJU refund is not recorded: a refund now could be a second one", async () => {
    const { provider } = makeProvider()
    nock(API).get("/payments/pay_1").reply(200, komojuPayment({ refunds: [refund("rf_orphan", 400, "medusa:ref_failed")] }))
    await expect(provider.refundPayment({ data: captured, amount: 400, context: { idempotency_key: "ref_retry" } })).rejects.toMatchObject({
      type: "conflict",
      message: expect.stringContaining("KOMOJU refund rf_orphan of payment pay_1, made for Medusa refund ref_failed, is not recorded in Medusa yet"),
    })
  })

  it("reports a refund KOMOJU did not make as failed, with KOMOJU's error", async () => {
    const { provider } = makeProvider()
    nock(API).get("/payments/pay_1").reply(200, komojuPayment())
    nock(API).post("/payments/pay_1/refund").reply(503, { error: { code: "service_unavailable", message: "down" } })
    nock(API).get("/payments/pay_1").reply(200, komojuPayment())
    await expect(provider.refundPayment({ data: captured, amount: 400, context: { idempotency_key: "ref_6" } })).rejects.toMatchObject({
      code: "service_unavailable",
    })
  })

  it.each(stateErrors("not_refundable"))("passes on KOMOJU's refusal (%s) with its code and message", async (_what, code) => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment())
      .post("/payments/pay_1/refund")
      .reply(422, { error: { code, message: "Refund exceeds the unsettled balance" } })
      .get("/payments/pay_1")
      .reply(200, komojuPayment())
    await expect(provider.refundPayment({ data: captured, amount: 1200, context: { idempotency_key: "ref_7" } })).rejects.toMatchObject({
      code,
      message: expect.stringContaining("Refund exceeds the unsettled balance"),
    })
  })

  it("says what to do instead of refunding a konbini payment, without asking KOMOJU to", async () => {
    const { provider } = makeProvider()
    nock(API).get("/payments/pay_1").reply(200, komojuPayment({ payment_details: { type: "konbini" } }))
    await expect(provider.refundPayment({ data: { ...captured, payment_type: "konbini" }, amount: 1200, context: { idempotency_key: "ref_8" } })).rejects.toMatchObject({
      code: "not_refundable",
      message: expect.stringContaining("cannot refund this konbini payment (pay_1) through its API"),
    })
  })
})

describe("refundPayment: a payment charged in another currency", () => {
  const charged = { ...captured, komoju_payment_currency: "CNY", komoju_payment_amount: 6000 }

  it("refunds it in full in the currency KOMOJU charged", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, komojuPayment({ currency: "CNY", amount: 6000, total: 6000 }))
      .post("/payments/pay_1/refund", { amount: 6000, description: "medusa:ref_cny" })
      .reply(200, komojuPayment({ currency: "CNY", amount: 6000, total: 6000, status: "refunded", refunds: [refund("rf_cny", 6000, "medusa:ref_cny", "CNY")] }))
    const result = await provider.refundPayment({ data: charged, amount: 1200, context: { idempotency_key: "ref_cny" } })
    expect(result.data?.komoju_refunds_recorded).toEqual(["rf_cny"])
  })

  it("refuses a part of it, saying where a part can be refunded, and sends nothing", async () => {
    const { provider } = makeProvider()
    await expect(provider.refundPayment({ data: charged, amount: 500, context: { idempotency_key: "ref_part" } })).rejects.toThrow(
      "KOMOJU charged payment pay_1 in CNY, not JPY: refund it in full here, or a part of it in KOMOJU's dashboard"
    )
  })
})

describe("refundPayment: recording a refund KOMOJU already made", () => {
  const dashboardRefund = refund("rf_dash", 500)
  const payment = komojuPayment({ amount_refunded: 500, refunds: [dashboardRefund] })

  it("records the KOMOJU refund by id and asks KOMOJU for nothing", async () => {
    const { provider, logger } = makeProvider()
    const result = await recordingKomojuRefund({ payment, refund: dashboardRefund, medusaAmount: 500 }, () =>
      provider.refundPayment({ data: captured, amount: 500, context: { idempotency_key: "ref_m" } })
    )
    expect(result.data).toMatchObject({ amount_refunded: 500, komoju_refunds_recorded: ["rf_dash"] })
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining("made in KOMOJU, not repeated"))
  })

  it.each([
    ["already recorded", { ...captured, komoju_refunds_recorded: ["rf_dash"] }, 500, "it is already recorded"],
    ["of another KOMOJU payment", { ...captured, komoju_payment_id: "pay_other" }, 500, "it belongs to KOMOJU payment pay_1, not pay_other"],
    ["asked for another amount", captured, 400, "Medusa was asked to record 400 JPY, the refund stands for 500"],
  ])("refuses a refund %s, recording nothing and refunding nothing", async (_what, data, amount, reason) => {
    const { provider } = makeProvider()
    await expect(
      recordingKomojuRefund({ payment, refund: dashboardRefund, medusaAmount: 500 }, () => provider.refundPayment({ data, amount }))
    ).rejects.toThrow(`KOMOJU refund rf_dash not recorded: ${reason}`)
  })

  it("leaves a refund started alongside a recording to make its own refund", async () => {
    const { provider } = makeProvider()
    nock(API)
      .get("/payments/pay_1")
      .reply(200, payment)
      .post("/payments/pay_1/refund", { amount: 500, description: "medusa:ref_admin" })
      .reply(200, komojuPayment({ refunds: [dashboardRefund, refund("rf_admin", 500, "medusa:ref_admin")] }))
    const [recorded, made] = await Promise.all([
      recordingKomojuRefund({ payment, refund: dashboardRefund, medusaAmount: 500 }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        return provider.refundPayment({ data: captured, amount: 500 })
      }),
      provider.refundPayment({ data: captured, amount: 500, context: { idempotency_key: "ref_admin" } }),
    ])
    expect(recorded.data?.komoju_refunds_recorded).toEqual(["rf_dash"])
    expect(made.data?.komoju_refunds_recorded).toEqual(["rf_admin"])
  })
})
