import { SESSION, sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

const manual = { payment_data: { capture: "manual" } }

/** The three state errors of KOMOJU's plugins, each produced once. */
async function stateErrors() {
  const captured = await sandbox.paidPayment()
  const held = await sandbox.paidPayment("credit_card", {}, manual)
  return [
    await sandbox.call("POST", `/payments/${captured.id}/capture`, {}),
    await sandbox.call("POST", `/payments/${held.id}/refund`, {}),
    await sandbox.call("POST", `/payments/${captured.id}/cancel`, {}),
    await sandbox.call("POST", `/sessions/${captured.session}/cancel`, {}),
  ].map((reply) => [reply.status, reply.body.error.code])
}

describe("state_error_codes", () => {
  it("answers KOMOJU's published 422 unprocessable_entity by default", async () => {
    expect(sandbox.config().state_error_codes).toBe("unprocessable_entity")
    expect(await stateErrors()).toEqual([
      [422, "unprocessable_entity"],
      [422, "unprocessable_entity"],
      [422, "unprocessable_entity"],
      [422, "unprocessable_entity"],
    ])
  })

  it("answers not_capturable, not_refundable and not_cancellable when set to detailed", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { state_error_codes: "detailed" })
    expect(await stateErrors()).toEqual([
      [422, "not_capturable"],
      [422, "not_refundable"],
      [422, "not_cancellable"],
      [422, "not_cancellable"],
    ])
  })

  it("refuses an API refund of a cash payment with the same code", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { state_error_codes: "detailed" })
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, {})).body.error.code).toBe("not_refundable")
  })

  it("keeps invalid_parameter for an amount over what remains", async () => {
    const payment = await sandbox.paidPayment()
    expect(await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 5000 })).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param: "amount" } } })
  })

  it("replays the policy's answer for an idempotent retry made after the policy changed", async () => {
    const payment = await sandbox.paidPayment()
    const headers = { "x-komoju-idempotency": "cancel-1" }
    const first = await sandbox.call("POST", `/payments/${payment.id}/cancel`, {}, headers)
    await sandbox.call("PATCH", "/_sandbox/config", { state_error_codes: "detailed" })
    expect(await sandbox.call("POST", `/payments/${payment.id}/cancel`, {}, headers)).toMatchObject({ status: 422, body: first.body })
  })
})

describe("parameter_error_status", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["a missing amount", { currency: "JPY", return_url: "https://s.example" }, "missing_parameter", "amount"],
    ["a malformed amount", { ...SESSION, amount: "lots" }, "invalid_parameter", "amount"],
    ["an unknown locale", { ...SESSION, default_locale: "fr" }, "invalid_parameter", "default_locale"],
  ]

  it.each(cases)("answers %s with 422 by default, as KOMOJU's error page documents", async (_case, body, code, param) => {
    expect(await sandbox.call("POST", "/sessions", body)).toMatchObject({ status: 422, body: { error: { code, param } } })
  })

  it.each(cases)("answers %s with 400 when set to 400", async (_case, body, code, param) => {
    await sandbox.call("PATCH", "/_sandbox/config", { parameter_error_status: 400 })
    expect(await sandbox.call("POST", "/sessions", body)).toMatchObject({ status: 400, body: { error: { code, param } } })
  })

  it("applies to malformed refund amounts and list filters too, but not to semantic refusals", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { parameter_error_status: 400 })
    const payment = await sandbox.paidPayment()
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: "abc" })).status).toBe(400)
    expect((await sandbox.call("GET", "/payments?per_page=0")).status).toBe(400)
    expect((await sandbox.call("POST", `/payments/${payment.id}/refund`, { amount: 5000 })).status).toBe(422)
    expect((await sandbox.call("POST", "/sessions", { ...SESSION, currency: "XYZ" })).status).toBe(422)
  })

  it.each([
    [{ parameter_error_status: 500 }, "parameter_error_status"],
    [{ state_error_codes: "loud" }, "state_error_codes"],
  ])("refuses %j", async (patch, param) => {
    expect(await sandbox.call("PATCH", "/_sandbox/config", patch)).toMatchObject({ status: 400, body: { error: { param } } })
  })
})
