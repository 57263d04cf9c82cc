import { KOMOJU_LOCALES, komojuLocale, komojuMessages } from ".."
import { messages as demoMessages, LOCALES as DEMO_LOCALES } from "../../../examples/storefront/src/i18n/messages"
import {
  komojuLanguage,
  komojuMessages as dtcStarterMessages,
  KOMOJU_DEFAULT_LANGUAGE,
} from "../../../examples/dtc-starter/src/lib/komoju/messages"

// The types already make a missing key a compile error; these catch an empty message
// and a language left out of the tables.

/** Every leaf of a message table, as "a.b.c" → text. */
function leaves(table: object, prefix = ""): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(table).flatMap(([key, value]) =>
      value && typeof value === "object" ? Object.entries(leaves(value, `${prefix}${key}.`)) : [[`${prefix}${key}`, value]]
    )
  )
}

const HANGUL = /[\uAC00-\uD7A3]/

describe.each([
  ["the storefront helper", komojuMessages as Record<string, object>],
  ["the dtc-starter drop-ins", dtcStarterMessages as Record<string, object>],
  ["the demo storefront", demoMessages as Record<string, object>],
])("%s's messages", (_, tables) => {
  it("are in Japanese, English and Korean", () => {
    expect(Object.keys(tables).sort()).toEqual(["en", "ja", "ko"])
  })

  it.each(["en", "ko"])("have every Japanese key in %s, each a non-empty text", (locale) => {
    const japanese = leaves(tables.ja)
    const other = leaves(tables[locale])
    expect(Object.keys(other).sort()).toEqual(Object.keys(japanese).sort())
    for (const [key, text] of Object.entries(other)) {
      expect([key, typeof text === "string" && text.trim().length > 0]).toEqual([key, true])
    }
  })

  it("are written in Korean for ko, names of brands aside", () => {
    const english = leaves(tables.en)
    const untranslated = Object.entries(leaves(tables.ko)).filter(
      ([key, text]) => !HANGUL.test(String(text)) && text !== english[key]
    )
    expect(untranslated).toEqual([])
    const sameAsEnglish = Object.entries(leaves(tables.ko)).filter(([key, text]) => text === english[key])
    for (const [key, text] of sameAsEnglish) expect([key, text]).toEqual([key, expect.stringMatching(/^(PayPay|KOMOJU)$/)])
  })
})

describe("komojuLocale", () => {
  it.each([
    ["ko", "ko"],
    ["ko-KR", "ko"],
    ["KO_kr", "ko"],
    ["ja-JP", "ja"],
    ["en-US", "en"],
    ["en", "en"],
  ])("gives %s as %s", (tag, locale) => expect(komojuLocale(tag)).toBe(locale))

  it("falls back to Japanese, the provider's default, or to what the storefront says", () => {
    expect(komojuLocale("fr-FR")).toBe("ja")
    expect(komojuLocale(undefined)).toBe("ja")
    expect(komojuLocale("")).toBe("ja")
    expect(komojuLocale("zh-Hant-TW", "en")).toBe("en")
  })

  it("knows KOMOJU's three languages, the demo storefront's too", () => {
    expect(KOMOJU_LOCALES).toEqual(["ja", "en", "ko"])
    expect(DEMO_LOCALES).toEqual(["ja", "en", "ko"])
  })
})

describe("the dtc-starter drop-ins' language", () => {
  it("is Korean for the starter's ko and ko-KR locales", () => {
    expect(komojuLanguage("ko")).toBe("ko")
    expect(komojuLanguage("ko-KR")).toBe("ko")
    expect(komojuLanguage("ja-JP")).toBe("ja")
    expect(komojuLanguage("de-DE")).toBe(KOMOJU_DEFAULT_LANGUAGE)
    expect(komojuLanguage(null)).toBe(KOMOJU_DEFAULT_LANGUAGE)
  })
})
