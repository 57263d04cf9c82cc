import { sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

const JST_DAY_END = /T23:59:59\.000\+09:00$/

/** Whole Japanese days from the payment's creation day to its deadline's day. */
function jstDays(payment: { created_at: string; payment_deadline: string }): number {
  const day = (time: string) => Math.floor((Date.parse(time) + 9 * 3600_000) / 86_400_000)
  return day(payment.payment_deadline) - day(payment.created_at)
}

it.each([
  ["konbini", 3],
  ["bank_transfer", 14],
  ["pay_easy", 3],
])("gives %s its default of %i days, ending 23:59:59 JST", async (type, days) => {
  const payment = await sandbox.paidPayment(type)
  expect(payment.payment_deadline).toMatch(JST_DAY_END)
  expect(jstDays(payment)).toBe(days)
})

it.each([
  ["konbini", 1],
  ["konbini", 59],
  ["bank_transfer", 59],
  ["pay_easy", 10],
])("follows expiry_days.%s = %i", async (type, days) => {
  await sandbox.call("PATCH", "/_sandbox/config", { expiry_days: { [type]: days } })
  const payment = await sandbox.paidPayment(type)
  expect(jstDays(payment)).toBe(days)
  expect(payment.payment_deadline).toMatch(JST_DAY_END)
})

it("shows the bank transfer's deadline in its payment_details too", async () => {
  const payment = await sandbox.paidPayment("bank_transfer")
  expect(payment.payment_details.payment_deadline).toBe(payment.payment_deadline)
})

it("keeps the other methods' days when one is changed", async () => {
  const { body } = await sandbox.call("PATCH", "/_sandbox/config", { expiry_days: { konbini: 7 } })
  expect(body.expiry_days).toEqual({ konbini: 7, bank_transfer: 14, pay_easy: 3 })
})

it.each([
  ["konbini", 0],
  ["konbini", 60],
  ["bank_transfer", 13],
  ["bank_transfer", 60],
  ["pay_easy", 1.5],
])("refuses expiry_days.%s = %s, outside KOMOJU's range", async (type, days) => {
  expect(await sandbox.call("PATCH", "/_sandbox/config", { expiry_days: { [type]: days } })).toMatchObject({
    status: 400,
    body: { error: { code: "invalid_parameter", param: `expiry_days.${type}` } },
  })
})

it("expires a konbini payment after its configured last day", async () => {
  await sandbox.call("PATCH", "/_sandbox/config", { expiry_days: { konbini: 1 } })
  const payment = await sandbox.paidPayment("konbini")
  const { body } = await sandbox.call("POST", "/_sandbox/clock/advance", { days: 2, seconds: 1 })
  expect(body.expired_payments).toEqual([payment.id])
})
