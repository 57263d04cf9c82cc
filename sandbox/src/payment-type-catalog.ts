import type { Locale } from "./constants"
import { ALL_CURRENCIES, type CurrencyCode } from "./currencies"

/**
 * How a method behaves in the sandbox: a card is authorized (and captured) at once;
 * cash methods issue a receipt and wait days for the customer ("authorized" = waiting);
 * everything else is simulated as a wallet: confirmed in an app or on another site, then
 * captured. Real KOMOJU has more shapes (barcode slips, prepaid numbers, carrier
 * billing); the three kinds are the sandbox's approximation.
 */
export type PaymentKind = "card" | "cash" | "wallet"

export type PaymentTypeRule = {
  kind: PaymentKind
  /** Which currencies the method takes: KOMOJU decides per account; these are common cases. */
  currencies: readonly CurrencyCode[]
  names: Readonly<Record<Locale, string>>
}

const JPY = ["JPY"] as const
const KRW = ["KRW"] as const
const BRL = ["BRL"] as const
const EUR = ["EUR"] as const
const PLN = ["PLN"] as const
const same = (name: string) => ({ ja: name, en: name, ko: name })
const card = (names: Record<Locale, string>, currencies: readonly CurrencyCode[] = ALL_CURRENCIES) => ({ kind: "card", currencies, names }) as const
const cash = (names: Record<Locale, string>) => ({ kind: "cash", currencies: JPY, names }) as const
const wallet = (names: Record<Locale, string> | string, currencies: readonly CurrencyCode[]) =>
  ({ kind: "wallet", currencies, names: typeof names === "string" ? same(names) : names }) as const

/**
 * Every value of KOMOJU's `PaymentType` enum (komoju-node-sdk `models/payment-type.ts`),
 * in its order. There is no `apple_pay`: Apple Pay is offered inside the hosted page's
 * card flow. `linepay` is still in the enum although KOMOJU's plugins dropped it, so it
 * is known here but left out of the methods activated by default.
 */
export const PAYMENT_TYPES = {
  credit_card: card({ ja: "クレジットカード", en: "Credit card", ko: "신용카드" }),
  credit_card_korea: card({ ja: "クレジットカード (韓国)", en: "Credit card (Korea)", ko: "신용카드" }, KRW),
  credit_card_brazil: card({ ja: "クレジットカード (ブラジル)", en: "Credit card (Brazil)", ko: "신용카드 (브라질)" }, BRL),
  alipay: wallet("Alipay", ["JPY", "USD", "CNY", "HKD"]),
  alipay_hk: wallet("AlipayHK", ["HKD"]),
  amazon_pay: wallet("Amazon Pay", JPY),
  au: wallet({ ja: "auかんたん決済", en: "au Easy Payment", ko: "au Easy Payment" }, JPY),
  aupay: wallet("au PAY", JPY),
  bancontact: wallet("Bancontact", EUR),
  bank_transfer: cash({ ja: "銀行振込", en: "Bank transfer", ko: "은행 송금" }),
  banrisul: wallet("Banrisul", BRL),
  bit_cash: wallet({ ja: "ビットキャッシュ", en: "BitCash", ko: "BitCash" }, JPY),
  blik: wallet("BLIK", PLN),
  culture_voucher: wallet({ ja: "カルチャーランド", en: "Culture Voucher", ko: "문화상품권" }, KRW),
  cvs: wallet({ ja: "コンビニ (台湾)", en: "Convenience store (Taiwan)", ko: "편의점 (대만)" }, ["TWD"]),
  dana: wallet("DANA", ["IDR"]),
  docomo: wallet({ ja: "ドコモ払い", en: "d Payment (carrier billing)", ko: "docomo" }, JPY),
  doku_wallet: wallet("DOKU Wallet", ["IDR"]),
  dospara: wallet({ ja: "ドスパラ", en: "Dospara", ko: "Dospara" }, JPY),
  dragonpay: wallet("Dragonpay", ["PHP"]),
  enets: wallet("eNETS", ["SGD"]),
  epospay: wallet({ ja: "エポスかんたん決済", en: "EPOS Pay", ko: "EPOS Pay" }, JPY),
  eps: wallet("EPS", EUR),
  fpx: wallet("FPX", ["MYR"]),
  gcash: wallet("GCash", ["PHP"]),
  giropay: wallet("giropay", EUR),
  happy_money: wallet({ ja: "ハッピーマネー", en: "Happy Money", ko: "해피머니" }, KRW),
  ideal: wallet("iDEAL", EUR),
  japan_mobile: wallet({ ja: "キャリア決済", en: "Carrier billing (Japan)", ko: "Carrier billing (Japan)" }, JPY),
  kakaopay: wallet({ ja: "カカオペイ", en: "KakaoPay", ko: "카카오페이" }, KRW),
  konbini: cash({ ja: "コンビニ払い", en: "Konbini", ko: "편의점 결제" }),
  linepay: wallet("LINE Pay", JPY),
  merpay: wallet({ ja: "メルペイ", en: "Merpay", ko: "Merpay" }, JPY),
  mobile: wallet({ ja: "キャリア決済", en: "Carrier billing", ko: "휴대폰 결제" }, ["JPY", "KRW"]),
  multibanco: wallet("Multibanco", EUR),
  mybank: wallet("MyBank", EUR),
  nanaco: wallet("nanaco", JPY),
  narvesen: wallet("Narvesen", EUR),
  naverpay: wallet({ ja: "ネイバーペイ", en: "Naver Pay", ko: "네이버페이" }, KRW),
  net_cash: wallet({ ja: "NET CASH", en: "NET CASH", ko: "NET CASH" }, JPY),
  ovo: wallet("OVO", ["IDR"]),
  paidy: wallet({ ja: "ペイディ", en: "Paidy", ko: "Paidy" }, JPY),
  pay_easy: cash({ ja: "ペイジー", en: "Pay-easy", ko: "Pay-easy" }),
  payco: wallet({ ja: "PAYCO", en: "PAYCO", ko: "페이코" }, KRW),
  paypay: wallet("PayPay", JPY),
  paypost: wallet("PayPost", EUR),
  paysafe_card: wallet("paysafecard", ["EUR", "GBP", "CHF", "PLN"]),
  paysera: wallet("Paysera", EUR),
  payu: wallet("PayU", PLN),
  perlas: wallet("Perlas Terminals", EUR),
  pix: wallet("Pix", BRL),
  poli: wallet("POLi", ["AUD", "NZD"]),
  przelewy24: wallet("Przelewy24", ["PLN", "EUR"]),
  rakutenpay: wallet({ ja: "楽天ペイ", en: "Rakuten Pay", ko: "Rakuten Pay" }, JPY),
  sofortbanking: wallet("Sofort", EUR),
  softbank: wallet({ ja: "ソフトバンクまとめて支払い", en: "SoftBank carrier billing", ko: "SoftBank" }, JPY),
  tng: wallet("Touch 'n Go eWallet", ["MYR"]),
  toss: wallet({ ja: "Toss", en: "Toss", ko: "토스페이" }, KRW),
  truemoney: wallet("TrueMoney", ["THB"]),
  unionpay: wallet({ ja: "銀聯", en: "UnionPay", ko: "UnionPay" }, ["JPY", "CNY", "USD"]),
  web_money: wallet({ ja: "WebMoney", en: "WebMoney", ko: "WebMoney" }, JPY),
  wechatpay: wallet("WeChat Pay", ["JPY", "CNY"]),
} as const satisfies Record<string, PaymentTypeRule>

export type PaymentTypeCode = keyof typeof PAYMENT_TYPES

/** konbini, bank_transfer, pay_easy: the methods that wait days for the customer. */
export type CashTypeCode = { [K in PaymentTypeCode]: (typeof PAYMENT_TYPES)[K]["kind"] extends "cash" ? K : never }[PaymentTypeCode]

export const ALL_PAYMENT_TYPES = Object.keys(PAYMENT_TYPES) as PaymentTypeCode[]

/**
 * What a new sandbox account has activated: the methods a Japanese merchant commonly
 * has, plus a few European ones. The rest of the enum is known (a session may ask for
 * it once it is in `enabled_payment_types`) but answers invalid_payment_type until then,
 * as a method not activated on a KOMOJU account does.
 */
export const DEFAULT_ENABLED_PAYMENT_TYPES: readonly PaymentTypeCode[] = [
  "credit_card",
  "konbini",
  "bank_transfer",
  "pay_easy",
  "paypay",
  "rakutenpay",
  "merpay",
  "aupay",
  "paidy",
  "unionpay",
  "alipay",
  "wechatpay",
  "ideal",
  "bancontact",
  "blik",
  "przelewy24",
]
