import { webcrypto } from "node:crypto"
import { bodyFromDraft, draftProblems, emptyDraft, namePreview, newRequestId } from "../refund-request-form"

const filled = {
  ...emptyDraft(1700),
  customer_name: "やまだ たろう",
  bank_name: " みずほ銀行 ",
  branch_number: "００１",
  account_number: "0123456",
}

describe("the refund request form", () => {
  it("starts with what is left to refund", () => {
    expect(emptyDraft(1700).amount).toBe("1700")
    expect(emptyDraft(0).amount).toBe("")
  })

  it("checks the account with the route's rules, and the amount against what is left", () => {
    expect(draftProblems(filled, 1700, 0)).toEqual({})
    expect(draftProblems({ ...filled, amount: "1800", customer_name: "Yamada", account_number: "123456" }, 1700, 0)).toEqual({
      amount: "amount",
      customer_name: "not_katakana",
      account_number: "digits",
    })
  })

  it("refuses amounts finer than the currency's smallest unit, which the route would round", () => {
    expect(draftProblems({ ...filled, amount: "500.5" }, 1700, 0)).toEqual({ amount: "precision" })
    expect(draftProblems({ ...filled, amount: "500.0" }, 1700, 0)).toEqual({})
    expect(draftProblems({ ...filled, amount: "19.99" }, 20, 2)).toEqual({})
    expect(draftProblems({ ...filled, amount: "19.999" }, 20, 2)).toEqual({ amount: "precision" })
    expect(draftProblems({ ...filled, amount: "0" }, 1700, 0)).toEqual({ amount: "amount" })
    expect(draftProblems({ ...filled, amount: "-5" }, 1700, 0)).toEqual({ amount: "amount" })
    expect(draftProblems({ ...filled, amount: "1e3" }, 1700, 0)).toEqual({ amount: "amount" })
  })

  it("previews the half-width name the route will send", () => {
    expect(namePreview(filled)).toBe("ﾔﾏﾀﾞ ﾀﾛｳ")
    expect(namePreview({ ...filled, customer_name: "山田" })).toBe("")
  })

  it("sends digits as ASCII and leaves out what is empty", () => {
    expect(bodyFromDraft(filled, "8d3c1e4a-0000-4000-8000-000000000000")).toEqual({
      amount: 1700,
      customer_name: "やまだ たろう",
      bank_name: "みずほ銀行",
      branch_number: "001",
      account_type: "normal",
      account_number: "0123456",
      include_payment_method_fee: false,
      request_id: "8d3c1e4a-0000-4000-8000-000000000000",
    })
  })

  it("makes submission ids the route takes, also where the browser has no crypto.randomUUID (plain HTTP)", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    expect(newRequestId(webcrypto as unknown as Crypto)).toMatch(uuid)
    const insecure = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => webcrypto.getRandomValues(array as never) as T }
    const ids = Array.from({ length: 50 }, () => newRequestId(insecure))
    for (const id of ids) expect(id).toMatch(uuid)
    expect(new Set(ids).size).toBe(50)
  })
})
