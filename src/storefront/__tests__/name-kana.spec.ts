import {
  checkNameKana,
  isKatakanaName,
  KomojuNameKanaError,
  komojuMessages,
  NAME_KANA_METADATA_KEY,
  normalizeKatakanaName,
  withNameKana,
} from ".."

const address = { first_name: "太郎", last_name: "山田", country_code: "jp" }

describe("withNameKana", () => {
  it("sets metadata.name_kana, normalized, on the address Medusa's cart update takes", () => {
    expect(withNameKana(address, " やまだ　ﾀﾛｳ ")).toEqual({ ...address, metadata: { name_kana: "ヤマダ タロウ" } })
    expect(NAME_KANA_METADATA_KEY).toBe("name_kana")
  })

  it("keeps the address's other metadata and replaces an earlier name", () => {
    const saved = { ...address, metadata: { gift: true, name_kana: "スズキ" } }
    expect(withNameKana(saved, "ヤマダ").metadata).toEqual({ gift: true, name_kana: "ヤマダ" })
    expect(saved.metadata.name_kana).toBe("スズキ")
  })

  it("leaves name_kana out when the name is blank: the field is optional", () => {
    expect(withNameKana({ ...address, metadata: { gift: true, name_kana: "スズキ" } }, "  ")).toEqual({
      ...address,
      metadata: { gift: true },
    })
    expect(withNameKana(address, "")).toEqual({ ...address, metadata: {} })
  })

  it.each([
    ["ja", komojuMessages.ja.nameKanaInvalid],
    ["en-US", komojuMessages.en.nameKanaInvalid],
    ["ko-KR", komojuMessages.ko.nameKanaInvalid],
    [undefined, komojuMessages.ja.nameKanaInvalid],
  ])("refuses a name that is not katakana, saying so in %s", (locale, message) => {
    let thrown: unknown
    try {
      withNameKana(address, "山田 Taro", { locale })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(KomojuNameKanaError)
    expect(thrown).toMatchObject({ name: "KomojuNameKanaError", message, value: "山田 Taro" })
  })

  it("refuses a name longer than KOMOJU takes", () => {
    expect(() => withNameKana(address, "あ".repeat(51))).toThrow(KomojuNameKanaError)
  })
})

describe("checkNameKana", () => {
  it("gives the normalized name, for a field to show what will be sent", () => {
    expect(checkNameKana("ｽｽﾞｷ ｲﾁﾛｰ")).toEqual({ ok: true, nameKana: "スズキ イチロー" })
    expect(checkNameKana(" ")).toEqual({ ok: true, nameKana: "" })
  })

  it("says why not in the shopper's language", () => {
    expect(checkNameKana("Suzuki", { locale: "ko" })).toEqual({ ok: false, message: komojuMessages.ko.nameKanaInvalid })
  })
})

it("re-exports the katakana checks for storefronts", () => {
  expect(isKatakanaName(normalizeKatakanaName("やまだ"))).toBe(true)
})
