/**
 * Katakana names, as KOMOJU takes them: `payment_data.name_kana` (full-width, for
 * konbini and bank transfer) and a refund's bank account name (half-width). Pure and
 * dependency-free so the storefront helper and the admin UI can both import it.
 *
 * Only BMP code points and no regular expression `u` flag: the storefront helper is
 * also compiled for ES5 (Medusa's dtc-starter tsconfig).
 */

/**
 * Where the plugin reads the buyer's katakana name (KOMOJU's `payment_data.name_kana`,
 * for konbini and bank transfer): the cart's billing address `metadata.name_kana`, else
 * its shipping address's.
 */
export const NAME_KANA_METADATA_KEY = "name_kana"

/** KOMOJU's limit for `name_kana`. */
export const NAME_KANA_MAX_LENGTH = 50

// ァ (U+30A1) to ヺ (U+30FA), then ・ (U+30FB) and ー (U+30FC).
const KATAKANA_NAME = /^[\u30A1-\u30FC]+(?:[ \u3000]+[\u30A1-\u30FC]+)*$/

// A half-width letter (ｦ U+FF66 to ﾝ U+FF9D, small letters and ｰ included), optionally
// followed by its voiced or semi-voiced mark (ﾞ U+FF9E, ﾟ U+FF9F).
const HALF_WIDTH_NAME = /^(?:[\uFF66-\uFF9D][\uFF9E\uFF9F]?)+(?: +(?:[\uFF66-\uFF9D][\uFF9E\uFF9F]?)+)*$/

// U+FF61 to U+FF9F, in order, and what each is in full width.
const HALF_WIDTH = "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ"
const FULL_WIDTH = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜"

// Voiced (ﾞ) and semi-voiced (ﾟ) letters, and the letter each is written with.
const VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボヴヷヸヹヺ"
const VOICED_BASE = "カキクケコサシスセソタチツテトハヒフヘホウワヰヱヲ"
const SEMI_VOICED = "パピプペポ"
const SEMI_VOICED_BASE = "ハヒフヘホ"
const VOICED_MARK = "ﾞ"
const SEMI_VOICED_MARK = "ﾟ"

// Full-width letters half width has no form for, and the nearest letter it has.
const NO_HALF_WIDTH = "ヮヵヶヰヱ"
const NEAREST = "ワカケイエ"

/**
 * A name in full-width katakana (ァ–ヺ, ー, ・), its parts separated by spaces (ASCII
 * or ideographic), none before or after, at most 50 characters in all.
 */
export function isKatakanaName(value: string): boolean {
  return value.length <= NAME_KANA_MAX_LENGTH && KATAKANA_NAME.test(value)
}

/**
 * What a shopper typed, as `isKatakanaName` wants it: half-width katakana in full width
 * (ｶﾞ → ガ), hiragana as katakana, every run of spaces as one ASCII space, trimmed.
 * Anything else is left as it is, for `isKatakanaName` to refuse.
 */
export function normalizeKatakanaName(value: string): string {
  let out = ""
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i)
    const half = HALF_WIDTH.indexOf(char)
    if (half >= 0) {
      const full = FULL_WIDTH.charAt(half)
      const marked = withMark(full, value.charAt(i + 1))
      if (marked) i++
      out += marked ?? full
      continue
    }
    const code = char.charCodeAt(0)
    // ぁ (U+3041) to ゖ (U+3096) sit 0x60 below ァ to ヶ.
    out += code >= 0x3041 && code <= 0x3096 ? String.fromCharCode(code + 0x60) : char
  }
  return out.replace(/\s+/g, " ").trim()
}

/**
 * Full-width katakana in half width (ガ → ｶﾞ, ー → ｰ, ・ → ･, ideographic spaces as ASCII
 * ones, and the punctuation half width has: 。「」、゛゜), as KOMOJU wants a refund's
 * bank account name. ヮ, ヵ, ヶ, ヰ and ヱ, which half width lacks, become ﾜ, ｶ, ｹ, ｲ
 * and ｴ (ヸ and ヹ: ｲﾞ and ｴﾞ). Anything else is left as it is.
 */
export function toHalfWidthKatakana(value: string): string {
  let out = ""
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i)
    const voiced = VOICED.indexOf(char)
    const semiVoiced = SEMI_VOICED.indexOf(char)
    if (voiced >= 0) out += halfWidth(VOICED_BASE.charAt(voiced)) + VOICED_MARK
    else if (semiVoiced >= 0) out += halfWidth(SEMI_VOICED_BASE.charAt(semiVoiced)) + SEMI_VOICED_MARK
    else out += halfWidth(char)
  }
  return out
}

/**
 * A name in half-width katakana (ｦ–ﾝ, small letters and ｰ included, ﾞ and ﾟ after a
 * letter), its parts separated by ASCII spaces, none before or after.
 */
export function isHalfWidthKatakanaName(value: string): boolean {
  return HALF_WIDTH_NAME.test(value)
}

function withMark(full: string, next: string): string | undefined {
  if (next === VOICED_MARK) {
    const base = VOICED_BASE.indexOf(full)
    if (base >= 0) return VOICED.charAt(base)
  }
  if (next === SEMI_VOICED_MARK) {
    const base = SEMI_VOICED_BASE.indexOf(full)
    if (base >= 0) return SEMI_VOICED.charAt(base)
  }
  return undefined
}

function halfWidth(char: string): string {
  if (char === "\u3000") return " "
  const nearest = NO_HALF_WIDTH.indexOf(char)
  const index = FULL_WIDTH.indexOf(nearest >= 0 ? NEAREST.charAt(nearest) : char)
  return index >= 0 ? HALF_WIDTH.charAt(index) : char
}
