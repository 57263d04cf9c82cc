import nock from "nock"
import { useSavedMethodRecords, type SavedMethodRecord } from "../../../lib/saved-method-records"
import { checkoutDetailsHandoff } from "../checkout-details"
import { API, makeProvider, useNock } from "./harness"

/** The module's saved-method rows, in memory. */
function records(rows: SavedMethodRecord[]) {
  const forgotten: string[] = []
  const store = {
    listKomojuSavedMethods: async ({ customer_id }: { customer_id: string }) =>
      rows.filter((row) => row.customer_id === customer_id && !forgotten.includes(row.komoju_customer_id)),
    forgetSavedMethod: async (id: string) => void forgotten.push(id),
  }
  useSavedMethodRecords(store)
  return forgotten
}

const row = (over: Partial<SavedMethodRecord>): SavedMethodRecord => ({
  id: "kjsm_1",
  provider_id: "pp_komoju_komoju",
  mode: "test",
  komoju_customer_id: "kcus1",
  customer_id: "cus_taro",
  external_customer_id: "medusa_ext1",
  payment_type: "credit_card",
  brand: "visa",
  last_four: "4242",
  exp_month: 8,
  exp_year: 2039,
  confirmed_at: new Date("2026-12-02T00:00:00Z"),
  created_at: new Date("2026-12-02T00:00:00Z"),
  ...over,
})

const taro = { data: { medusa_customer_id: "cus_taro" } }

describe("account holders and saved methods", () => {
  useNock()

  it("the Medusa customer is the account holder: nothing is made at KOMOJU", async () => {
    const { provider } = makeProvider()
    await expect(provider.createAccountHolder({ context: { customer: { id: "cus_taro", email: "t@example.jp" } } } as never)).resolves.toEqual({
      id: "cus_taro",
      data: { medusa_customer_id: "cus_taro" },
    })
    await expect(provider.retrieveAccountHolder({ id: "cus_taro" } as never)).resolves.toEqual({ id: "cus_taro", data: { medusa_customer_id: "cus_taro" } })
    await expect(provider.updateAccountHolder()).resolves.toEqual({})
    await expect(provider.createAccountHolder({ context: {} } as never)).rejects.toThrow(/Medusa customer/)
  })

  it("lists only methods KOMOJU confirmed, in the provider's mode, with display fields only", async () => {
    records([
      row({ id: "kjsm_ok" }),
      row({ id: "kjsm_pending", komoju_customer_id: "kcus2", confirmed_at: null }),
      row({ id: "kjsm_live", komoju_customer_id: "kcus3", mode: "live" }),
      row({ id: "kjsm_other", komoju_customer_id: "kcus4", customer_id: "cus_hanako" }),
    ])
    const { provider } = makeProvider()
    const listed = await provider.listPaymentMethods({ context: { account_holder: taro } } as never)
    expect(listed).toEqual([
      { id: "kjsm_ok", data: { payment_type: "credit_card", brand: "visa", last_four: "4242", exp_month: 8, exp_year: 2039, komoju_customer_id: "kcus1" } },
    ])
    expect(await provider.listPaymentMethods({ context: {} } as never)).toEqual([])
  })

  it("deletes a method at KOMOJU (customer, then one-click memory) before forgetting it", async () => {
    const forgotten = records([row({})])
    nock(API).delete("/customers/kcus1").reply(200, { id: "kcus1", resource: "customer", source: null, created_at: "x" })
    nock(API).delete("/external_customers/medusa_ext1").reply(200, { id: "ext" })
    const { provider } = makeProvider()
    await provider.deletePaymentMethod({ data: { id: "kjsm_1" }, context: { account_holder: taro } } as never)
    expect(forgotten).toEqual(["kcus1"])
  })

  it("a method KOMOJU no longer has (404) counts as erased; another failure keeps the row", async () => {
    const forgotten = records([row({})])
    nock(API).delete("/customers/kcus1").reply(404, { error: { code: "not_found", message: "gone" } })
    nock(API).delete("/external_customers/medusa_ext1").reply(404, { error: { code: "not_found", message: "gone" } })
    const { provider } = makeProvider()
    await provider.deletePaymentMethod({ data: { id: "kjsm_1" }, context: { account_holder: taro } } as never)
    expect(forgotten).toEqual(["kcus1"])

    const kept = records([row({})])
    nock(API).delete("/customers/kcus1").reply(422, { error: { code: "unprocessable_entity", message: "no" } })
    await expect(provider.deletePaymentMethod({ data: { id: "kjsm_1" }, context: { account_holder: taro } } as never)).rejects.toThrow(/no/)
    expect(kept).toEqual([])
  })

  it("another customer's method is not found, and KOMOJU is not called", async () => {
    records([row({})])
    const { provider } = makeProvider()
    const hanako = { data: { medusa_customer_id: "cus_hanako" } }
    await expect(provider.deletePaymentMethod({ data: { id: "kjsm_1" }, context: { account_holder: hanako } } as never)).rejects.toThrow(/not found/)
    await expect(provider.deletePaymentMethod({ data: { id: "kjsm_1" } } as never)).rejects.toThrow(/not found/)
  })

  it("deleting the account holder erases every method the customer saved", async () => {
    const forgotten = records([row({}), row({ id: "kjsm_2", komoju_customer_id: "kcus2", external_customer_id: "medusa_ext2", payment_type: "paypay", brand: null, last_four: null })])
    for (const [customer, ext] of [["kcus1", "medusa_ext1"], ["kcus2", "medusa_ext2"]]) {
      nock(API).delete(`/customers/${customer}`).reply(200, { id: customer, resource: "customer", source: null, created_at: "x" })
      nock(API).delete(`/external_customers/${ext}`).reply(200, { id: ext })
    }
    const { provider } = makeProvider()
    await provider.deleteAccountHolder({ context: { account_holder: { external_id: "cus_taro", data: {} } } } as never)
    expect(forgotten).toEqual(["kcus1", "kcus2"])
  })

  it("a save or one-click handed over for one customer is refused in another customer's session", async () => {
    const { provider } = makeProvider()
    const token = checkoutDetailsHandoff.give({ customerPayment: { customerId: "cus_taro", externalCustomerId: "medusa_ext1" } })
    await expect(
      provider.initiatePayment({
        amount: 1200,
        currency_code: "jpy",
        data: { session_id: "payses_1", return_url: "https://shop.test/return", komoju_checkout_details: token },
        context: { account_holder: { data: { medusa_customer_id: "cus_hanako" } } },
      } as never)
    ).rejects.toThrow(/its own signed-in customer/)
  })

  it("saving at checkout: a customer_payment session with the one-click id, card and PayPay only", async () => {
    const { provider } = makeProvider({ paymentTypes: ["credit_card", "konbini", "paypay"] })
    let body: any
    nock(API)
      .post("/sessions", (sent) => ((body = sent), true))
      .reply(200, { id: "sess_1", resource: "session", mode: "customer_payment", customer_id: "kcus1", session_url: "https://komoju.test/sessions/sess_1", status: "pending", payment: null })
    const token = checkoutDetailsHandoff.give({ customerPayment: { customerId: "cus_taro", externalCustomerId: "medusa_ext1" } })
    await provider.initiatePayment({
      amount: 1200,
      currency_code: "jpy",
      data: { session_id: "payses_1", return_url: "https://shop.test/return", komoju_checkout_details: token },
      context: { account_holder: taro },
    } as never)
    expect(body).toMatchObject({
      mode: "customer_payment",
      external_customer_id: "medusa_ext1",
      payment_types: ["credit_card", "paypay"],
      metadata: { medusa_payment_session_id: "payses_1", medusa_customer_id: "cus_taro", komoju_external_customer_id: "medusa_ext1" },
    })
    expect(body.customer_id).toBeUndefined()
  })
})

describe("savePaymentMethod", () => {
  useNock()

  it("a customer-mode session: amount 0, a fresh one-click id, card and PayPay only; answers KOMOJU's customer and page", async () => {
    const { provider } = makeProvider({ paymentTypes: ["credit_card", "konbini", "paypay"] })
    let body: any
    nock(API)
      .post("/sessions", (sent) => ((body = sent), true))
      .reply(200, { id: "sess_save", resource: "session", mode: "customer", customer_id: "kcus9", session_url: "https://komoju.test/sessions/sess_save", status: "pending", payment: null })
    const saved = await provider.savePaymentMethod({
      context: { account_holder: taro, customer: { email: "taro@example.jp" } },
      data: { return_url: "https://shop.test/account", currency_code: "jpy", locale: "en" },
    } as never)
    expect(body).toMatchObject({ mode: "customer", amount: 0, currency: "JPY", default_locale: "en", email: "taro@example.jp", payment_types: ["credit_card", "paypay"] })
    expect(body.external_customer_id).toMatch(/^medusa_/)
    expect(body.payment_data).toBeUndefined()
    expect(saved).toEqual({
      id: "kcus9",
      data: { komoju_session_id: "sess_save", session_url: "https://komoju.test/sessions/sess_save", komoju_customer_id: "kcus9", external_customer_id: body.external_customer_id },
    })
  })

  it("needs the customer's account holder, and a KOMOJU answer naming the customer", async () => {
    const { provider } = makeProvider()
    await expect(provider.savePaymentMethod({ context: {}, data: { return_url: "https://shop.test/a" } } as never)).rejects.toThrow(/account holder/)
    nock(API).post("/sessions").reply(200, { id: "sess_x", resource: "session", mode: "customer", customer_id: null, session_url: "u", status: "pending", payment: null })
    await expect(provider.savePaymentMethod({ context: { account_holder: taro }, data: { return_url: "https://shop.test/a" } } as never)).rejects.toThrow(/names no customer/)
  })
})
