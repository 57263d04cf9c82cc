import { BigNumber } from "@medusajs/framework/utils"
import { decimalDigits, fromMinorUnits, toMinorUnits } from "../money"

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

  it("round-trips every cent from 0 to 100 dollars", () => {
    for (let cents = 0; cents <= 10000; cents++) {
      expect(toMinorUnits(fromMinorUnits(cents, "USD"), "USD")).toBe(cents)
    }
  })
})

describe("decimalDigits", () => {
  it("knows KOMOJU's zero-decimal currencies and treats the rest as two-decimal", () => {
    expect(["JPY", "KRW", "VND", "USD", "EUR", "TWD"].map(decimalDigits)).toEqual([0, 0, 0, 2, 2, 2])
  })
})
