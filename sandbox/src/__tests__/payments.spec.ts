import { readFileSync } from "node:fs"
import { join } from "node:path"
import { sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "fixtures", name), "utf8"))
const KOMOJU_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/

describe("payment objects", () => {
  it("have exactly the fields of the payment in KOMOJU's webhook fixtures", async () => {
    const payment = await sandbox.paidPayment()
    expect(Object.keys(payment).sort()).toEqual(Object.keys(fixture("event-payment-refunded-card-usd.json").data).sort())
  })

  it("describe a card as KOMOJU does: brand, last four digits, expiry, email", async () => {
    const payment = await sandbox.paidPayment("credit_card", { card_number: "4111111111111111", month: 9, year: 2031, email: "buyer@example.jp" })
    expect(payment).toMatchObject({
      id: expect.stringMatching(/^[a-z0-9]{25}$/),
      resource: "payment",
      status: "captured",
      amount: 1200,
      tax: 0,
      payment_method_fee: 0,
      total: 1200,
      currency: "JPY",
      captured_at: expect.stringMatching(KOMOJU_TIME),
      created_at: expect.stringMatching(KOMOJU_TIME),
      payment_details: { type: "credit_card", brand: "visa", last_four_digits: "1111", month: 9, year: 2031, email: "buyer@example.jp" },
      amount_refunded: 0,
      refunds: [],
      refund_requests: [],
    })
  })

  it("carry the session's id, metadata and external_order_num", async () => {
    const payment = await sandbox.paidPayment("paypay", {}, { metadata: { medusa_payment_session_id: "payses_1" }, payment_data: { external_order_num: "cart_9-x" } })
    expect(payment).toMatchObject({ session: expect.any(String), metadata: { medusa_payment_session_id: "payses_1" }, external_order_num: "cart_9-x", payment_details: { type: "paypay" } })
  })

  it("issue a konbini receipt, confirmation code and instructions link, payable until 23:59:59 JST of the third day", async () => {
    const payment = await sandbox.paidPayment("konbini", { store: "family-mart", email: "buyer@example.jp" })
    expect(payment).toMatchObject({
      status: "authorized",
      captured_at: null,
      payment_deadline: expect.stringMatching(/T23:59:59\.000\+09:00$/),
      payment_details: {
        type: "konbini",
        store: "family-mart",
        receipt: expect.stringMatching(/^\d{13}$/),
        confirmation_code: expect.stringMatching(/^\d{6}$/),
        instructions_url: `${sandbox.url}/instructions/${payment.id}`,
        email: "buyer@example.jp",
      },
    })
    const days = (Date.parse(payment.payment_deadline) - Date.parse(payment.created_at)) / 86_400_000
    expect(days).toBeGreaterThan(3)
    expect(days).toBeLessThanOrEqual(4)
  })

  it("give a bank transfer an account to pay into and fourteen days", async () => {
    const payment = await sandbox.paidPayment("bank_transfer")
    expect(payment.payment_details).toMatchObject({ type: "bank_transfer", bank_name: expect.any(String), account_number: expect.stringMatching(/^\d{7}$/) })
    expect((Date.parse(payment.payment_deadline) - Date.parse(payment.created_at)) / 86_400_000).toBeGreaterThan(14)
  })

  it("answer 404 not_found for an unknown payment", async () => {
    expect(await sandbox.call("GET", "/payments/nosuchpayment000000000000")).toMatchObject({ status: 404, body: { error: { code: "not_found" } } })
  })
})

describe("capture", () => {
  it("holds a card in manual capture as authorized, then captures it", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { capture: "manual" } })
    expect(payment.status).toBe("authorized")
    const captured = await sandbox.call("POST", `/payments/${payment.id}/capture`, {})
    expect(captured.body).toMatchObject({ status: "captured", captured_at: expect.stringMatching(KOMOJU_TIME), total: 1200 })
  })

  it("captures part of a held card when given a smaller amount", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { capture: "manual" } })
    const { body } = await sandbox.call("POST", `/payments/${payment.id}/capture`, { amount: 1000 })
    expect(body).toMatchObject({ status: "captured", amount: 1000, total: 1000 })
  })

  it("refuses to capture more than was authorized with 422 invalid_parameter", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { capture: "manual" } })
    expect(await sandbox.call("POST", `/payments/${payment.id}/capture`, { amount: 1201 })).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param: "amount" } } })
  })

  it.each([
    ["an already captured card", "credit_card"],
    ["a konbini payment waiting for cash", "konbini"],
  ])("refuses to capture %s with 422 unprocessable_entity", async (_case, type) => {
    const payment = await sandbox.paidPayment(type)
    expect(await sandbox.call("POST", `/payments/${payment.id}/capture`, {})).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })
})

describe("refund", () => {
  it("refunds in full when no amount is given, and marks the payment refunded", async () => {
    const payment = await sandbox.paidPayment()
    const { status, body } = await sandbox.call("POST", `/payments/${payment.id}/refund`, { description: "customer changed mind" })
    expect(status).toBe(200)
    expect(body).toMatchObject({
      status: "refunded",
      amount_refunded: 1200,
      refunds: [
        {
          id: expect.stringMatching(/^[a-z0-9]{25}$/),
          resource: "refund",
          amount: 1200,
          currency: "JPY",
          payment: payment.id,
          description: "customer changed mind",
          created_at: expect.stringMatching(KOMOJU_TIME),
          chargeback: false,
        },
      ],
    })
  })

  it("refunds partially and repeatedly up to the total, staying captured until the last", async () => {
    const payment = await sandbox.paidPayment()
    const first = await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 500 })
    expect(first.body).toMatchObject({ status: "captured", amount_refunded: 500 })
    const second = await sandbox.call("POST", `/payments/${payment.id}/refund`, "amount=300")
    expect(second.body).toMatchObject({ status: "captured", amount_refunded: 800 })
    const last = await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 400 })
    expect(last.body).toMatchObject({ status: "refunded", amount_refunded: 1200, refunds: [{ amount: 500 }, { amount: 300 }, { amount: 400 }] })
  })

  it("refuses a refund over the remaining amount with 422 invalid_parameter on amount", async () => {
    const payment = await sandbox.paidPayment()
    await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 500 })
    expect(await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 701 })).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param: "amount" } } })
  })

  it("refuses a refund of a fully refunded payment with 422 unprocessable_entity", async () => {
    const payment = await sandbox.paidPayment()
    await sandbox.call("POST", `/payments/${payment.id}/refund`, {})
    expect(await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 1 })).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })

  it("refuses to refund a held card authorization with 422 unprocessable_entity", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { capture: "manual" } })
    expect(await sandbox.call("POST", `/payments/${payment.id}/refund`, {})).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })

  it.each(["konbini", "bank_transfer", "pay_easy"])("refuses to refund a paid %s payment through the API with 422 unprocessable_entity", async (type) => {
    const payment = await sandbox.paidPayment(type)
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
    expect(await sandbox.call("POST", `/payments/${payment.id}/refund`, {})).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })

  it("refunds a paid konbini payment from the dashboard (control API), partially", async () => {
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
    const { body } = await sandbox.call("POST", `/_sandbox/payments/${payment.id}/refund`, { amount: 200 })
    expect(body).toMatchObject({ status: "captured", amount_refunded: 200, refunds: [{ amount: 200 }] })
  })

  it("refunds USD payments in cents", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { amount: 2848, currency: "USD" })
    const { body } = await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 1001 })
    expect(body).toMatchObject({ currency: "USD", amount_refunded: 1001, refunds: [{ amount: 1001, currency: "USD" }] })
  })
})

describe("cancel", () => {
  it("cancels a konbini payment still waiting for cash", async () => {
    const payment = await sandbox.paidPayment("konbini")
    expect((await sandbox.call("POST", `/payments/${payment.id}/cancel`, {})).body.status).toBe("cancelled")
  })

  it("cancels a held card authorization", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { capture: "manual" } })
    expect((await sandbox.call("POST", `/payments/${payment.id}/cancel`, {})).body.status).toBe("cancelled")
  })

  it.each(["captured", "cancelled"])("refuses to cancel a %s payment with 422 unprocessable_entity", async (state) => {
    const payment = await sandbox.paidPayment(state === "captured" ? "credit_card" : "konbini")
    if (state === "cancelled") await sandbox.call("POST", `/payments/${payment.id}/cancel`, {})
    expect(await sandbox.call("POST", `/payments/${payment.id}/cancel`, {})).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })
})

describe("declines", () => {
  it("declines the card payment of a session created with Komoju-Scenario: insufficient_funds, leaving the session open", async () => {
    const session = await sandbox.createSession({}, { "komoju-scenario": "insufficient_funds" })
    const { body } = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, {})
    expect(body.payment.status).toBe("pending")
    expect(body.session).toMatchObject({ status: "pending", payment: { status: "pending" } })
  })

  it("declines a payment with the insufficient-funds test card, and a retry with a good card succeeds", async () => {
    const session = await sandbox.createSession()
    const declined = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: "4123111111111000" })
    expect(declined.body.payment.status).toBe("pending")
    const retry = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: "4111111111111111" })
    expect(retry.body).toMatchObject({ session: { status: "completed", payment: { status: "captured" } } })
    expect(retry.body.payment.id).not.toBe(declined.body.payment.id)
  })

  it("refuses a card number that fails the Luhn check with 400 invalid_parameter", async () => {
    const session = await sandbox.createSession()
    expect(await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: "4111111111111112" })).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_parameter" } },
    })
  })
})

describe("GET /payments", () => {
  it("lists payments in KOMOJU's list shape, filtered by external_order_num and by status", async () => {
    await sandbox.paidPayment("credit_card", {}, { payment_data: { external_order_num: "cart_a-1" } })
    await sandbox.paidPayment("konbini", {}, { payment_data: { external_order_num: "cart_b-1" } })
    const byOrder = await sandbox.call("GET", "/payments?external_order_num=cart_a-1")
    expect(byOrder.body).toEqual({ resource: "list", total: 1, page: 1, per_page: 10, last_page: 1, data: [expect.objectContaining({ external_order_num: "cart_a-1" })] })
    const waiting = await sandbox.call("GET", "/payments?status=authorized")
    expect(waiting.body.data.map((p: { external_order_num: string }) => p.external_order_num)).toEqual(["cart_b-1"])
  })

  it("pages through payments newest first", async () => {
    const ids = []
    for (let i = 0; i < 3; i++) ids.push((await sandbox.paidPayment()).id)
    const second = await sandbox.call("GET", "/payments?per_page=2&page=2")
    expect(second.body).toMatchObject({ total: 3, page: 2, per_page: 2, last_page: 2, data: [{ id: ids[0] }] })
  })
})
