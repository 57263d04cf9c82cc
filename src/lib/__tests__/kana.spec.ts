import {
  NAME_KANA_MAX_LENGTH,
  isHalfWidthKatakanaName,
  isKatakanaName,
  normalizeKatakanaName,
  toHalfWidthKatakana,
} from "../kana"

// Every half-width form (U+FF61 to U+FF9F) and its full-width one, as Unicode's
// compatibility mappings have them (NFKC), the two marks taken alone aside.
const HALF_WIDTH_CODES = Array.from({ length: 0xff9d - 0xff61 + 1 }, (_, i) => 0xff61 + i)

describe("isKatakanaName", () => {
  it.each(["ヤマダ タロウ", "ヤマダ　タロウ", "ヤマダタロウ", "スズキ・イチロー", "ヴァイオレット", "ァヺ", "ヤマダ  タロウ"])(
    "takes %p",
    (name) => expect(isKatakanaName(name)).toBe(true)
  )

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["a leading space", " ヤマダ"],
    ["a trailing ideographic space", "ヤマダ\u3000"],
    ["hiragana", "やまだ たろう"],
    ["half-width katakana", "ﾔﾏﾀﾞ ﾀﾛｳ"],
    ["kanji", "山田 タロウ"],
    ["Latin letters", "YAMADA タロウ"],
    ["full-width Latin letters", "ＹＡＭＡＤＡ"],
    ["digits", "ヤマダ2"],
    ["a tab", "ヤマダ\tタロウ"],
    ["a katakana-hiragana double hyphen (U+30A0)", "ヤマダ゠タロウ"],
    ["the iteration mark ヽ (U+30FD)", "ヤヽ"],
    ["a combining voiced mark", "カ\u3099"],
    ["a half-width voiced mark", "カﾞ"],
  ])("refuses %s", (_, name) => expect(isKatakanaName(name)).toBe(false))

  it(`takes at most ${NAME_KANA_MAX_LENGTH} characters, spaces included`, () => {
    expect(isKatakanaName("ア".repeat(50))).toBe(true)
    expect(isKatakanaName("ア".repeat(51))).toBe(false)
    expect(isKatakanaName(`${"ア".repeat(25)} ${"イ".repeat(24)}`)).toBe(true)
    expect(isKatakanaName(`${"ア".repeat(25)} ${"イ".repeat(25)}`)).toBe(false)
  })
})

describe("normalizeKatakanaName", () => {
  it.each([
    ["hiragana", "やまだ たろう", "ヤマダ タロウ"],
    ["half-width katakana", "ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"],
    ["half-width semi-voiced letters", "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ"],
    ["half-width ｳﾞ, ﾜﾞ and ｦﾞ", "ｳﾞﾜﾞｦﾞ", "ヴヷヺ"],
    ["half-width small letters, ｰ and ･", "ｼｮｰﾝ･ｯ", "ショーン・ッ"],
    ["hiragana ゔ, ゕ and ゖ", "ゔゕゖ", "ヴヵヶ"],
    ["mixed scripts", "やﾏダ", "ヤマダ"],
    ["an ideographic space", "ヤマダ\u3000タロウ", "ヤマダ タロウ"],
    ["a run of spaces", "ヤマダ \u3000  タロウ", "ヤマダ タロウ"],
    ["spaces around", " \u3000ヤマダ タロウ\u3000 ", "ヤマダ タロウ"],
    ["full-width katakana already", "スズキ・イチロー", "スズキ・イチロー"],
  ])("converts %s", (_, input, expected) => {
    expect(normalizeKatakanaName(input)).toBe(expected)
    expect(isKatakanaName(normalizeKatakanaName(input))).toBe(true)
  })

  it("gives every half-width letter its full-width form", () => {
    for (const code of HALF_WIDTH_CODES) {
      const half = String.fromCharCode(code)
      expect(normalizeKatakanaName(half)).toBe(half.normalize("NFKC"))
    }
  })

  it("gives every voiced and semi-voiced half-width pair the single full-width letter", () => {
    for (const code of HALF_WIDTH_CODES) {
      for (const mark of ["ﾞ", "ﾟ"]) {
        const pair = String.fromCharCode(code) + mark
        const composed = pair.normalize("NFKC")
        // Only pairs that compose into one letter (ｶﾞ → ガ); ｱﾞ stays two characters.
        if (composed.length === 1) expect(normalizeKatakanaName(pair)).toBe(composed)
      }
    }
  })

  it("keeps a mark that belongs to no letter, for isKatakanaName to refuse", () => {
    expect(normalizeKatakanaName("ｱﾞ")).toBe("ア゛")
    expect(normalizeKatakanaName("ﾟﾀ")).toBe("゜タ")
    expect(isKatakanaName(normalizeKatakanaName("ｱﾞ"))).toBe(false)
  })

  it("leaves kanji, Latin letters and digits as they are", () => {
    expect(normalizeKatakanaName(" 山田 Taro 2 ")).toBe("山田 Taro 2")
  })

  it("gives an empty string for blank input", () => {
    expect(normalizeKatakanaName(" \u3000 ")).toBe("")
  })
})

describe("toHalfWidthKatakana", () => {
  it.each([
    ["voiced letters", "ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"],
    ["semi-voiced letters", "パピプペポ", "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ"],
    ["ヴ, ヷ and ヺ", "ヴヷヺ", "ｳﾞﾜﾞｦﾞ"],
    ["ー and ・", "スズキ・イチロー", "ｽｽﾞｷ･ｲﾁﾛｰ"],
    ["small letters", "ァィゥェォャュョッ", "ｧｨｩｪｫｬｭｮｯ"],
    ["letters half width lacks", "ヮヵヶヰヱヸヹ", "ﾜｶｹｲｴｲﾞｴﾞ"],
    ["an ideographic space", "ヤマダ\u3000タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"],
    ["anything else, unchanged", "山田 Taro 2", "山田 Taro 2"],
  ])("converts %s", (_, input, expected) => expect(toHalfWidthKatakana(input)).toBe(expected))

  it("undoes normalizeKatakanaName on every half-width letter and pair", () => {
    for (const code of HALF_WIDTH_CODES) {
      const half = String.fromCharCode(code)
      expect(toHalfWidthKatakana(normalizeKatakanaName(half))).toBe(half)
      for (const mark of ["ﾞ", "ﾟ"]) {
        expect(toHalfWidthKatakana(normalizeKatakanaName(half + mark))).toBe(half + mark)
      }
    }
  })

  it("turns every katakana name into a half-width one", () => {
    const everyLetter = Array.from({ length: 0x30fc - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i))
      .filter((char) => char !== "・")
      .join("")
    expect(isKatakanaName(everyLetter.slice(0, 50))).toBe(true)
    expect(isHalfWidthKatakanaName(toHalfWidthKatakana(everyLetter))).toBe(true)
    expect(isHalfWidthKatakanaName(toHalfWidthKatakana("ヤマダ　タロウ"))).toBe(true)
  })
})

describe("isHalfWidthKatakanaName", () => {
  it.each(["ﾔﾏﾀﾞ ﾀﾛｳ", "ｲﾁﾛｰ", "ﾊﾟｰｸ", "ｼｮｳ", "ｦ", "ﾔﾏﾀﾞ  ﾀﾛｳ"])("takes %p", (name) =>
    expect(isHalfWidthKatakanaName(name)).toBe(true)
  )

  it.each([
    ["empty", ""],
    ["a leading space", " ﾔﾏﾀﾞ"],
    ["a trailing space", "ﾔﾏﾀﾞ "],
    ["an ideographic space", "ﾔﾏﾀﾞ\u3000ﾀﾛｳ"],
    ["full-width katakana", "ヤマダ"],
    ["a mark with no letter before it", "ﾞｱ"],
    ["a mark after a space", "ﾔﾏ ﾞ"],
    ["two marks in a row", "ｶﾞﾞ"],
    ["half-width punctuation (｡｢｣､･)", "ｽｽﾞｷ･ｲﾁﾛｰ"],
    ["Latin letters", "YAMADA"],
  ])("refuses %s", (_, name) => expect(isHalfWidthKatakanaName(name)).toBe(false))
})
