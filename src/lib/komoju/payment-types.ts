/**
 * KOMOJU payment types a Japanese store commonly offers, with their names as shoppers
 * know them and the currencies KOMOJU accepts them in. Cash methods are asynchronous:
 * authorized when the receipt is issued, captured days later.
 */
export type KomojuPaymentTypeInfo = {
  id: string
  name: { ja: string; en: string }
  /** Currencies KOMOJU supports for this method (upper case). */
  currencies: readonly string[]
  cash?: true
}

const CARD_CURRENCIES = ["JPY", "USD", "EUR", "GBP", "AUD", "CAD", "HKD", "SGD", "TWD", "KRW", "CNY"] as const

export const KOMOJU_PAYMENT_TYPES: readonly KomojuPaymentTypeInfo[] = [
  { id: "credit_card", name: { ja: "クレジットカード", en: "Credit card" }, currencies: CARD_CURRENCIES },
  { id: "konbini", name: { ja: "コンビニ払い", en: "Konbini (convenience store)" }, currencies: ["JPY"], cash: true },
  { id: "bank_transfer", name: { ja: "銀行振込", en: "Bank transfer" }, currencies: ["JPY"], cash: true },
  { id: "pay_easy", name: { ja: "ペイジー", en: "Pay-easy" }, currencies: ["JPY"], cash: true },
  { id: "paypay", name: { ja: "PayPay", en: "PayPay" }, currencies: ["JPY"] },
  { id: "rakutenpay", name: { ja: "楽天ペイ", en: "Rakuten Pay" }, currencies: ["JPY"] },
  { id: "merpay", name: { ja: "メルペイ", en: "Merpay" }, currencies: ["JPY"] },
  { id: "aupay", name: { ja: "au PAY", en: "au PAY" }, currencies: ["JPY"] },
  { id: "linepay", name: { ja: "LINE Pay", en: "LINE Pay" }, currencies: ["JPY"] },
  { id: "paidy", name: { ja: "あと払い (ペイディ)", en: "Paidy (pay later)" }, currencies: ["JPY"] },
  { id: "apple_pay", name: { ja: "Apple Pay", en: "Apple Pay" }, currencies: CARD_CURRENCIES },
  { id: "alipay", name: { ja: "Alipay", en: "Alipay" }, currencies: ["JPY", "USD", "CNY"] },
  { id: "wechatpay", name: { ja: "WeChat Pay", en: "WeChat Pay" }, currencies: ["JPY", "CNY"] },
  { id: "unionpay", name: { ja: "銀聯", en: "UnionPay" }, currencies: ["JPY", "USD", "CNY"] },
]

const BY_ID = new Map(KOMOJU_PAYMENT_TYPES.map((type) => [type.id, type]))

export function findPaymentType(id: string): KomojuPaymentTypeInfo | undefined {
  return BY_ID.get(id)
}

/** The types of `ids` KOMOJU does not accept in `currency`; unknown ids count as unsupported. */
export function unsupportedInCurrency(ids: readonly string[], currency: string): string[] {
  const upper = currency.toUpperCase()
  return ids.filter((id) => !BY_ID.get(id)?.currencies.includes(upper))
}
