import { AdminCreateKomojuRefundRequest } from "../validators"

const body = {
  amount: 700,
  customer_name: "ヤマダ　タロウ",
  bank_name: "みずほ銀行",
  branch_number: "００１",
  account_type: "normal",
  account_number: "0123456",
  request_id: "8d3c1e4a-0000-4000-8000-000000000000",
}

describe("AdminCreateKomojuRefundRequest", () => {
  it("sends the name in half-width katakana and the digits in ASCII, the fee left out by default", () => {
    expect(AdminCreateKomojuRefundRequest.parse(body)).toEqual({
      ...body,
      customer_name: "ﾔﾏﾀﾞ ﾀﾛｳ",
      branch_number: "001",
      include_payment_method_fee: false,
    })
  })

  it.each([
    ["a name in kanji", { customer_name: "山田 太郎" }, /customer_name must be the account holder's name in katakana/],
    ["a 6-digit account", { account_number: "123456" }, /account_number must be 7 digits/],
    ["a 3-digit bank code", { bank_code: "001" }, /bank_code must be 4 digits/],
    ["an unknown account type", { account_type: "current" }, /account_type/],
    ["no request id", { request_id: undefined }, /request_id/],
    ["a description that looks like a Medusa refund", { description: "medusa:ref_1" }, /may not start with/],
    ["an unknown field", { branch: "x" }, /branch/],
  ])("refuses %s", (_, change, message) => {
    const result = AdminCreateKomojuRefundRequest.safeParse({ ...body, ...change })
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error!.issues)).toMatch(message)
  })
})
