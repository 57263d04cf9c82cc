import { BigNumber, MedusaError } from "@medusajs/framework/utils"
import { decimalDigits, fromMinorUnits, komojuCurrency, toMinorUnits } from "../money"

describe("toMinorUnits", () => {
  it("sends yen as whole yen", () => {
    expect(toMinorUnits(1200, "JPY")).toBe(1200)
  })

  it("sends won and dong as whole units", () => {
    expect(toMinorUnits(50000, "krw")).toBe(50000)
    expect(toMinorUnits(250000, "VND")).toBe(250000)
  })

  it("sends dollars as cents without float drift", () => {
    expect(toMinorUnits(19.99, "USD")).toBe(1999)
    expect(toMinorUnits(0.29, "USD")).toBe(29)
    expect(toMinorUnits("1.005", "USD")).toBe(101)
  })

  it("accepts Medusa's raw BigNumber value as refunds pass it", () => {
    expect(toMinorUnits({ value: "12.34", precision: 20 }, "USD")).toBe(1234)
    expect(toMinorUnits(new BigNumber({ value: "700" }), "JPY")).toBe(700)
  })

  it("rounds a sub-yen remainder half up", () => {
    expect(toMinorUnits("1099.5", "JPY")).toBe(1100)
    expect(toMinorUnits("1099.4999", "JPY")).toBe(1099)
  })

  it.each([
    ["0.4 yen", 0.4, "JPY"],
    ["half a cent rounded down", "0.004", "USD"],
    ["zero", 0, "JPY"],
    ["a negative amount", -5, "USD"],
  ])("refuses %s, which would reach KOMOJU as nothing (a full refund)", (_what, amount, currency) => {
    expect(() => toMinorUnits(amount, currency)).toThrow(MedusaError)
    expect(() => toMinorUnits(amount, currency)).toThrow(/smallest unit/)
  })

  it.each([
    ["text", "abc"],
    ["infinity", Infinity],
    ["NaN", NaN],
    ["a missing amount", undefined],
    ["an object without a value", { precision: 20 }],
  ])("refuses %s as invalid data naming the field", (_what, amount) => {
    const attempt = () => toMinorUnits(amount as never, "JPY", "refund amount")
    expect(attempt).toThrow(MedusaError)
    expect(attempt).toThrow(/^refund amount must be a number of JPY/)
  })

  it("refuses an amount beyond what a JavaScript integer holds exactly", () => {
    expect(() => toMinorUnits("1e20", "USD")).toThrow(/out of range/)
  })
})

describe("komojuCurrency", () => {
  it("takes each of KOMOJU's twenty currencies in either case", () => {
    const all = "JPY USD EUR TWD KRW PLN GBP HKD SGD NZD AUD IDR MYR PHP THB CNY BRL CHF CAD VND".split(" ")
    expect(all.map((code) => komojuCurrency(code.toLowerCase()))).toEqual(all)
  })

  it("refuses a currency KOMOJU does not take, rather than guess its decimals", () => {
    expect(() => komojuCurrency("sek")).toThrow(/KOMOJU does not accept SEK/)
    expect(() => toMinorUnits(100, "BHD")).toThrow(/KOMOJU does not accept BHD/)
  })

  it("says which field is missing", () => {
    expect(() => komojuCurrency(undefined)).toThrow("currency_code is required to pay with KOMOJU")
    expect(() => komojuCurrency("  ", "currency")).toThrow("currency is required to pay with KOMOJU")
  })
})

describe("fromMinorUnits", () => {
  it("reads yen back as yen", () => {
    expect(fromMinorUnits(1200, "JPY").numeric).toBe(1200)
  })

  it("reads cents back as dollars exactly", () => {
    expect(fromMinorUnits(1999, "USD").numeric).toBe(19.99)
    expect(fromMinorUnits(1200, "usd").numeric).toBe(12)
  })

  it("reads won back as won", () => {
    expect(fromMinorUnits(50000, "KRW").numeric).toBe(50000)
  })

  it("round-trips every cent from 1 cent to 100 dollars", () => {
    for (let cents = 1; cents <= 10000; cents++) {
      expect(toMinorUnits(fromMinorUnits(cents, "USD"), "USD")).toBe(cents)
    }
  })
})

describe("decimalDigits", () => {
  it("knows KOMOJU's zero-decimal currencies and the two-decimal rest", () => {
    expect(["JPY", "KRW", "VND", "USD", "EUR", "TWD"].map(decimalDigits)).toEqual([0, 0, 0, 2, 2, 2])
  })
})

describe("toMinorUnits, exact", () => {
  it("refuses an amount finer than the currency's smallest unit instead of rounding it", () => {
    expect(() => toMinorUnits(500.5, "jpy", "amount", { exact: true })).toThrow("amount 500.5 JPY is finer than JPY's smallest unit")
    expect(() => toMinorUnits("19.995", "usd", "amount", { exact: true })).toThrow("finer than USD's smallest unit")
    expect(toMinorUnits(500, "jpy", "amount", { exact: true })).toBe(500)
    expect(toMinorUnits("19.99", "usd", "amount", { exact: true })).toBe(1999)
    // Without it, tax maths' fractions are rounded half up, as before.
    expect(toMinorUnits(500.5, "jpy")).toBe(501)
  })
})
