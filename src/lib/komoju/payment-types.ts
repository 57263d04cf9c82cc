/**
 * Every payment type KOMOJU's API knows (the `PaymentType` enum of its OpenAPI-generated
 * SDKs). There is no `apple_pay`: Apple Pay is offered inside the hosted page's card
 * flow. A type outside this list is refused at boot and in the admin.
 */
export const KOMOJU_PAYMENT_TYPE_IDS = [
  "credit_card", "credit_card_korea", "credit_card_brazil", "alipay", "alipay_hk", "amazon_pay", "au", "aupay",
  "bancontact", "bank_transfer", "banrisul", "bit_cash", "blik", "culture_voucher", "cvs", "dana", "docomo",
  "doku_wallet", "dospara", "dragonpay", "enets", "epospay", "eps", "fpx", "gcash", "giropay", "happy_money",
  "ideal", "japan_mobile", "kakaopay", "konbini", "linepay", "merpay", "mobile", "multibanco", "mybank", "nanaco",
  "narvesen", "naverpay", "net_cash", "ovo", "paidy", "pay_easy", "payco", "paypay", "paypost", "paysafe_card",
  "paysera", "payu", "perlas", "pix", "poli", "przelewy24", "rakutenpay", "sofortbanking", "softbank", "tng",
  "toss", "truemoney", "unionpay", "web_money", "wechatpay",
] as const

const KNOWN: ReadonlySet<string> = new Set(KOMOJU_PAYMENT_TYPE_IDS)

export function isKomojuPaymentType(id: string): boolean {
  return KNOWN.has(id)
}

/**
 * The types a Japanese store commonly offers, as the admin's picker shows them: names
 * shoppers know and the currencies KOMOJU takes them in (an approximation: KOMOJU
 * decides per account, and its own error then says why). Cash methods are asynchronous:
 * authorized when the receipt is issued, captured days later.
 */
export type KomojuPaymentTypeInfo = {
  id: string
  name: { ja: string; en: string }
  /** Currencies KOMOJU supports for this method (upper case). */
  currencies: readonly string[]
  cash?: true
  /** Still in KOMOJU's enum but no longer offered (LINE Pay Japan ended in 2025): never offered by default. */
  retired?: true
}

const CARD_CURRENCIES = ["JPY", "USD", "EUR", "GBP", "AUD", "CAD", "HKD", "SGD", "TWD", "KRW", "CNY"] as const

export const KOMOJU_PAYMENT_TYPES: readonly KomojuPaymentTypeInfo[] = [
  { id: "credit_card", name: { ja: "クレジットカード（Apple Pay を含む）", en: "Credit card (Apple Pay included)" }, currencies: CARD_CURRENCIES },
  { id: "konbini", name: { ja: "コンビニ払い", en: "Konbini (convenience store)" }, currencies: ["JPY"], cash: true },
  { id: "bank_transfer", name: { ja: "銀行振込", en: "Bank transfer" }, currencies: ["JPY"], cash: true },
  { id: "pay_easy", name: { ja: "ペイジー", en: "Pay-easy" }, currencies: ["JPY"], cash: true },
  { id: "paypay", name: { ja: "PayPay", en: "PayPay" }, currencies: ["JPY"] },
  { id: "rakutenpay", name: { ja: "楽天ペイ", en: "Rakuten Pay" }, currencies: ["JPY"] },
  { id: "merpay", name: { ja: "メルペイ", en: "Merpay" }, currencies: ["JPY"] },
  { id: "aupay", name: { ja: "au PAY", en: "au PAY" }, currencies: ["JPY"] },
  { id: "paidy", name: { ja: "あと払い (ペイディ)", en: "Paidy (pay later)" }, currencies: ["JPY"] },
  { id: "amazon_pay", name: { ja: "Amazon Pay", en: "Amazon Pay" }, currencies: ["JPY"] },
  { id: "alipay", name: { ja: "Alipay", en: "Alipay" }, currencies: ["JPY", "USD", "CNY", "HKD"] },
  { id: "wechatpay", name: { ja: "WeChat Pay", en: "WeChat Pay" }, currencies: ["JPY", "CNY"] },
  { id: "unionpay", name: { ja: "銀聯", en: "UnionPay" }, currencies: ["JPY", "USD", "CNY"] },
  { id: "linepay", name: { ja: "LINE Pay（終了）", en: "LINE Pay (retired)" }, currencies: ["JPY"], retired: true },
]

const BY_ID = new Map(KOMOJU_PAYMENT_TYPES.map((type) => [type.id, type]))

export function findPaymentType(id: string): KomojuPaymentTypeInfo | undefined {
  return BY_ID.get(id)
}

/**
 * The types of `ids` KOMOJU does not accept in `currency`. A known type outside the
 * picker's catalogue has no currency table here: KOMOJU decides, and says why.
 */
export function unsupportedInCurrency(ids: readonly string[], currency: string): string[] {
  const upper = currency.toUpperCase()
  return ids.filter((id) => {
    const info = BY_ID.get(id)
    return info ? !info.currencies.includes(upper) : !isKomojuPaymentType(id)
  })
}

/**
 * Methods KOMOJU takes only with `payment_data.shipping_address` (Paidy screens the
 * buyer against it): a cart without one is never offered them.
 */
export const NEEDS_SHIPPING_ADDRESS: readonly string[] = ["paidy"]

/** What KOMOJU can save to a customer for later (the customer session modes take no other). */
export const SAVEABLE_PAYMENT_TYPES: readonly string[] = ["credit_card", "paypay"]
