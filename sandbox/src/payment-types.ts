import type { CurrencyCode } from "./currencies"
import type { Locale } from "./constants"

/**
 * How a method behaves: a card is authorized (and captured) at once; cash methods
 * issue a receipt and wait days for the customer ("authorized" = waiting); wallets are
 * confirmed in an app and captured.
 */
export type PaymentKind = "card" | "cash" | "wallet"

export type PaymentTypeRule = {
  kind: PaymentKind
  currencies: readonly CurrencyCode[]
  names: Readonly<Record<Locale, string>>
  /** Days a cash payment waits for the customer (the deadline is the end of that day, JST). */
  deadlineDays?: number
  /** Cash methods are refunded by hand through a refund request, never by the refund API. */
  refundableByApi: boolean
}

const CARD_CURRENCIES = ["JPY", "USD", "EUR", "GBP", "AUD", "CAD", "NZD", "CHF", "HKD", "SGD", "TWD", "KRW", "CNY", "THB"] as const
const JPY_ONLY = ["JPY"] as const

const same = (name: string) => ({ ja: name, en: name, ko: name })

/**
 * An approximation of KOMOJU's catalogue: which currencies each method takes is decided
 * per merchant account in reality; these are the common cases.
 */
export const PAYMENT_TYPES = {
  credit_card: { kind: "card", currencies: CARD_CURRENCIES, refundableByApi: true, names: { ja: "クレジットカード", en: "Credit card", ko: "신용카드" } },
  konbini: { kind: "cash", currencies: JPY_ONLY, deadlineDays: 3, refundableByApi: false, names: { ja: "コンビニ払い", en: "Konbini", ko: "편의점 결제" } },
  bank_transfer: { kind: "cash", currencies: JPY_ONLY, deadlineDays: 14, refundableByApi: false, names: { ja: "銀行振込", en: "Bank transfer", ko: "은행 송금" } },
  pay_easy: { kind: "cash", currencies: JPY_ONLY, deadlineDays: 3, refundableByApi: false, names: { ja: "ペイジー", en: "Pay-easy", ko: "Pay-easy" } },
  paypay: { kind: "wallet", currencies: JPY_ONLY, refundableByApi: true, names: same("PayPay") },
  rakutenpay: { kind: "wallet", currencies: JPY_ONLY, refundableByApi: true, names: { ja: "楽天ペイ", en: "Rakuten Pay", ko: "Rakuten Pay" } },
  merpay: { kind: "wallet", currencies: JPY_ONLY, refundableByApi: true, names: { ja: "メルペイ", en: "Merpay", ko: "Merpay" } },
  aupay: { kind: "wallet", currencies: JPY_ONLY, refundableByApi: true, names: same("au PAY") },
  paidy: { kind: "wallet", currencies: JPY_ONLY, refundableByApi: true, names: { ja: "ペイディ", en: "Paidy", ko: "Paidy" } },
  apple_pay: { kind: "wallet", currencies: CARD_CURRENCIES, refundableByApi: true, names: same("Apple Pay") },
  unionpay: { kind: "wallet", currencies: ["JPY", "CNY", "USD"], refundableByApi: true, names: { ja: "銀聯", en: "UnionPay", ko: "UnionPay" } },
  alipay: { kind: "wallet", currencies: ["JPY", "USD", "CNY", "HKD"], refundableByApi: true, names: same("Alipay") },
  wechatpay: { kind: "wallet", currencies: ["JPY", "CNY"], refundableByApi: true, names: same("WeChat Pay") },
  ideal: { kind: "wallet", currencies: ["EUR"], refundableByApi: true, names: same("iDEAL") },
  bancontact: { kind: "wallet", currencies: ["EUR"], refundableByApi: true, names: same("Bancontact") },
  blik: { kind: "wallet", currencies: ["PLN"], refundableByApi: true, names: same("BLIK") },
  przelewy24: { kind: "wallet", currencies: ["PLN", "EUR"], refundableByApi: true, names: same("Przelewy24") },
} as const satisfies Record<string, PaymentTypeRule>

export type PaymentTypeCode = keyof typeof PAYMENT_TYPES

export const ALL_PAYMENT_TYPES = Object.keys(PAYMENT_TYPES) as PaymentTypeCode[]

export function isPaymentType(type: string): type is PaymentTypeCode {
  return Object.prototype.hasOwnProperty.call(PAYMENT_TYPES, type)
}

export function kindOf(type: string): PaymentKind | undefined {
  return isPaymentType(type) ? PAYMENT_TYPES[type].kind : undefined
}

export function supportsCurrency(type: PaymentTypeCode, currency: CurrencyCode): boolean {
  return (PAYMENT_TYPES[type].currencies as readonly string[]).includes(currency)
}

/** Without `payment_types`, a session offers every enabled method that takes the currency. */
export function defaultPaymentTypes(currency: CurrencyCode, enabled: readonly PaymentTypeCode[]): PaymentTypeCode[] {
  return enabled.filter((type) => supportsCurrency(type, currency))
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
