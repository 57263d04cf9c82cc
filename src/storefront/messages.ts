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
  savePaymentMethod: "次回のために保存する",
  savePaymentMethodHint:
    "保存できるのはクレジットカードと PayPay です。保存する場合、KOMOJU のお支払いページにはこの2つだけが表示されます。",
  /** `{method}` is `describeSavedMethod`'s text. */
  payWithSavedMethod: "{method} で支払う",
  savedCard: "カード",
  paypay: "PayPay",
}

export type KomojuMessages = typeof ja

const en: KomojuMessages = {
  nameKanaInvalid: "Enter your name in katakana (full-width, up to 50 characters).",
  savePaymentMethod: "Save for next time",
  savePaymentMethodHint:
    "A credit card or PayPay can be saved: with this ticked, KOMOJU's payment page offers only those two.",
  payWithSavedMethod: "Pay with {method}",
  savedCard: "Card",
  paypay: "PayPay",
}

const ko: KomojuMessages = {
  nameKanaInvalid: "이름(가타카나)은 전각 가타카나 50자 이내로 입력해 주세요.",
  savePaymentMethod: "다음을 위해 저장",
  savePaymentMethodHint:
    "신용카드와 PayPay만 저장할 수 있습니다. 저장을 선택하면 KOMOJU 결제 페이지에는 이 두 가지만 표시됩니다.",
  payWithSavedMethod: "{method}(으)로 결제",
  savedCard: "카드",
  paypay: "PayPay",
}

export const komojuMessages: Record<KomojuLocale, KomojuMessages> = { ja, en, ko }
