import type { KomojuLocale } from "./types"

/** KOMOJU's languages, which the helper speaks too. */
export const KOMOJU_LOCALES: readonly KomojuLocale[] = ["ja", "en", "ko"]

/**
 * KOMOJU's language for a language tag: the storefront's locale, a cart's `locale`, or
 * `navigator.language` ("ko-KR" → "ko"). Any other language gets `fallback`: Japanese,
 * as the provider's `defaultLocale`.
 */
export function komojuLocale(tag: string | null | undefined, fallback: KomojuLocale = "ja"): KomojuLocale {
  const language = tag?.split(/[-_]/)[0].toLowerCase()
  return KOMOJU_LOCALES.find((locale) => locale === language) ?? fallback
}

// What the helper itself says to shoppers. Every language has the Japanese keys: one
// missing (or extra) does not compile.
const ja = {
  nameKanaInvalid: "氏名（カナ）は全角カタカナ50文字以内で入力してください。",
}

export type KomojuMessages = typeof ja

const en: KomojuMessages = {
  nameKanaInvalid: "Enter your name in katakana (full-width, up to 50 characters).",
}

const ko: KomojuMessages = {
  nameKanaInvalid: "이름(가타카나)은 전각 가타카나 50자 이내로 입력해 주세요.",
}

export const komojuMessages: Record<KomojuLocale, KomojuMessages> = { ja, en, ko }
