import { CURRENCIES } from "../currencies"
import { ALL_PAYMENT_TYPES } from "../payment-types"
import { SESSION, sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

/** komoju-node-sdk models/currency.ts */
const SDK_CURRENCIES = ["JPY", "USD", "EUR", "TWD", "KRW", "PLN", "GBP", "HKD", "SGD", "NZD", "AUD", "IDR", "MYR", "PHP", "THB", "CNY", "BRL", "CHF", "CAD", "VND"]

/** komoju-node-sdk models/payment-type.ts */
const SDK_PAYMENT_TYPES = [
  "credit_card", "credit_card_korea", "credit_card_brazil", "alipay", "alipay_hk", "amazon_pay", "au", "aupay", "bancontact",
  "bank_transfer", "banrisul", "bit_cash", "blik", "culture_voucher", "cvs", "dana", "docomo", "doku_wallet", "dospara",
  "dragonpay", "enets", "epospay", "eps", "fpx", "gcash", "giropay", "happy_money", "ideal", "japan_mobile", "kakaopay",
  "konbini", "linepay", "merpay", "mobile", "multibanco", "mybank", "nanaco", "narvesen", "naverpay", "net_cash", "ovo",
  "paidy", "pay_easy", "payco", "paypay", "paypost", "paysafe_card", "paysera", "payu", "perlas", "pix", "poli",
  "przelewy24", "rakutenpay", "sofortbanking", "softbank", "tng", "toss", "truemoney", "unionpay", "web_money", "wechatpay",
]

describe("currencies", () => {
  it("are exactly KOMOJU's twenty", () => {
    expect(Object.keys(CURRENCIES)).toEqual(SDK_CURRENCIES)
  })

  it.each(SDK_CURRENCIES)("accepts a %s session paid by card", async (currency) => {
    const reply = await sandbox.call("POST", "/sessions", { ...SESSION, currency, payment_types: ["credit_card"] })
    expect(reply).toMatchObject({ status: 200, body: { currency } })
  })

  it.each(["XYZ", "SEK", "INR", "jpy"])("refuses %s with 422 invalid_currency", async (currency) => {
    expect(await sandbox.call("POST", "/sessions", { ...SESSION, currency })).toMatchObject({ status: 422, body: { error: { code: "invalid_currency", param: "currency" } } })
  })
})

describe("payment types", () => {
  it("are exactly the values of KOMOJU's PaymentType enum", () => {
    expect(ALL_PAYMENT_TYPES).toEqual(SDK_PAYMENT_TYPES)
  })

  it("refuse apple_pay, which is part of the card flow, as an unknown type", async () => {
    const reply = await sandbox.call("POST", "/sessions", { ...SESSION, payment_types: ["apple_pay"] })
    expect(reply).toMatchObject({ status: 422, body: { error: { code: "invalid_payment_type" } } })
    expect((await sandbox.call("PATCH", "/_sandbox/config", { enabled_payment_types: ["apple_pay"] })).status).toBe(400)
  })

  it("know linepay (still in the enum) but do not activate it on a new account", async () => {
    expect((await sandbox.call("POST", "/sessions", { ...SESSION, payment_types: ["linepay"] })).status).toBe(422)
    await sandbox.call("PATCH", "/_sandbox/config", { enabled_payment_types: ["credit_card", "linepay"] })
    expect((await sandbox.createSession({ payment_types: ["linepay"] })).payment_methods).toEqual([{ type: "linepay" }])
  })

  it("offer a regional method once activated, in its currency", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { enabled_payment_types: ["credit_card_korea", "kakaopay", "toss"] })
    const session = await sandbox.createSession({ amount: 50_000, currency: "KRW" })
    expect(session.payment_methods.map((m: { type: string }) => m.type)).toEqual(["credit_card_korea", "kakaopay", "toss"])
    const paid = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: "credit_card_korea" })
    expect(paid.body.payment).toMatchObject({ status: "captured", currency: "KRW", payment_details: { type: "credit_card_korea", brand: "visa" } })
  })
})
