/** Currencies and payment types the sandbox accepts, with KOMOJU's rules for each. */

export const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND"])
export const CURRENCIES = new Set(["JPY", "USD", "EUR", "GBP", "AUD", "CAD", "HKD", "SGD", "TWD", "KRW", "CNY", "VND"])

export type PaymentKind = "card" | "cash" | "wallet"

export type PaymentTypeRule = {
  kind: PaymentKind
  currencies: readonly string[]
  names: { ja: string; en: string; ko: string }
  /** Days a cash payment may wait for the customer. */
  deadlineDays?: number
}

const CARD = ["JPY", "USD", "EUR", "GBP", "AUD", "CAD", "HKD", "SGD", "TWD", "KRW", "CNY"]

export const PAYMENT_TYPES: Record<string, PaymentTypeRule> = {
  credit_card: { kind: "card", currencies: CARD, names: { ja: "クレジットカード", en: "Credit card", ko: "신용카드" } },
  konbini: { kind: "cash", currencies: ["JPY"], deadlineDays: 3, names: { ja: "コンビニ払い", en: "Konbini", ko: "편의점 결제" } },
  bank_transfer: { kind: "cash", currencies: ["JPY"], deadlineDays: 14, names: { ja: "銀行振込", en: "Bank transfer", ko: "계좌이체" } },
  pay_easy: { kind: "cash", currencies: ["JPY"], deadlineDays: 3, names: { ja: "ペイジー", en: "Pay-easy", ko: "Pay-easy" } },
  paypay: { kind: "wallet", currencies: ["JPY"], names: { ja: "PayPay", en: "PayPay", ko: "PayPay" } },
  rakutenpay: { kind: "wallet", currencies: ["JPY"], names: { ja: "楽天ペイ", en: "Rakuten Pay", ko: "Rakuten Pay" } },
  merpay: { kind: "wallet", currencies: ["JPY"], names: { ja: "メルペイ", en: "Merpay", ko: "Merpay" } },
  aupay: { kind: "wallet", currencies: ["JPY"], names: { ja: "au PAY", en: "au PAY", ko: "au PAY" } },
  linepay: { kind: "wallet", currencies: ["JPY"], names: { ja: "LINE Pay", en: "LINE Pay", ko: "LINE Pay" } },
  paidy: { kind: "wallet", currencies: ["JPY"], names: { ja: "ペイディ", en: "Paidy", ko: "Paidy" } },
  apple_pay: { kind: "wallet", currencies: CARD, names: { ja: "Apple Pay", en: "Apple Pay", ko: "Apple Pay" } },
  alipay: { kind: "wallet", currencies: ["JPY", "USD", "CNY"], names: { ja: "Alipay", en: "Alipay", ko: "Alipay" } },
  wechatpay: { kind: "wallet", currencies: ["JPY", "CNY"], names: { ja: "WeChat Pay", en: "WeChat Pay", ko: "WeChat Pay" } },
}

/** As in KOMOJU's session object: konbini lists its chains with their logos. */
export const KONBINI_BRANDS: Record<string, string> = {
  "seven-eleven": "/images/konbini/seven-eleven.svg",
  lawson: "/images/konbini/lawson.svg",
  "family-mart": "/images/konbini/family-mart.svg",
  ministop: "/images/konbini/ministop.svg",
  "daily-yamazaki": "/images/konbini/daily-yamazaki.svg",
  seicomart: "/images/konbini/seicomart.svg",
}

/** Without payment_types, a session offers what the account has for the currency. */
export function defaultPaymentTypes(currency: string): string[] {
  return Object.entries(PAYMENT_TYPES)
    .filter(([, rule]) => rule.currencies.includes(currency))
    .map(([type]) => type)
}
