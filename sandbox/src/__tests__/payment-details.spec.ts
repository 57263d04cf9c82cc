import { sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

/** Field names from komoju-node-sdk's models/response-payment-details-*.ts. */
describe("payment_details", () => {
  it("describe a bank transfer with account_branch_name and its payment_deadline", async () => {
    const payment = await sandbox.paidPayment("bank_transfer", { email: "buyer@example.jp" })
    expect(payment.payment_details).toEqual({
      type: "bank_transfer",
      email: "buyer@example.jp",
      order_id: expect.stringMatching(/^\d{8}$/),
      bank_name: expect.any(String),
      account_branch_name: expect.any(String),
      account_type: expect.any(String),
      account_number: expect.stringMatching(/^\d{7}$/),
      account_name: expect.any(String),
      instructions_url: `${sandbox.url}/instructions/${payment.id}`,
      payment_deadline: payment.payment_deadline,
    })
  })

  it("describe Pay-easy with bank_id, customer_id, confirmation_id, instructions_url and payment_url", async () => {
    const payment = await sandbox.paidPayment("pay_easy")
    expect(payment.payment_details).toEqual({
      type: "pay_easy",
      email: null,
      bank_id: expect.stringMatching(/^\d{5}$/),
      customer_id: expect.stringMatching(/^\d{12}$/),
      confirmation_id: expect.stringMatching(/^\d{8}$/),
      instructions_url: `${sandbox.url}/instructions/${payment.id}`,
      payment_url: `${sandbox.url}/pay_easy/${payment.id}`,
    })
  })

  it("describe a card with brand, last_four_digits, month and year", async () => {
    const payment = await sandbox.paidPayment("credit_card", { card_number: "5555555555554444", month: 3, year: 2032 })
    expect(payment.payment_details).toEqual({ type: "credit_card", email: null, brand: "master", last_four_digits: "4444", month: 3, year: 2032 })
  })

  it("describe konbini with store, receipt, confirmation_code and instructions_url", async () => {
    const payment = await sandbox.paidPayment("konbini", { store: "lawson" })
    expect(Object.keys(payment.payment_details).sort()).toEqual(["confirmation_code", "email", "instructions_url", "receipt", "store", "type"])
  })
})

describe("Pay-easy's payment_url", () => {
  it("lets the customer pay online: the payment is captured", async () => {
    const payment = await sandbox.paidPayment("pay_easy")
    const page = await fetch(payment.payment_details.payment_url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('data-testid="pay-easy-online-pay"')
    const paid = await fetch(payment.payment_details.payment_url, { method: "POST", redirect: "manual" })
    expect(paid.status).toBe(303)
    expect(sandbox.payment(payment.id)!.status).toBe("captured")
  })

  it("is not found for another method's payment", async () => {
    const payment = await sandbox.paidPayment("konbini")
    expect((await fetch(`${sandbox.url}/pay_easy/${payment.id}`)).status).toBe(404)
  })
})
