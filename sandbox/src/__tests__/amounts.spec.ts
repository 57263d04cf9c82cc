import { convert } from "../pricing"
import { sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

const pay = (sessionId: string, body: Record<string, unknown>) => sandbox.call("POST", `/_sandbox/sessions/${sessionId}/complete`, body)

describe("tax and payment_method_fee", () => {
  it("are 0 and total = amount by default", async () => {
    expect(await sandbox.paidPayment()).toMatchObject({ amount: 1200, tax: 0, payment_method_fee: 0, total: 1200 })
  })

  it("show a method's fee as customer_fee on the session, and add it and the tax to the total", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { payment_method_fees: { konbini: 190 }, tax_rate: 0.1 })
    const session = await sandbox.createSession({ amount: 1205, payment_types: ["credit_card", "konbini"] })
    expect(session.payment_methods).toEqual([{ type: "credit_card" }, { type: "konbini", brands: expect.any(Object), customer_fee: 190 }])
    const konbini = (await pay(session.id, { payment_type: "konbini" })).body.payment
    expect(konbini).toMatchObject({ amount: 1205, tax: 120, payment_method_fee: 190, total: 1515 })
  })

  it("count refunds against the total: refunded once amount_refunded reaches it", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { payment_method_fees: { paypay: 100 }, tax_rate: 0.08 })
    const payment = await sandbox.paidPayment("paypay", {}, { amount: 1000 })
    expect(payment.total).toBe(1180)
    const partial = await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 1000 })
    expect(partial.body).toMatchObject({ status: "captured", amount_refunded: 1000 })
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 181 })).status).toBe(422)
    const rest = await sandbox.call("POST", `/payments/${payment.id}/refund`, {})
    expect(rest.body).toMatchObject({ status: "refunded", amount_refunded: 1180, refunds: [{ amount: 1000 }, { amount: 180 }] })
  })

  it("keep the tax and fee of a session when the settings change afterwards", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { tax_rate: 0.1 })
    const session = await sandbox.createSession()
    await sandbox.call("PATCH", "/_sandbox/config", { tax_rate: 0 })
    expect((await pay(session.id, {})).body.payment).toMatchObject({ tax: 120, total: 1320 })
  })
})

describe("cross-currency methods", () => {
  const CNY = { alipay: { currency: "CNY", exchange_rate: 0.048 } }

  it("carry currency, amount and exchange_rate on the session's payment_methods entry", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { cross_currency: CNY })
    const session = await sandbox.createSession({ amount: 1200, payment_types: ["credit_card", "alipay"] })
    expect(session).toMatchObject({ amount: 1200, currency: "JPY" })
    expect(session.payment_methods).toEqual([{ type: "credit_card" }, { type: "alipay", currency: "CNY", amount: 5760, exchange_rate: 0.048 }])
  })

  it("make the payment's amount, total and currency the method's, and refund in that currency", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { cross_currency: CNY })
    const session = await sandbox.createSession({ amount: 1200, payment_types: ["alipay"] })
    const payment = (await pay(session.id, { payment_type: "alipay" })).body.payment
    expect(payment).toMatchObject({ status: "captured", amount: 5760, total: 5760, currency: "CNY" })
    const refunded = await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 760 })
    expect(refunded.body).toMatchObject({ amount_refunded: 760, refunds: [{ amount: 760, currency: "CNY" }] })
    expect((await sandbox.call("GET", `/sessions/${session.id}`)).body).toMatchObject({ amount: 1200, currency: "JPY", payment: { currency: "CNY" } })
  })

  it("let a method take a session in a currency it does not take itself", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { cross_currency: { wechatpay: { currency: "CNY", exchange_rate: 7.1 } } })
    const session = await sandbox.createSession({ amount: 1000, currency: "USD", payment_types: ["wechatpay"] })
    expect(session.payment_methods).toEqual([{ type: "wechatpay", currency: "CNY", amount: 7100, exchange_rate: 7.1 }])
  })

  it("leave a session in the method's own currency as it is", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { cross_currency: CNY })
    const session = await sandbox.createSession({ amount: 5000, currency: "CNY", payment_types: ["alipay"] })
    expect(session.payment_methods).toEqual([{ type: "alipay" }])
  })

  it("charge the fee in the method's currency", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { cross_currency: CNY, payment_method_fees: { alipay: 300 } })
    const session = await sandbox.createSession({ amount: 1200, payment_types: ["alipay"] })
    expect((await pay(session.id, { payment_type: "alipay" })).body.payment).toMatchObject({ amount: 5760, payment_method_fee: 300, total: 6060, currency: "CNY" })
  })

  it("round to the target's smallest unit, half up", () => {
    expect(convert(1, "JPY", "CNY", 0.048)).toBe(5)
    expect(convert(1000, "USD", "JPY", 150.456)).toBe(1505)
    expect(convert(999, "KRW", "USD", 0.00073)).toBe(73)
  })

  it.each([
    [{ cross_currency: { alipay: { currency: "XYZ", exchange_rate: 1 } } }, "cross_currency.alipay.currency"],
    [{ cross_currency: { alipay: { currency: "CNY", exchange_rate: 0 } } }, "cross_currency.alipay.exchange_rate"],
    [{ cross_currency: { alipay: { currency: "CNY" } } }, "cross_currency.alipay"],
    [{ cross_currency: { apple_pay: { currency: "CNY", exchange_rate: 1 } } }, "cross_currency.apple_pay"],
    [{ payment_method_fees: { konbini: -1 } }, "payment_method_fees.konbini"],
    [{ tax_rate: 1.5 }, "tax_rate"],
  ])("refuses %j", async (patch, param) => {
    expect(await sandbox.call("PATCH", "/_sandbox/config", patch)).toMatchObject({ status: 400, body: { error: { param } } })
  })
})
