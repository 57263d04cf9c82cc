import { accountHolderName, accountLastDigits, isDigits, normalizeDigits, refundRequestProblems } from "../refund-request-rules"

const account = {
  customer_name: "ヤマダ タロウ",
  bank_name: "みずほ銀行",
  branch_number: "001",
  account_number: "0123456",
}

describe("accountHolderName", () => {
  it.each([
    ["full-width katakana", "ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"],
    ["hiragana", "やまだ　たろう", "ﾔﾏﾀﾞ ﾀﾛｳ"],
    ["half-width katakana", "ﾔﾏﾀﾞ ﾀﾛｳ", "ﾔﾏﾀﾞ ﾀﾛｳ"],
    ["semi-voiced letters and ー", "パーカー", "ﾊﾟｰｶｰ"],
    ["spaces around and between", "  スズキ   イチロー ", "ｽｽﾞｷ ｲﾁﾛｰ"],
  ])("converts %s to half width", (_, input, expected) => {
    expect(accountHolderName(input)).toBe(expected)
  })

  it.each([
    ["kanji", "山田 太郎"],
    ["Latin letters", "Taro Yamada"],
    ["empty", "  "],
    ["・, which a half-width name cannot carry", "スズキ・イチロー"],
  ])("refuses %s", (_, input) => expect(accountHolderName(input)).toBeUndefined())
})

describe("digits", () => {
  it("takes full-width digits and spaces around", () => {
    expect(normalizeDigits(" ０１２３４５６ ")).toBe("0123456")
  })

  it.each([
    ["account_number", "0123456", true],
    ["account_number", "123456", false],
    ["account_number", "12345678", false],
    ["branch_number", "001", true],
    ["branch_number", "01", false],
    ["bank_code", "0001", true],
    ["bank_code", "000a", false],
  ] as const)("%s %p is %p", (field, value, ok) => expect(isDigits(value, field)).toBe(ok))

  it("keeps the last three digits of an account", () => {
    expect(accountLastDigits("0123456")).toBe("456")
  })
})

describe("refundRequestProblems", () => {
  it("finds nothing wrong with a complete account", () => {
    expect(refundRequestProblems(account)).toEqual({})
    expect(refundRequestProblems({ ...account, bank_code: "0001", branch_name: "本店" })).toEqual({})
  })

  it("names each field that is wrong, and why", () => {
    expect(
      refundRequestProblems({ customer_name: "山田", bank_name: " ", bank_code: "01", branch_number: "", account_number: "123456" })
    ).toEqual({ customer_name: "not_katakana", bank_name: "required", bank_code: "digits", branch_number: "required", account_number: "digits" })
  })

  it("takes no bank code as none", () => {
    expect(refundRequestProblems({ ...account, bank_code: "" })).toEqual({})
  })
})
