import { settingsProblems } from "../settings-rules"

const regions = [
  { id: "reg_jp", name: "Japan", currency_code: "jpy" },
  { id: "reg_us", name: "United States", currency_code: "usd" },
]

describe("settingsProblems", () => {
  it("accepts cards everywhere and konbini for yen", () => {
    expect(
      settingsProblems(
        { payment_types: ["credit_card"], scopes: [{ scope_type: "currency", scope_id: "jpy", payment_types: ["credit_card", "konbini"] }] },
        regions
      )
    ).toEqual([])
  })

  it("refuses a payment type KOMOJU does not have", () => {
    expect(settingsProblems({ payment_types: ["credit_card", "bitcoin"] }, regions)).toEqual([
      "unknown payment types: bitcoin",
    ])
  })

  it("refuses the same region or currency given twice, naming it", () => {
    expect(
      settingsProblems(
        {
          scopes: [
            { scope_type: "currency", scope_id: "JPY", payment_types: ["konbini"] },
            { scope_type: "currency", scope_id: "jpy", payment_types: ["credit_card"] },
            { scope_type: "region", scope_id: "reg_us", payment_types: ["credit_card"] },
          ],
        },
        regions
      )
    ).toEqual(["settings given twice for currency jpy"])
  })

  it("refuses apple_pay, which KOMOJU offers inside the card flow, not as a type", () => {
    expect(settingsProblems({ payment_types: ["credit_card", "apple_pay"] }, regions)).toEqual(["unknown payment types: apple_pay"])
  })

  it("accepts any type in KOMOJU's list, beyond the picker's common ones", () => {
    expect(settingsProblems({ payment_types: ["credit_card", "bit_cash"] }, regions)).toEqual([])
  })

  it("refuses konbini for a dollar region", () => {
    expect(
      settingsProblems({ scopes: [{ scope_type: "region", scope_id: "reg_us", payment_types: ["konbini"] }] }, regions)
    ).toEqual(["konbini cannot be paid in USD (region United States)"])
  })

  it("refuses a store-wide list that leaves a region nothing to pay with", () => {
    expect(settingsProblems({ payment_types: ["konbini"] }, regions)).toEqual([
      "region United States (USD) would have no payment type: add one it supports, or a setting for that region",
    ])
  })

  it("accepts a store-wide yen-only list when the dollar region has its own", () => {
    expect(
      settingsProblems(
        { payment_types: ["konbini"], scopes: [{ scope_type: "region", scope_id: "reg_us", payment_types: ["credit_card"] }] },
        regions
      )
    ).toEqual([])
  })

  it("refuses a scope for a region that does not exist", () => {
    expect(
      settingsProblems({ scopes: [{ scope_type: "region", scope_id: "reg_x", payment_types: ["credit_card"] }] }, regions)
    ).toEqual(["region reg_x does not exist"])
  })
})
