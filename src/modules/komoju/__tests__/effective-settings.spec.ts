import { effectiveSettings, type KomojuSettingRow } from "../effective-settings"

const row = (overrides: Partial<KomojuSettingRow>): KomojuSettingRow => ({
  scope_type: "global",
  scope_id: "",
  payment_types: null,
  default_locale: null,
  capture_mode: null,
  session_expires_in_seconds: null,
  ...overrides,
})

const rows = [
  row({ payment_types: ["credit_card", "paypay"], default_locale: "en", capture_mode: "manual", session_expires_in_seconds: 3600 }),
  row({ scope_type: "currency", scope_id: "jpy", payment_types: ["credit_card", "konbini"] }),
  row({ scope_type: "region", scope_id: "reg_jp", payment_types: ["konbini"] }),
]

describe("effectiveSettings", () => {
  it("gives nothing when the admin chose nothing, so provider options apply", () => {
    expect(effectiveSettings([], { regionId: "reg_jp", currencyCode: "jpy" })).toEqual({})
  })

  it("takes store-wide choices from the global row", () => {
    expect(effectiveSettings(rows, { currencyCode: "usd" })).toEqual({
      payment_types: ["credit_card", "paypay"],
      default_locale: "en",
      capture_mode: "manual",
      session_expires_in_seconds: 3600,
    })
  })

  it("prefers the currency's payment types over the global ones", () => {
    expect(effectiveSettings(rows, { currencyCode: "JPY" }).payment_types).toEqual(["credit_card", "konbini"])
  })

  it("prefers the region's payment types over the currency's", () => {
    expect(effectiveSettings(rows, { regionId: "reg_jp", currencyCode: "jpy" }).payment_types).toEqual(["konbini"])
  })
})
