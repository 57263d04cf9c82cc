import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { sandboxFor, webhookReceiver, type Receiver, type TestSandbox } from "./helpers"

let sandbox: TestSandbox
let receiver: Receiver

beforeEach(async () => {
  receiver = await webhookReceiver()
  sandbox = await sandboxFor({ webhookUrl: receiver.url, webhookRetry: { baseMs: 10 } })
})
afterEach(async () => {
  await sandbox.close()
  await receiver.close()
})

/** A customer's bank account as KOMOJU's CreateRefundRequestRequest takes it. */
const BANK = {
  amount: 1200,
  customer_name: "ﾔﾏﾀﾞ ﾀﾛｳ",
  bank_name: "みずほ銀行",
  bank_code: "0001",
  branch_name: "東京営業部",
  branch_number: "001",
  account_type: "normal",
  account_number: "1234567",
  include_payment_method_fee: false,
  description: "returned item",
}

/** The SDK's RefundRequest model, field for field. */
const SDK_REFUND_REQUEST_FIELDS = ["account_number", "bank_code", "bank_name", "branch_name", "branch_number", "created_at", "customer_name", "description", "id", "payment", "status"]

/** A konbini (or other cash) payment the customer has paid at the counter. */
async function paidCash(type = "konbini") {
  const payment = await sandbox.paidPayment(type)
  const paid = await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
  expect(paid.body.status).toBe("captured")
  await sandbox.webhooksIdle()
  receiver.received.length = 0
  return paid.body
}

const requestRefund = (paymentId: string, body: unknown = BANK, headers: Record<string, string> = {}) =>
  sandbox.call("POST", `/payments/${paymentId}/refund_request`, body, headers)

async function typesSent(): Promise<string[]> {
  await sandbox.webhooksIdle()
  return receiver.types()
}

describe("POST /payments/:id/refund_request", () => {
  it("answers the payment with the request pending in refund_requests[], in the SDK's fields, and moves no money", async () => {
    const payment = await paidCash()
    const reply = await requestRefund(payment.id)
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ id: payment.id, resource: "payment", status: "captured", amount_refunded: 0, refunds: [] })
    expect(reply.body.refund_requests).toEqual([
      {
        id: expect.stringMatching(/^[a-z0-9]{25}$/),
        payment: payment.id,
        customer_name: "ﾔﾏﾀﾞ ﾀﾛｳ",
        bank_name: "みずほ銀行",
        bank_code: "0001",
        branch_name: "東京営業部",
        branch_number: "001",
        account_number: "1234567",
        description: "returned item",
        status: "pending",
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/),
      },
    ])
    expect(Object.keys(reply.body.refund_requests[0]).sort()).toEqual(SDK_REFUND_REQUEST_FIELDS)
    expect((await sandbox.call("GET", `/payments/${payment.id}`)).body.refund_requests).toEqual(reply.body.refund_requests)
    expect(await typesSent()).toEqual([])
  })

  it("serves bank_code, branch_name and description as null when not given", async () => {
    const payment = await paidCash()
    const { bank_code, branch_name, description, ...required } = BANK
    const reply = await requestRefund(payment.id, required)
    expect(reply.body.refund_requests[0]).toMatchObject({ bank_code: null, branch_name: null, description: null })
  })

  it("takes account_number as a 7-digit string or as a number (padded with the zeros a number cannot carry)", async () => {
    const payment = await paidCash()
    expect((await requestRefund(payment.id, { ...BANK, amount: 100, account_number: 1234567 })).body.refund_requests[0].account_number).toBe("1234567")
    expect((await requestRefund(payment.id, { ...BANK, amount: 100, account_number: 123456 })).body.refund_requests[1].account_number).toBe("0123456")
  })

  it("takes a form-encoded body, as KOMOJU's curl samples send", async () => {
    const payment = await paidCash()
    const form = new URLSearchParams({ ...BANK, amount: "500", include_payment_method_fee: "true" } as Record<string, string>).toString()
    const reply = await requestRefund(payment.id, form)
    expect(reply.status).toBe(200)
    expect(sandbox.refundRequest(reply.body.refund_requests[0].id)).toMatchObject({ amount: 500, include_payment_method_fee: true, account_type: "normal" })
  })

  it("is there for bank transfer and Pay-easy too", async () => {
    for (const type of ["bank_transfer", "pay_easy"]) {
      const payment = await paidCash(type)
      expect((await requestRefund(payment.id)).status).toBe(200)
    }
  })

  it("is logged like any API request", async () => {
    const payment = await paidCash()
    await requestRefund(payment.id)
    expect(sandbox.requests({ method: "POST", path: `/payments/${payment.id}/refund_request` })).toEqual([expect.objectContaining({ status: 200 })])
  })
})

describe("refund request validation", () => {
  it.each(["amount", "customer_name", "bank_name", "branch_number", "account_type", "account_number", "include_payment_method_fee"])(
    "answers 422 missing_parameter without %s",
    async (param) => {
      const payment = await paidCash()
      const body: Record<string, unknown> = { ...BANK }
      delete body[param]
      expect(await requestRefund(payment.id, body)).toMatchObject({ status: 422, body: { error: { code: "missing_parameter", param } } })
    }
  )

  it("answers 400 for a missing parameter under parameter_error_status 400", async () => {
    const payment = await paidCash()
    await sandbox.call("PATCH", "/_sandbox/config", { parameter_error_status: 400 })
    expect(await requestRefund(payment.id, { ...BANK, customer_name: "" })).toMatchObject({ status: 400, body: { error: { code: "missing_parameter", param: "customer_name" } } })
  })

  it.each([
    ["amount", 0],
    ["amount", -100],
    ["amount", 10.5],
    ["amount", "abc"],
    ["customer_name", "ヤマダ タロウ"],
    ["customer_name", "山田太郎"],
    ["customer_name", "yamada taro"],
    ["customer_name", "ABC"],
    ["customer_name", 42],
    ["bank_name", { name: "mizuho" }],
    ["bank_code", "001"],
    ["bank_code", "00a1"],
    ["bank_code", "00001"],
    ["branch_name", ["東京"]],
    ["branch_number", "01"],
    ["branch_number", "0001"],
    ["branch_number", "abc"],
    ["account_type", "current"],
    ["account_type", true],
    ["account_number", "123456"],
    ["account_number", "12345678"],
    ["account_number", "12a4567"],
    ["account_number", 12_345_678],
    ["account_number", 1234.5],
    ["account_number", -1],
    ["include_payment_method_fee", "yes"],
    ["include_payment_method_fee", 1],
    ["description", { text: "x" }],
  ])("answers 422 invalid_parameter for %s %j", async (param, value) => {
    const payment = await paidCash()
    expect(await requestRefund(payment.id, { ...BANK, [param]: value })).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param } } })
  })

  it("accepts Zengin names: company prefixes, sound marks, upper-case letters", async () => {
    const payment = await paidCash()
    for (const name of ["ｶ)ﾃｽﾄｼｮｳｼﾞ", "ｽｽﾞｷ ｲﾁﾛｳ", "ﾀﾅｶ ﾊﾟﾝ ABC"]) {
      expect((await requestRefund(payment.id, { ...BANK, amount: 10, customer_name: name })).status).toBe(200)
    }
  })

  it("refuses a card payment: it is refunded through POST /payments/:id/refund (unprocessable_entity, or not_refundable)", async () => {
    const payment = await sandbox.paidPayment("credit_card")
    expect(await requestRefund(payment.id)).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
    await sandbox.call("PATCH", "/_sandbox/config", { state_error_codes: "detailed" })
    expect(await requestRefund(payment.id)).toMatchObject({ status: 422, body: { error: { code: "not_refundable" } } })
  })

  it("refuses a cash payment the customer has not paid yet, or one already refunded", async () => {
    const waiting = await sandbox.paidPayment("konbini")
    expect(await requestRefund(waiting.id)).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
    const paid = await paidCash()
    await sandbox.call("POST", `/_sandbox/payments/${paid.id}/refund`, {})
    expect(await requestRefund(paid.id)).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })

  it("checks the payment's state before the parameters", async () => {
    const waiting = await sandbox.paidPayment("konbini")
    expect(await requestRefund(waiting.id, {})).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
  })

  it("answers 404 for an unknown payment", async () => {
    expect(await requestRefund("nosuchpayment000000000000")).toMatchObject({ status: 404, body: { error: { code: "not_found" } } })
  })

  it("refuses an amount over what remains, pending requests counted (422 invalid_parameter amount)", async () => {
    const payment = await paidCash()
    expect(await requestRefund(payment.id, { ...BANK, amount: 1201 })).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param: "amount" } } })
    expect((await requestRefund(payment.id, { ...BANK, amount: 700 })).status).toBe(200)
    expect(await requestRefund(payment.id, { ...BANK, amount: 600 })).toMatchObject({ status: 422, body: { error: { param: "amount" } } })
    expect((await requestRefund(payment.id, { ...BANK, amount: 500 })).status).toBe(200)
  })

  it("counts the payment method fee when the request includes it, and includes it once", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { payment_method_fees: { konbini: 190 } })
    const payment = await paidCash()
    expect(payment.total).toBe(1390)
    expect(await requestRefund(payment.id, { ...BANK, amount: 1300, include_payment_method_fee: true })).toMatchObject({ status: 422, body: { error: { param: "amount" } } })
    expect((await requestRefund(payment.id, { ...BANK, amount: 600, include_payment_method_fee: true })).status).toBe(200)
    expect(await requestRefund(payment.id, { ...BANK, amount: 100, include_payment_method_fee: true })).toMatchObject({
      status: 422,
      body: { error: { code: "invalid_parameter", param: "include_payment_method_fee" } },
    })
    expect((await requestRefund(payment.id, { ...BANK, amount: 600 })).status).toBe(200)
  })

  it("leaves the refund API refusing cash payments", async () => {
    const payment = await paidCash()
    expect(await sandbox.call("POST", `/payments/${payment.id}/refund`, {})).toMatchObject({ status: 422 })
  })
})

describe("refund request idempotency", () => {
  it("replays the first answer for the same key and body, and makes one request", async () => {
    const payment = await paidCash()
    const headers = { "X-KOMOJU-IDEMPOTENCY": "refund-request-1" }
    const first = await requestRefund(payment.id, BANK, headers)
    const again = await requestRefund(payment.id, BANK, headers)
    expect(again).toMatchObject({ status: 200, body: first.body })
    expect((await sandbox.call("GET", `/payments/${payment.id}`)).body.refund_requests).toHaveLength(1)
    expect(sandbox.requests({ path: `/payments/${payment.id}/refund_request` }).map((r) => r.replayed)).toEqual([false, true])
  })

  it("answers 409 for the same key with another body", async () => {
    const payment = await paidCash()
    const headers = { "X-KOMOJU-IDEMPOTENCY": "refund-request-2" }
    await requestRefund(payment.id, BANK, headers)
    expect(await requestRefund(payment.id, { ...BANK, amount: 1 }, headers)).toMatchObject({ status: 409, body: { error: { code: "conflict" } } })
    expect(sandbox.refundRequests({ payment: payment.id })).toHaveLength(1)
  })

  it("replays a refusal too", async () => {
    const payment = await paidCash()
    const headers = { "X-KOMOJU-IDEMPOTENCY": "refund-request-3" }
    const body = { ...BANK, amount: 5000 }
    expect((await requestRefund(payment.id, body, headers)).status).toBe(422)
    expect(await requestRefund(payment.id, body, headers)).toMatchObject({ status: 422, body: { error: { param: "amount" } } })
  })
})

describe("completing and rejecting through the control API", () => {
  it("completes: a refund for the amount, the events of a dashboard refund, and nothing again the second time", async () => {
    const payment = await paidCash()
    const { body } = await requestRefund(payment.id, { ...BANK, amount: 500 })
    const requestId = body.refund_requests[0].id
    const done = await sandbox.call("POST", `/_sandbox/refund_requests/${requestId}/complete`, {})
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ status: "captured", amount_refunded: 500, refunds: [{ resource: "refund", amount: 500, currency: "JPY", payment: payment.id, description: "returned item", chargeback: false }] })
    expect(done.body.refund_requests[0].status).toBe("completed")
    expect(await typesSent()).toEqual(["payment.refund.created", "payment.updated"])
    expect(receiver.events()[0].data.refund_requests[0].status).toBe("completed")

    const again = await sandbox.call("POST", `/_sandbox/refund_requests/${requestId}/complete`, {})
    expect(again).toMatchObject({ status: 200, body: { amount_refunded: 500 } })
    expect(again.body.refunds).toHaveLength(1)
    expect(await typesSent()).toEqual(["payment.refund.created", "payment.updated"])
    expect(sandbox.refundRequest(requestId)).toMatchObject({ status: "completed", amount: 500, refund: done.body.refunds[0].id, decided_at: expect.any(String) })
  })

  it("makes the payment refunded when the request takes what remained, with payment.refunded", async () => {
    const payment = await paidCash()
    const { body } = await requestRefund(payment.id)
    const done = await sandbox.call("POST", `/_sandbox/refund_requests/${body.refund_requests[0].id}/complete`, {})
    expect(done.body).toMatchObject({ status: "refunded", amount_refunded: 1200 })
    expect(await typesSent()).toEqual(["payment.refund.created", "payment.updated", "payment.refunded", "payment.updated"])
  })

  it("refunds the payment method fee as well when the request includes it", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { payment_method_fees: { konbini: 190 } })
    const payment = await paidCash()
    const { body } = await requestRefund(payment.id, { ...BANK, amount: 1200, include_payment_method_fee: true })
    const done = sandbox.completeRefundRequest(body.refund_requests[0].id)
    expect(done).toMatchObject({ status: "refunded", total: 1390, amount_refunded: 1390, refunds: [{ amount: 1390 }] })
  })

  it("rejects: no money moves, no event by default, and the amount can be asked for again", async () => {
    const payment = await paidCash()
    const { body } = await requestRefund(payment.id)
    const requestId = body.refund_requests[0].id
    const rejected = await sandbox.call("POST", `/_sandbox/refund_requests/${requestId}/reject`, {})
    expect(rejected.body).toMatchObject({ status: "captured", amount_refunded: 0, refunds: [], refund_requests: [{ id: requestId, status: "rejected" }] })
    expect(await typesSent()).toEqual([])
    expect((await sandbox.call("POST", `/_sandbox/refund_requests/${requestId}/reject`, {})).status).toBe(200)
    expect(await sandbox.call("POST", `/_sandbox/refund_requests/${requestId}/complete`, {})).toMatchObject({ status: 422, body: { error: { code: "unprocessable_entity" } } })
    expect((await requestRefund(payment.id)).status).toBe(200)
  })

  it("sends payment.updated for a rejection under refund_request_rejected_event payment.updated", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { refund_request_rejected_event: "payment.updated" })
    const payment = await paidCash()
    const { body } = await requestRefund(payment.id)
    sandbox.rejectRefundRequest(body.refund_requests[0].id)
    sandbox.rejectRefundRequest(body.refund_requests[0].id)
    expect(await typesSent()).toEqual(["payment.updated"])
    expect(receiver.events()[0].data.refund_requests[0].status).toBe("rejected")
  })

  it("cannot reject a completed request", async () => {
    const payment = await paidCash()
    const { body } = await requestRefund(payment.id, { ...BANK, amount: 100 })
    sandbox.completeRefundRequest(body.refund_requests[0].id)
    expect(await sandbox.call("POST", `/_sandbox/refund_requests/${body.refund_requests[0].id}/reject`, {})).toMatchObject({ status: 422 })
  })

  it("keeps a dashboard refund within what pending requests leave", async () => {
    const payment = await paidCash()
    await requestRefund(payment.id, { ...BANK, amount: 1000 })
    expect(await sandbox.call("POST", `/_sandbox/payments/${payment.id}/refund`, { amount: 300 })).toMatchObject({ status: 422, body: { error: { param: "amount" } } })
    expect((await sandbox.call("POST", `/_sandbox/payments/${payment.id}/refund`, {})).body).toMatchObject({ amount_refunded: 200, status: "captured" })
  })

  it("lists and shows requests with what the sandbox keeps beside KOMOJU's fields; 404 for an unknown one", async () => {
    const payment = await paidCash()
    const { body } = await requestRefund(payment.id, { ...BANK, amount: 100, account_type: "savings" })
    const id = body.refund_requests[0].id
    const shown = await sandbox.call("GET", `/_sandbox/refund_requests/${id}`)
    expect(shown.body).toEqual({ ...body.refund_requests[0], amount: 100, account_type: "savings", include_payment_method_fee: false, decided_at: null, refund: null })
    expect((await sandbox.call("GET", `/_sandbox/refund_requests?payment=${payment.id}&status=pending`)).body).toEqual([shown.body])
    expect((await sandbox.call("GET", "/_sandbox/refund_requests?status=completed")).body).toEqual([])
    expect(await sandbox.call("POST", "/_sandbox/refund_requests/nosuchrequest000000000000/complete", {})).toMatchObject({ status: 404, body: { error: { code: "not_found" } } })
  })

  it("forgets refund requests on reset", async () => {
    const payment = await paidCash()
    await requestRefund(payment.id)
    await sandbox.call("POST", "/_sandbox/reset", {})
    expect((await sandbox.call("GET", "/_sandbox/refund_requests")).body).toEqual([])
  })
})

describe("refund requests in the state file", () => {
  it("survive a restart and can be completed afterwards", async () => {
    const dir = mkdtempSync(join(tmpdir(), "komoju-sandbox-"))
    const file = join(dir, "state.json")
    try {
      const first = await sandboxFor({ stateFile: file })
      const payment = await first.paidPayment("konbini")
      await first.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
      const { body } = await first.call("POST", `/payments/${payment.id}/refund_request`, { ...BANK, amount: 800 })
      const requestId = body.refund_requests[0].id
      await first.close()
      const saved = JSON.parse(readFileSync(file, "utf8"))
      expect(saved.refund_requests[requestId]).toMatchObject({ amount: 800, status: "pending", payment: payment.id })
      expect(saved.payments[payment.id].refund_requests).toEqual(body.refund_requests)

      const second = await sandboxFor({ stateFile: file })
      try {
        expect((await second.call("GET", `/payments/${payment.id}`)).body.refund_requests).toEqual(body.refund_requests)
        expect(await second.call("POST", `/payments/${payment.id}/refund_request`, { ...BANK, amount: 401 })).toMatchObject({ status: 422 })
        const done = await second.call("POST", `/_sandbox/refund_requests/${requestId}/complete`, {})
        expect(done.body).toMatchObject({ amount_refunded: 800, refund_requests: [{ status: "completed" }] })
      } finally {
        await second.close()
      }
      const third = await sandboxFor({ stateFile: file })
      try {
        expect(third.refundRequest(requestId)).toMatchObject({ status: "completed" })
        expect((await third.call("POST", `/_sandbox/refund_requests/${requestId}/complete`, {})).body.refunds).toHaveLength(1)
      } finally {
        await third.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("reads a state file written before refund requests existed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "komoju-sandbox-"))
    const file = join(dir, "state.json")
    try {
      const first = await sandboxFor({ stateFile: file })
      const payment = await first.paidPayment("konbini")
      await first.close()
      const saved = JSON.parse(readFileSync(file, "utf8"))
      delete saved.refund_requests
      delete saved.payments[payment.id].refund_requests
      require("node:fs").writeFileSync(file, JSON.stringify(saved))
      const second = await sandboxFor({ stateFile: file })
      try {
        expect((await second.call("GET", `/payments/${payment.id}`)).body.refund_requests).toEqual([])
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe("refund_requests on every payment", () => {
  it("is an empty list on payments inside sessions, lists and webhooks", async () => {
    const payment = await sandbox.paidPayment("credit_card")
    expect((await sandbox.call("GET", `/sessions/${payment.session}`)).body.payment.refund_requests).toEqual([])
    expect((await sandbox.call("GET", "/payments")).body.data[0].refund_requests).toEqual([])
    await sandbox.webhooksIdle()
    expect(receiver.events().every((event) => Array.isArray(event.data.refund_requests) && event.data.refund_requests.length === 0)).toBe(true)
  })
})
