import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { TEST_CARDS, verifyWebhookSignature } from "../index"
import { sandboxFor, SESSION, webhookReceiver, type Receiver, type TestSandbox } from "./helpers"

const SECRET = "whsec_test"
let sandbox: TestSandbox
let receiver: Receiver

async function start(options: Parameters<typeof sandboxFor>[0] = {}) {
  receiver = await webhookReceiver()
  sandbox = await sandboxFor({ webhookUrl: receiver.url, webhookSecret: SECRET, webhookRetry: { baseMs: 10 }, ...options })
}

afterEach(async () => {
  await sandbox?.close()
  await receiver?.close()
})

const CARD = { type: "credit_card", number: "4242424242424242", month: 8, year: 2039, verification_value: "123" }
const CUSTOMER_KEYS = ["created_at", "email", "id", "metadata", "resource", "source"]

/** A customer saved through a customer-mode session paid on the control API. */
async function savedThroughSession(externalId = "user-1", complete: Record<string, unknown> = {}) {
  const session = await sandbox.createSession({ mode: "customer", external_customer_id: externalId })
  const done = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: "4242424242424242", month: 8, year: 2039, ...complete })
  expect(done.status).toBe(200)
  return { session, done: done.body }
}

describe("customers API", () => {
  beforeEach(() => start())

  it("creates a customer with a card and serves the SDK's Customer: brand, last four and expiry, never the number", async () => {
    const { status, body } = await sandbox.call("POST", "/customers", { payment_details: CARD, email: "taro@example.jp", metadata: { medusa_customer_id: "cus_01" } })
    expect(status).toBe(200)
    expect(Object.keys(body).sort()).toEqual(CUSTOMER_KEYS)
    expect(body).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{25}$/),
      resource: "customer",
      email: "taro@example.jp",
      source: { type: "credit_card", brand: "visa", last_four_digits: "4242", month: 8, year: 2039 },
      metadata: { medusa_customer_id: "cus_01" },
      created_at: expect.stringMatching(/\+09:00$/),
    })
    expect(JSON.stringify(body)).not.toContain("4242424242424242")
    expect((await sandbox.call("GET", `/customers/${body.id}`)).body).toEqual(body)
  })

  it("creates a customer without a card (source null) and takes a form body with bracket keys", async () => {
    const form = "email=hanako%40example.jp&metadata[a]=b&payment_details[type]=credit_card&payment_details[number]=4111111111111111&payment_details[month]=12&payment_details[year]=39"
    const { status, body } = await sandbox.call("POST", "/customers", form)
    expect(status).toBe(200)
    expect(body.source).toEqual({ type: "credit_card", brand: "visa", last_four_digits: "1111", month: 12, year: 2039 })
    const bare = await sandbox.call("POST", "/customers", {})
    expect(bare.body).toMatchObject({ email: null, source: null, metadata: {} })
  })

  it.each([
    [{ payment_details: { ...CARD, number: "4242424242424241" } }, 422, "invalid_parameter", "payment_details[number]"],
    [{ payment_details: { ...CARD, month: 13 } }, 422, "invalid_parameter", "payment_details[month]"],
    [{ payment_details: { ...CARD, year: 2001 } }, 422, "invalid_parameter", "payment_details[month]"],
    [{ payment_details: { ...CARD, verification_value: "12" } }, 422, "invalid_parameter", "payment_details[verification_value]"],
    [{ payment_details: { ...CARD, type: "konbini" } }, 422, "invalid_parameter", "payment_details[type]"],
    [{ payment_details: { type: "credit_card", month: 8, year: 2039 } }, 422, "missing_parameter", "payment_details[number]"],
    [{ payment_details: "tok_x" }, 422, "invalid_parameter", "payment_details"],
    [{ email: "not-an-email" }, 422, "invalid_parameter", "email"],
    [{ metadata: { ["k".repeat(31)]: "v" } }, 422, "invalid_parameter", "metadata"],
    [{ currency: "jpy" }, 422, "invalid_currency", "currency"],
  ])("refuses %j with %i %s", async (body, status, code, param) => {
    const reply = await sandbox.call("POST", "/customers", body)
    expect(reply.status).toBe(status)
    expect(reply.body).toEqual({ error: { code, message: expect.any(String), param, details: null } })
  })

  it("answers parameter errors with 400 under parameter_error_status 400", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { parameter_error_status: 400 })
    expect((await sandbox.call("POST", "/customers", { email: "nope" })).status).toBe(400)
  })

  it("updates email, metadata (replaced whole) and the card; unknown ids are 404", async () => {
    const created = (await sandbox.call("POST", "/customers", { payment_details: CARD, metadata: { a: "1" } })).body
    const { status, body } = await sandbox.call("PATCH", `/customers/${created.id}`, {
      email: "new@example.jp",
      metadata: { b: "2" },
      payment_details: { type: "credit_card", number: TEST_CARDS.successMastercard, month: 1, year: 40 },
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: created.id, email: "new@example.jp", metadata: { b: "2" }, source: { brand: "master", last_four_digits: "4444", month: 1, year: 2040 } })
    expect((await sandbox.call("PATCH", "/customers/nosuchcustomer00000000000", { email: "a@b.c" })).status).toBe(404)
    expect((await sandbox.call("GET", "/customers/nosuchcustomer00000000000")).body.error.code).toBe("not_found")
  })

  it("deletes a customer: the answer is the customer, then it is gone and cannot be charged", async () => {
    const created = (await sandbox.call("POST", "/customers", { payment_details: CARD })).body
    const deleted = await sandbox.call("DELETE", `/customers/${created.id}`)
    expect(deleted).toMatchObject({ status: 200, body: created })
    expect((await sandbox.call("GET", `/customers/${created.id}`)).status).toBe(404)
    expect((await sandbox.call("DELETE", `/customers/${created.id}`)).status).toBe(404)
    const charge = await sandbox.call("POST", "/payments", { amount: 1000, currency: "JPY", customer: created.id })
    expect(charge).toMatchObject({ status: 404, body: { error: { code: "not_found", param: "customer" } } })
  })

  it("lists customers newest first with the SDK's CustomerList, pages and the card expiration filter (MMYY)", async () => {
    const first = (await sandbox.call("POST", "/customers", { payment_details: CARD })).body
    const second = (await sandbox.call("POST", "/customers", { payment_details: { ...CARD, month: 1, year: 2040 } })).body
    const all = (await sandbox.call("GET", "/customers")).body
    expect(all).toEqual({ resource: "customer_list", data: [second, first], start_time: null, end_time: null, total: 2, page: 1, per_page: 10, last_page: 1 })
    expect((await sandbox.call("GET", "/customers?expiration=0839")).body.data).toEqual([first])
    expect((await sandbox.call("GET", "/customers?per_page=1&page=2")).body).toMatchObject({ data: [first], last_page: 2 })
    expect((await sandbox.call("GET", "/customers?expiration=1339")).body.error.param).toBe("expiration")
    expect((await sandbox.call("GET", "/customers?per_page=101")).body.error.param).toBe("per_page")
  })

  it("needs the secret key", async () => {
    const reply = await sandbox.call("POST", "/customers", {}, { authorization: "" })
    expect(reply.status).toBe(401)
  })

  it("replays a create retried with the same idempotency key, and makes one customer", async () => {
    const headers = { "X-KOMOJU-IDEMPOTENCY": "customer-create-1" }
    const first = await sandbox.call("POST", "/customers", { payment_details: CARD }, headers)
    const again = await sandbox.call("POST", "/customers", { payment_details: CARD }, headers)
    expect(again.body).toEqual(first.body)
    expect(sandbox.customers()).toHaveLength(1)
    expect((await sandbox.call("POST", "/customers", { email: "x@y.z" }, headers)).status).toBe(409)
    expect(sandbox.requests({ path: "/customers" }).map((r) => r.replayed)).toEqual([false, true, false])
  })

  it("honours the idempotency key on PATCH and DELETE too", async () => {
    const created = (await sandbox.call("POST", "/customers", { payment_details: CARD })).body
    const headers = { "X-KOMOJU-IDEMPOTENCY": "customer-delete-1" }
    const first = await sandbox.call("DELETE", `/customers/${created.id}`, undefined, headers)
    const again = await sandbox.call("DELETE", `/customers/${created.id}`, undefined, headers)
    expect(again).toMatchObject({ status: 200, body: first.body })
    await sandbox.webhooksIdle()
    expect(receiver.types().filter((t) => t === "customer.deleted")).toHaveLength(1)
  })

  it("sends customer.created, customer.updated and customer.deleted once each, signed, with the customer as data", async () => {
    const created = (await sandbox.call("POST", "/customers", { payment_details: CARD })).body
    await sandbox.call("PATCH", `/customers/${created.id}`, { email: "a@b.jp" })
    await sandbox.call("DELETE", `/customers/${created.id}`)
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["customer.created", "customer.updated", "customer.deleted"])
    for (const { headers, body } of receiver.received) expect(verifyWebhookSignature(body, headers["x-komoju-signature"] as string, SECRET)).toBe(true)
    const [createdEvent, updated, deleted] = receiver.events()
    expect(createdEvent).toMatchObject({ resource: "event", reason: null, data: created })
    expect(Object.keys(updated.data).sort()).toEqual(CUSTOMER_KEYS)
    expect(updated.data.email).toBe("a@b.jp")
    expect(deleted.data.id).toBe(created.id)
    expect(receiver.received[0].headers["x-komoju-event"]).toBe("customer.created")
  })
})

describe("sessions in the customer modes", () => {
  beforeEach(() => start())

  it("needs external_customer_id in the customer modes (missing_parameter), unless the setting follows the SDK", async () => {
    for (const mode of ["customer", "customer_payment"]) {
      const reply = await sandbox.call("POST", "/sessions", { ...SESSION, mode })
      expect(reply).toMatchObject({ status: 422, body: { error: { code: "missing_parameter", param: "external_customer_id" } } })
    }
    await sandbox.call("PATCH", "/_sandbox/config", { customer_modes_require_external_customer_id: false })
    expect((await sandbox.call("POST", "/sessions", { ...SESSION, mode: "customer" })).status).toBe(200)
  })

  it("refuses a method that cannot be saved, and offers only card and PayPay by default", async () => {
    const refused = await sandbox.call("POST", "/sessions", { ...SESSION, mode: "customer", external_customer_id: "u", payment_types: ["konbini"] })
    expect(refused).toMatchObject({ status: 422, body: { error: { code: "invalid_payment_type", param: "payment_types" } } })
    const session = await sandbox.createSession({ mode: "customer", external_customer_id: "u" })
    expect(session.payment_methods.map((m: { type: string }) => m.type)).toEqual(["credit_card", "paypay"])
  })

  it("customer mode: the session holds its customer_id from the start; completing saves the card, pays nothing, sends customer.updated", async () => {
    const session = await sandbox.createSession({ mode: "customer", external_customer_id: "user-1", email: "taro@example.jp" })
    expect(session).toMatchObject({ mode: "customer", customer_id: expect.stringMatching(/^[a-z0-9]{25}$/), payment: null })
    expect((await sandbox.call("GET", `/customers/${session.customer_id}`)).body).toMatchObject({ source: null, email: "taro@example.jp" })
    const done = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: "4242424242424242", month: 8, year: 2039 })
    expect(done.body).toMatchObject({
      session: { status: "completed", customer_id: session.customer_id, payment: null },
      payment: null,
      customer: { id: session.customer_id, source: { type: "credit_card", brand: "visa", last_four_digits: "4242", month: 8, year: 2039 } },
      redirect_url: `https://shop.example/return?session_id=${session.id}`,
    })
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["customer.created", "customer.updated"])
    expect(receiver.events()[1].data.source.last_four_digits).toBe("4242")
    expect(sandbox.customers({ external_customer_id: "user-1" })).toEqual([expect.objectContaining({ id: session.customer_id, external_customer_id: "user-1" })])
  })

  it("customer mode with customer_id updates that customer; an unknown customer_id is refused", async () => {
    const existing = (await sandbox.call("POST", "/customers", { payment_details: CARD })).body
    const session = await sandbox.createSession({ mode: "customer", external_customer_id: "user-2", customer_id: existing.id })
    expect(session.customer_id).toBe(existing.id)
    await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: TEST_CARDS.successJcb })
    expect((await sandbox.call("GET", `/customers/${existing.id}`)).body.source).toMatchObject({ brand: "jcb", last_four_digits: "0000" })
    const unknown = await sandbox.call("POST", "/sessions", { ...SESSION, mode: "customer", external_customer_id: "u", customer_id: "nosuchcustomer00000000000" })
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param: "customer_id" } } })
  })

  it("customer mode refuses a declined card without saving it; the session stays pending", async () => {
    const session = await sandbox.createSession({ mode: "customer", external_customer_id: "user-3" })
    const done = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: TEST_CARDS.insufficientFunds })
    expect(done.body).toMatchObject({ session: { status: "pending" }, payment: null, customer: { source: null } })
  })

  it("customer mode saves PayPay as a source without card fields", async () => {
    const session = await sandbox.createSession({ mode: "customer", external_customer_id: "user-4" })
    const done = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: "paypay" })
    expect(done.body.customer.source).toEqual({ type: "paypay", brand: null, last_four_digits: null, month: null, year: null })
  })

  it("customer_payment mode: pays, the payment carries customer, and the card is saved (payment.captured then customer.updated)", async () => {
    const session = await sandbox.createSession({ mode: "customer_payment", external_customer_id: "user-5", payment_data: { external_order_num: "order-5" } })
    const done = await sandbox.call("POST", `/_sandbox/sessions/${session.id}/complete`, { card_number: "4242424242424242" })
    expect(done.body).toMatchObject({
      session: { mode: "customer_payment", status: "completed", customer_id: session.customer_id },
      payment: { status: "captured", customer: session.customer_id, session: session.id, external_order_num: "order-5", payment_details: { last_four_digits: "4242" } },
      customer: { id: session.customer_id, source: { last_four_digits: "4242" } },
    })
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["customer.created", "payment.captured", "payment.updated", "customer.updated"])
    expect(receiver.events()[1].data.customer).toBe(session.customer_id)
    const byCustomer = await sandbox.call("GET", `/_sandbox/events?customer=${session.customer_id}`)
    expect(byCustomer.body.map((e: { type: string }) => e.type)).toEqual(["customer.created", "payment.captured", "payment.updated", "customer.updated"])
    expect(sandbox.events({ payment: done.body.payment.id }).map((e) => e.type)).toEqual(["payment.captured", "payment.updated"])
  })

  it("leaves payment-mode sessions as they were: no customer_id, payment.customer null", async () => {
    const session = await sandbox.createSession()
    expect(session).not.toHaveProperty("customer_id")
    const payment = await sandbox.paidPayment()
    expect(payment.customer).toBeNull()
    await sandbox.webhooksIdle()
    expect(receiver.types().some((t) => t.startsWith("customer."))).toBe(false)
  })
})

describe("one-click on the hosted page", () => {
  beforeEach(() => start())

  it("remembers the card of a payment-mode session with external_customer_id and pays with it next time without a card", async () => {
    await sandbox.paidPayment("credit_card", { card_number: "4242424242424242", month: 8, year: 2039 }, { external_customer_id: "shopper-1" })
    expect(sandbox.externalCustomer("shopper-1")).toMatchObject({ external_customer_id: "shopper-1", source: { brand: "visa", last_four_digits: "4242" } })
    const next = await sandbox.createSession({ external_customer_id: "shopper-1" })
    const page = await (await fetch(`${next.session_url}?locale=en`)).text()
    expect(page).toContain('data-testid="method-saved"')
    expect(page).toContain("Pay with Visa •••• 4242")
    const ja = await (await fetch(next.session_url)).text()
    expect(ja).toContain("保存済みのカード")
    const done = await sandbox.call("POST", `/_sandbox/sessions/${next.id}/complete`, { use_saved_payment_method: true })
    expect(done.body.payment).toMatchObject({ status: "captured", customer: null, payment_details: { brand: "visa", last_four_digits: "4242", month: 8, year: 2039 } })
  })

  it("does not remember when the shopper declines to save, nor for a session without external_customer_id", async () => {
    await sandbox.paidPayment("credit_card", { save_payment_method: false }, { external_customer_id: "shopper-2" })
    await sandbox.paidPayment("credit_card", {})
    expect(sandbox.externalCustomer("shopper-2")).toBeUndefined()
    const other = await sandbox.createSession({ external_customer_id: "shopper-2" })
    expect(await (await fetch(other.session_url)).text()).not.toContain('data-testid="method-saved"')
    const refused = await sandbox.call("POST", `/_sandbox/sessions/${other.id}/complete`, { use_saved_payment_method: true })
    expect(refused).toMatchObject({ status: 422, body: { error: { param: "use_saved_payment_method" } } })
  })

  it("offers the saved card in customer_payment mode too, and the saved card's test outcome still applies", async () => {
    await savedThroughSession("shopper-3", { card_number: TEST_CARDS.insufficientFunds })
    // Declined: nothing saved.
    expect(sandbox.externalCustomer("shopper-3")).toBeUndefined()
    await sandbox.paidPayment("credit_card", { card_number: TEST_CARDS.success }, { external_customer_id: "shopper-3", mode: "customer_payment" })
    const next = await sandbox.createSession({ external_customer_id: "shopper-3", mode: "customer_payment" })
    const done = await sandbox.call("POST", `/_sandbox/sessions/${next.id}/complete`, { use_saved_payment_method: true })
    expect(done.body.payment).toMatchObject({ status: "captured", customer: next.customer_id, payment_details: { last_four_digits: "1111" } })
  })

  it("offers a remembered PayPay account: the app confirmation, then paid", async () => {
    await sandbox.paidPayment("paypay", {}, { external_customer_id: "shopper-pp" })
    const next = await sandbox.createSession({ external_customer_id: "shopper-pp", default_locale: "en" })
    expect(await (await fetch(next.session_url)).text()).toContain("Pay with PayPay")
    const pay = (form: Record<string, string>) => fetch(`${next.session_url}/pay?locale=en`, { method: "POST", body: new URLSearchParams(form), redirect: "manual" })
    const confirm = await pay({ payment_type: "saved" })
    expect(await confirm.text()).toContain('data-testid="wallet-approve"')
    const approved = await pay({ payment_type: "saved", confirmed: "1" })
    expect(approved.status).toBe(303)
    expect((await sandbox.call("GET", `/sessions/${next.id}`)).body.payment).toMatchObject({ status: "captured", payment_details: { type: "paypay" } })
  })

  it("the hosted page of a customer-mode session saves, shows a declined card's error, and says the method is saved", async () => {
    const session = await sandbox.createSession({ mode: "customer", external_customer_id: "shopper-page", default_locale: "en" })
    const page = await (await fetch(session.session_url)).text()
    expect(page).toContain("Save a payment method")
    expect(page).toContain('data-testid="pay-credit_card">Save</button>')
    const pay = (card: string) =>
      fetch(`${session.session_url}/pay?locale=en`, { method: "POST", body: new URLSearchParams({ payment_type: "credit_card", card_number: card, expiry: "08/39", cvc: "123" }), redirect: "manual" })
    const declined = await pay(TEST_CARDS.insufficientFunds)
    expect(declined.status).toBe(402)
    expect(await declined.text()).toContain("insufficient funds")
    const saved = await pay("4242424242424242")
    expect(saved.headers.get("location")).toBe(`https://shop.example/return?session_id=${session.id}`)
    expect(await (await fetch(session.session_url)).text()).toContain("The payment method is saved.")
  })

  it("DELETE /external_customers/:id erases it: {id}, then 404, and the page offers nothing", async () => {
    await sandbox.paidPayment("credit_card", {}, { external_customer_id: "shopper/4 é" })
    const kept = sandbox.externalCustomer("shopper/4 é")!
    const deleted = await sandbox.call("DELETE", `/external_customers/${encodeURIComponent("shopper/4 é")}`)
    expect(deleted).toEqual({ status: 200, body: { id: kept.id }, headers: expect.anything() })
    expect((await sandbox.call("DELETE", `/external_customers/${encodeURIComponent("shopper/4 é")}`)).status).toBe(404)
    const next = await sandbox.createSession({ external_customer_id: "shopper/4 é" })
    expect(await (await fetch(next.session_url)).text()).not.toContain('data-testid="method-saved"')
  })

  it("DELETE /external_customers/:id also takes KOMOJU's id of the external customer", async () => {
    await sandbox.paidPayment("credit_card", {}, { external_customer_id: "shopper-5" })
    const { id } = sandbox.externalCustomer("shopper-5")!
    expect((await sandbox.call("DELETE", `/external_customers/${id}`)).body).toEqual({ id })
    expect(sandbox.externalCustomer("shopper-5")).toBeUndefined()
  })

  it("DELETE /customers/:id leaves the one-click card unless customer_delete_erases_one_click", async () => {
    const { session } = await savedThroughSession("shopper-6")
    await sandbox.call("DELETE", `/customers/${session.customer_id}`)
    expect(sandbox.externalCustomer("shopper-6")).toBeDefined()
    await sandbox.call("PATCH", "/_sandbox/config", { customer_delete_erases_one_click: true })
    const again = await savedThroughSession("shopper-6")
    await sandbox.call("DELETE", `/customers/${again.session.customer_id}`)
    expect(sandbox.externalCustomer("shopper-6")).toBeUndefined()
  })
})

describe("charging a saved customer", () => {
  beforeEach(() => start())

  it("POST /payments with customer: captured without a session, with the usual webhooks", async () => {
    const { session } = await savedThroughSession("payer-1")
    const { status, body } = await sandbox.call("POST", "/payments", {
      amount: 1500,
      currency: "JPY",
      customer: session.customer_id,
      external_order_num: "sub-1",
      metadata: { order: "o1" },
      description: "again",
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({
      resource: "payment",
      status: "captured",
      amount: 1500,
      total: 1500,
      currency: "JPY",
      customer: session.customer_id,
      session: null,
      external_order_num: "sub-1",
      metadata: { order: "o1" },
      description: "again",
      payment_details: { type: "credit_card", brand: "visa", last_four_digits: "4242" },
    })
    await sandbox.webhooksIdle()
    expect(receiver.types().slice(-2)).toEqual(["payment.captured", "payment.updated"])
    expect((await sandbox.call("POST", "/payments", { amount: 1500, currency: "JPY", customer: session.customer_id, external_order_num: "sub-1" })).body.error).toMatchObject({
      code: "invalid_parameter",
      param: "external_order_num",
    })
  })

  it("capture false authorizes; the hold is captured like any card authorization", async () => {
    const { session } = await savedThroughSession("payer-2")
    const { body } = await sandbox.call("POST", "/payments", { amount: 900, currency: "JPY", customer: session.customer_id, capture: false })
    expect(body.status).toBe("authorized")
    expect((await sandbox.call("POST", `/payments/${body.id}/capture`, {})).body.status).toBe("captured")
  })

  it("charges a saved PayPay account (captured)", async () => {
    const { session } = await savedThroughSession("payer-3", { payment_type: "paypay" })
    const { body } = await sandbox.call("POST", "/payments", { amount: 900, currency: "JPY", customer: session.customer_id })
    expect(body).toMatchObject({ status: "captured", payment_details: { type: "paypay" } })
  })

  it.each([
    [{ currency: "JPY", customer: "x" }, "missing_parameter", "amount"],
    [{ amount: 100, customer: "x" }, "missing_parameter", "currency"],
    [{ amount: 100, currency: "JPY" }, "missing_parameter", "payment_details"],
    [{ amount: 0, currency: "JPY", customer: "x" }, "invalid_parameter", "amount"],
    [{ amount: 100, currency: "JPY", customer: "x", capture: "maybe" }, "invalid_parameter", "capture"],
    [{ amount: 100, currency: "JPY", customer: "x", payment_details: "tok" }, "invalid_parameter", "customer"],
    [{ amount: 100, currency: "XXX", customer: "x" }, "invalid_currency", "currency"],
  ])("refuses %j (%s %s)", async (body, code, param) => {
    const reply = await sandbox.call("POST", "/payments", body)
    expect(reply.status).toBe(422)
    expect(reply.body.error).toMatchObject({ code, param })
  })

  it("refuses a customer without a saved method, and raw payment_details (not simulated)", async () => {
    const bare = (await sandbox.call("POST", "/customers", {})).body
    expect((await sandbox.call("POST", "/payments", { amount: 100, currency: "JPY", customer: bare.id })).body.error).toMatchObject({ code: "invalid_parameter", param: "customer" })
    expect((await sandbox.call("POST", "/payments", { amount: 100, currency: "JPY", payment_details: CARD })).body.error).toMatchObject({ code: "unprocessable_entity", param: "payment_details" })
  })

  it("declines a saved test card that declines (402 with the reason), and follows Komoju-Scenario", async () => {
    const declining = (await sandbox.call("POST", "/customers", { payment_details: { ...CARD, number: TEST_CARDS.insufficientFunds } })).body
    const reply = await sandbox.call("POST", "/payments", { amount: 100, currency: "JPY", customer: declining.id })
    expect(reply).toMatchObject({ status: 402, body: { error: { code: "insufficient_funds" } } })
    const good = (await sandbox.call("POST", "/customers", { payment_details: CARD })).body
    const scenario = await sandbox.call("POST", "/payments", { amount: 100, currency: "JPY", customer: good.id }, { "Komoju-Scenario": "card_declined" })
    expect(scenario).toMatchObject({ status: 402, body: { error: { code: "card_declined" } } })
  })

  it("records the declined payment instead under direct_charge_decline payment (pending by default, payment.failed)", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { direct_charge_decline: "payment", payment_updated_event: "off" })
    const declining = (await sandbox.call("POST", "/customers", { payment_details: { ...CARD, number: TEST_CARDS.cannotUseCard } })).body
    const reply = await sandbox.call("POST", "/payments", { amount: 100, currency: "JPY", customer: declining.id })
    expect(reply).toMatchObject({ status: 200, body: { status: "pending", customer: declining.id } })
    await sandbox.webhooksIdle()
    expect(receiver.events().filter((e) => e.type === "payment.failed")).toEqual([expect.objectContaining({ reason: "card_declined", data: expect.objectContaining({ id: reply.body.id }) })])
  })

  it("replays a charge retried with the same idempotency key: one payment", async () => {
    const { session } = await savedThroughSession("payer-4")
    const headers = { "X-KOMOJU-IDEMPOTENCY": "charge-1" }
    const first = await sandbox.call("POST", "/payments", { amount: 700, currency: "JPY", customer: session.customer_id }, headers)
    const again = await sandbox.call("POST", "/payments", { amount: 700, currency: "JPY", customer: session.customer_id }, headers)
    expect(again.body).toEqual(first.body)
    expect((await sandbox.call("GET", "/payments")).body.total).toBe(1)
  })
})

describe("3-D Secure for a saved card: secure tokens", () => {
  beforeEach(() => start())

  const challengeCustomer = async () => (await sandbox.call("POST", "/customers", { payment_details: { ...CARD, number: TEST_CARDS.threeDSecureChallengeSuccess } })).body

  it("refuses to charge a 3-D Secure challenge card directly (402 three_d_secure_required)", async () => {
    const customer = await challengeCustomer()
    const reply = await sandbox.call("POST", "/payments", { amount: 1000, currency: "JPY", customer: customer.id })
    expect(reply).toMatchObject({ status: 402, body: { error: { code: "three_d_secure_required", param: "customer" } } })
    await sandbox.call("PATCH", "/_sandbox/config", { saved_card_three_d_secure: "none" })
    expect((await sandbox.call("POST", "/payments", { amount: 1000, currency: "JPY", customer: customer.id })).status).toBe(200)
    await sandbox.call("PATCH", "/_sandbox/config", { saved_card_three_d_secure: "all" })
    const plain = (await sandbox.call("POST", "/customers", { payment_details: CARD })).body
    expect((await sandbox.call("POST", "/payments", { amount: 1000, currency: "JPY", customer: plain.id })).status).toBe(402)
  })

  it("creates a secure token for the customer (NEEDS_VERIFY, authentication_url), passes it, and pays with it once", async () => {
    const customer = await challengeCustomer()
    const created = await sandbox.call("POST", "/secure_tokens", { amount: 1000, currency: "JPY", customer: customer.id, return_url: "https://shop.example/3ds?x=1" })
    expect(created.status).toBe(200)
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{25}$/),
      created_at: expect.any(String),
      verification_status: "NEEDS_VERIFY",
      authentication_url: `${sandbox.url}/three_d_secure_service/offsite?token=${created.body.id}`,
    })
    const token = created.body.id
    const early = await sandbox.call("POST", "/payments", { amount: 1000, currency: "JPY", payment_details: token })
    expect(early.body.error).toMatchObject({ code: "unprocessable_entity", param: "payment_details" })
    const verified = await sandbox.call("POST", `/_sandbox/secure_tokens/${token}/verify`, { result: "pass" })
    expect(verified.body).toMatchObject({ secure_token: { verification_status: "OK", last_four_digits: "5000", customer: customer.id }, redirect_url: `https://shop.example/3ds?x=1&secure_token_id=${token}` })
    expect((await sandbox.call("GET", `/secure_tokens/${token}`)).body.verification_status).toBe("OK")
    expect((await sandbox.call("POST", "/payments", { amount: 999, currency: "JPY", payment_details: token })).body.error.param).toBe("amount")
    const paid = await sandbox.call("POST", "/payments", { amount: 1000, currency: "JPY", payment_details: token, capture: false })
    expect(paid.body).toMatchObject({ status: "authorized", customer: customer.id, payment_details: { last_four_digits: "5000" } })
    const reused = await sandbox.call("POST", "/payments", { amount: 1000, currency: "JPY", payment_details: token })
    expect(reused.body.error).toMatchObject({ code: "unprocessable_entity", param: "payment_details" })
    await sandbox.webhooksIdle()
    expect(receiver.types().slice(-2)).toEqual(["payment.authorized", "payment.updated"])
  })

  it("ends ERRORED when the shopper fails, or for a card whose 3-D Secure fails; such a token cannot pay", async () => {
    const customer = await challengeCustomer()
    const token = (await sandbox.call("POST", "/secure_tokens", { amount: 1000, currency: "JPY", customer: customer.id, return_url: "https://shop.example/3ds" })).body.id
    expect(sandbox.verifySecureToken(token, false).secure_token.verification_status).toBe("ERRORED")
    expect(sandbox.verifySecureToken(token, true).secure_token.verification_status).toBe("ERRORED")
    expect((await sandbox.call("POST", "/payments", { amount: 1000, currency: "JPY", payment_details: token })).status).toBe(422)
    const failing = (await sandbox.call("POST", "/customers", { payment_details: { ...CARD, number: TEST_CARDS.threeDSecureChallengeFailure } })).body
    const other = (await sandbox.call("POST", "/secure_tokens", { amount: 1000, currency: "JPY", customer: failing.id, return_url: "https://shop.example/3ds" })).body.id
    expect(sandbox.verifySecureToken(other, true).secure_token.verification_status).toBe("ERRORED")
  })

  it("takes a card's payment_details instead of a customer", async () => {
    const reply = await sandbox.call("POST", "/secure_tokens", { amount: 500, currency: "JPY", payment_details: CARD, return_url: "https://shop.example/3ds" })
    expect(reply.body.verification_status).toBe("NEEDS_VERIFY")
    sandbox.verifySecureToken(reply.body.id)
    expect((await sandbox.call("POST", "/payments", { amount: 500, currency: "JPY", payment_details: reply.body.id })).body).toMatchObject({ status: "captured", customer: null })
  })

  it.each([
    [{ currency: "JPY", customer: "x", return_url: "https://s.example" }, 422, "missing_parameter", "amount"],
    [{ amount: 1, customer: "x", return_url: "https://s.example" }, 422, "missing_parameter", "currency"],
    [{ amount: 1, currency: "JPY", customer: "x" }, 422, "missing_parameter", "return_url"],
    [{ amount: 1, currency: "JPY", return_url: "https://s.example" }, 422, "missing_parameter", "customer"],
    [{ amount: 1, currency: "JPY", customer: "x", return_url: "/relative" }, 422, "invalid_parameter", "return_url"],
    [{ amount: 1, currency: "JPY", customer: "nosuchcustomer00000000000", return_url: "https://s.example" }, 404, "not_found", "customer"],
  ])("refuses %j", async (body, status, code, param) => {
    const reply = await sandbox.call("POST", "/secure_tokens", body)
    expect(reply.status).toBe(status)
    expect(reply.body.error).toMatchObject({ code, param })
  })

  it("serves the 3-D Secure step page in ja, en and ko; Pass redirects to return_url with secure_token_id", async () => {
    const customer = await challengeCustomer()
    const token = (await sandbox.call("POST", "/secure_tokens", { amount: 1000, currency: "JPY", customer: customer.id, return_url: "https://shop.example/3ds" })).body
    expect(await (await fetch(token.authentication_url)).text()).toContain("3Dセキュア認証")
    expect(await (await fetch(`${token.authentication_url}&locale=en`)).text()).toContain("3-D Secure authentication")
    expect(await (await fetch(`${token.authentication_url}&locale=ko`)).text()).toContain("3D 보안 인증")
    const pass = await fetch(token.authentication_url, { method: "POST", body: new URLSearchParams({ result: "pass" }), redirect: "manual" })
    expect(pass.status).toBe(303)
    expect(pass.headers.get("location")).toBe(`https://shop.example/3ds?secure_token_id=${token.id}`)
    expect(await (await fetch(token.authentication_url)).text()).toContain('data-testid="three-ds-done"')
  })
})

describe("state file", () => {
  it("keeps customers, one-click cards and secure tokens across a restart, never serving the card number", async () => {
    const dir = mkdtempSync(join(tmpdir(), "komoju-sandbox-customers-"))
    const stateFile = join(dir, "state.json")
    try {
      await start({ stateFile })
      const { session } = await savedThroughSession("persist-1")
      const token = (await sandbox.call("POST", "/secure_tokens", { amount: 100, currency: "JPY", customer: session.customer_id, return_url: "https://shop.example/3ds" })).body
      await sandbox.close()
      await receiver.close()
      const state = JSON.parse(readFileSync(stateFile, "utf8"))
      expect(Object.keys(state)).toEqual(expect.arrayContaining(["customers", "external_customers", "secure_tokens"]))
      await start({ stateFile })
      expect((await sandbox.call("GET", `/customers/${session.customer_id}`)).body.source.last_four_digits).toBe("4242")
      expect(sandbox.externalCustomer("persist-1")).toBeDefined()
      expect((await sandbox.call("GET", `/secure_tokens/${token.id}`)).body.verification_status).toBe("NEEDS_VERIFY")
      expect((await sandbox.call("POST", "/payments", { amount: 100, currency: "JPY", customer: session.customer_id })).status).toBe(200)
      // Reset forgets them.
      await sandbox.call("POST", "/_sandbox/reset", {})
      expect(sandbox.customers()).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe("control API", () => {
  beforeEach(() => start())

  it("lists customers by external_customer_id, shows one, the one-click card and a secure token, without card numbers", async () => {
    const { session } = await savedThroughSession("control-1")
    await savedThroughSession("control-2")
    const listed = await sandbox.call("GET", "/_sandbox/customers?external_customer_id=control-1")
    expect(listed.body).toEqual([expect.objectContaining({ id: session.customer_id, external_customer_id: "control-1", source: expect.objectContaining({ last_four_digits: "4242" }) })])
    expect((await sandbox.call("GET", "/_sandbox/customers")).body).toHaveLength(2)
    expect((await sandbox.call("GET", `/_sandbox/customers/${session.customer_id}`)).body.id).toBe(session.customer_id)
    const oneClick = await sandbox.call("GET", "/_sandbox/external_customers/control-1")
    expect(oneClick.body).toMatchObject({ external_customer_id: "control-1", source: { last_four_digits: "4242" } })
    expect((await sandbox.call("GET", "/_sandbox/external_customers/nobody")).status).toBe(404)
    const token = (await sandbox.call("POST", "/secure_tokens", { amount: 100, currency: "JPY", customer: session.customer_id, return_url: "https://shop.example/3ds" })).body
    expect((await sandbox.call("GET", `/_sandbox/secure_tokens/${token.id}`)).body).toMatchObject({ amount: 100, currency: "JPY", last_four_digits: "4242" })
    expect((await sandbox.call("POST", `/_sandbox/secure_tokens/${token.id}/verify`, { result: "maybe" })).status).toBe(400)
    for (const reply of [listed, oneClick]) expect(JSON.stringify(reply.body)).not.toContain("4242424242424242")
    expect(sandbox.requests({ path: "/customers" })).toHaveLength(0)
    expect(sandbox.requests({ path: "/secure_tokens" })).toHaveLength(1)
  })
})

describe("in code", () => {
  beforeEach(() => start())

  it("saveSession completes a customer-mode session; completeSession pays the others and refuses customer mode", async () => {
    const session = await sandbox.createSession({ mode: "customer", external_customer_id: "code-1" })
    expect(() => sandbox.completeSession(session.id)).toThrow(/customer mode/)
    const saved = sandbox.saveSession(session.id, { card_number: "4242424242424242" })
    expect(saved).toMatchObject({ payment: null, customer: { id: session.customer_id, source: { last_four_digits: "4242" } }, session: { status: "completed" } })
    const paying = await sandbox.createSession({ mode: "customer_payment", external_customer_id: "code-1" })
    expect(() => sandbox.saveSession(paying.id)).toThrow(/customer_payment mode/)
    const paid = sandbox.completeSession(paying.id, { use_saved_payment_method: true })
    expect(paid.payment).toMatchObject({ status: "captured", customer: paying.customer_id, payment_details: { last_four_digits: "4242" } })
    expect(sandbox.customer(session.customer_id)).toMatchObject({ external_customer_id: "code-1" })
    expect(sandbox.secureToken("nosuchtoken")).toBeUndefined()
  })
})
