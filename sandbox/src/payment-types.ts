import type { Locale } from "./constants"
import type { CurrencyCode } from "./currencies"
import { PAYMENT_TYPES, type CashTypeCode, type PaymentKind, type PaymentTypeCode } from "./payment-type-catalog"

export { ALL_PAYMENT_TYPES, DEFAULT_ENABLED_PAYMENT_TYPES, PAYMENT_TYPES, type CashTypeCode, type PaymentKind, type PaymentTypeCode, type PaymentTypeRule } from "./payment-type-catalog"

export function isPaymentType(type: string): type is PaymentTypeCode {
  return Object.prototype.hasOwnProperty.call(PAYMENT_TYPES, type)
}

export function kindOf(type: string): PaymentKind | undefined {
  return isPaymentType(type) ? PAYMENT_TYPES[type].kind : undefined
}

export function isCashType(type: string): type is CashTypeCode {
  return kindOf(type) === "cash"
}

/** Cash methods are refunded by hand through a refund request, never by the refund API. */
export function isRefundableByApi(type: string): boolean {
  return kindOf(type) !== "cash"
}

export function supportsCurrency(type: PaymentTypeCode, currency: CurrencyCode): boolean {
  return (PAYMENT_TYPES[type].currencies as readonly string[]).includes(currency)
}

/** As in KOMOJU's session object: konbini lists its chains with their logos. */
export const KONBINI_BRANDS = {
  "seven-eleven": "/images/konbini/seven-eleven.svg",
  lawson: "/images/konbini/lawson.svg",
  "family-mart": "/images/konbini/family-mart.svg",
  ministop: "/images/konbini/ministop.svg",
  "daily-yamazaki": "/images/konbini/daily-yamazaki.svg",
  seicomart: "/images/konbini/seicomart.svg",
} as const
export type KonbiniStore = keyof typeof KONBINI_BRANDS
export const DEFAULT_KONBINI_STORE: KonbiniStore = "seven-eleven"

export function isKonbiniStore(store: string): store is KonbiniStore {
  return Object.prototype.hasOwnProperty.call(KONBINI_BRANDS, store)
}

export const KONBINI_STORE_NAMES: Record<KonbiniStore, Record<Locale, string>> = {
  "seven-eleven": { ja: "セブン-イレブン", en: "7-Eleven", ko: "세븐일레븐" },
  lawson: { ja: "ローソン", en: "Lawson", ko: "로손" },
  "family-mart": { ja: "ファミリーマート", en: "FamilyMart", ko: "패밀리마트" },
  ministop: { ja: "ミニストップ", en: "Ministop", ko: "미니스톱" },
  "daily-yamazaki": { ja: "デイリーヤマザキ", en: "Daily Yamazaki", ko: "데일리 야마자키" },
  seicomart: { ja: "セイコーマート", en: "Seicomart", ko: "세이코마트" },
}
