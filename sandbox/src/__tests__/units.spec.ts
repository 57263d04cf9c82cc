import { parseBracketForm, parseParams } from "../body"
import { isLuhnValid, validateCard } from "../card"
import { parseCliArgs } from "../cli-args"
import { endOfJapanDayAfter, komojuTime } from "../clock"
import { CURRENCIES, isCurrency, minorUnitsPerMajor } from "../currencies"
import { formatAmount } from "../hosted-page/format"
import { PAYMENT_TYPES, supportsCurrency } from "../payment-types"
import { returnUrlFor } from "../sessions"

describe("form bodies", () => {
  it("reads bracket keys into nested objects and lists, as Rails does", () => {
    const params = parseBracketForm(new URLSearchParams("a=1&metadata[x]=2&payment_data[billing_address][city]=Tokyo&payment_types[]=konbini&payment_types[]=paypay"))
    expect(params).toEqual({ a: "1", metadata: { x: "2" }, payment_data: { billing_address: { city: "Tokyo" } }, payment_types: ["konbini", "paypay"] })
  })

  it("reads a list of objects, a repeated key starting the next element", () => {
    expect(parseBracketForm(new URLSearchParams("line_items[][name]=tea&line_items[][qty]=2&line_items[][name]=cup"))).toEqual({
      line_items: [{ name: "tea", qty: "2" }, { name: "cup" }],
    })
  })

  it("reads a JSON body sent without a content type", () => {
    expect(parseParams('{"amount": 5}', undefined)).toEqual({ amount: 5 })
  })
})

describe("return URL", () => {
  it.each([
    ["https://example.com", "https://example.com?session_id=s1"],
    ["https://example.com/done", "https://example.com/done?session_id=s1"],
    ["https://example.com/done?cart=1", "https://example.com/done?cart=1&session_id=s1"],
    ["https://example.com/done?", "https://example.com/done?session_id=s1"],
    ["https://example.com/done#top", "https://example.com/done?session_id=s1#top"],
  ])("appends session_id to %s as given", (returnUrl, expected) => {
    expect(returnUrlFor({ id: "s1", return_url: returnUrl })).toBe(expected)
  })
})

describe("cards", () => {
  it("checks numbers with Luhn: KOMOJU's test numbers pass, a typo fails", () => {
    expect(["4111111111111111", "4123111111111000", "4100000000000100"].map(isLuhnValid)).toEqual([true, true, true])
    expect(isLuhnValid("4111111111111112")).toBe(false)
  })

  it("refuses an expiry in the past and a short CVC, naming the field", () => {
    const now = new Date("2026-05-10T00:00:00Z")
    expect(validateCard({ number: "4111 1111 1111 1111", expiry: "04/26", cvc: "123" }, now)).toEqual({ invalid: "expiry" })
    expect(validateCard({ number: "4111111111111111", expiry: "05/26", cvc: "12" }, now)).toEqual({ invalid: "cvc" })
    expect(validateCard({ number: "4111111111111111", expiry: "05/26", cvc: "123" }, now)).toEqual({ card: { number: "4111111111111111", month: 5, year: 2026 } })
  })
})

describe("time", () => {
  it("writes times as KOMOJU does: Japan time with milliseconds", () => {
    expect(komojuTime(new Date("2020-12-09T09:26:59Z"))).toBe("2020-12-09T18:26:59.000+09:00")
  })

  it("puts a deadline at 23:59:59 JST of the day, as in KOMOJU's konbini event", () => {
    // The fixture's payment: created 2023-02-17T11:57:01Z, deadline 2023-02-19T14:59:59Z.
    expect(endOfJapanDayAfter(new Date("2023-02-17T11:57:01Z"), 2).toISOString()).toBe("2023-02-19T14:59:59.000Z")
    // 23:30 JST is still the same Japanese day.
    expect(endOfJapanDayAfter(new Date("2023-02-17T14:30:00Z"), 0).toISOString()).toBe("2023-02-17T14:59:59.000Z")
  })
})

describe("money", () => {
  it("treats JPY, KRW and VND as zero-decimal and the rest as ×100", () => {
    const zero = Object.keys(CURRENCIES).filter((c) => isCurrency(c) && minorUnitsPerMajor(c) === 1)
    expect(zero.sort()).toEqual(["JPY", "KRW", "VND"])
  })

  it("formats amounts for the page per currency and language", () => {
    expect(formatAmount(8888, "JPY", "ja")).toBe("￥8,888")
    expect(formatAmount(1234, "USD", "en")).toBe("$12.34")
  })

  it("offers Japanese cash and wallet methods in JPY only", () => {
    for (const type of ["konbini", "bank_transfer", "pay_easy", "paypay", "rakutenpay", "merpay", "aupay", "paidy"] as const) {
      expect(PAYMENT_TYPES[type].currencies).toEqual(["JPY"])
    }
    expect(supportsCurrency("credit_card", "USD")).toBe(true)
  })
})

describe("command line", () => {
  it("reads flags, with flags winning over environment variables", () => {
    const options = parseCliArgs(["--port", "4011", "--webhook-url=http://localhost:9000/hooks", "--seed", "7", "--no-ping"], {
      KOMOJU_SANDBOX_PORT: "5000",
      KOMOJU_SANDBOX_WEBHOOK_SECRET: "whsec_env",
    })
    expect(options).toMatchObject({ port: 4011, webhookUrl: "http://localhost:9000/hooks", webhookSecret: "whsec_env", seed: 7, pingOnStart: false })
  })

  it("refuses an unknown flag and a flag without its value", () => {
    expect(() => parseCliArgs(["--prot", "1"])).toThrow(/unknown option --prot/)
    expect(() => parseCliArgs(["--port"])).toThrow(/needs a value/)
  })
})
