/**
 * What the KOMOJU drop-ins say, in Japanese and English. The language is the storefront's
 * locale (the starter's `_medusa_locale` cookie, e.g. "ja-JP") when it has one, else
 * KOMOJU_DEFAULT_LANGUAGE: set it to "ja" for a Japanese storefront.
 */
export type KomojuLanguage = "ja" | "en"

export const KOMOJU_DEFAULT_LANGUAGE: KomojuLanguage = "en"

/** How a return from KOMOJU can end without an order (the return route's `?komoju=`). */
export type KomojuOutcome = "cancelled" | "failed" | "pending"

export const isKomojuOutcome = (value: unknown): value is KomojuOutcome =>
  value === "cancelled" || value === "failed" || value === "pending"

export function komojuLanguage(locale?: string | null): KomojuLanguage {
  const code = locale?.slice(0, 2).toLowerCase()
  return code === "ja" || code === "en" ? code : KOMOJU_DEFAULT_LANGUAGE
}

const ja = {
  payWithKomoju: "KOMOJU で支払う",
  redirecting: "KOMOJU へ移動しています…",
  otherMethod: "別のお支払い方法を選ぶ",
  outcomes: {
    cancelled: {
      title: "お支払いはキャンセルされました",
      body: "お支払いをせずに KOMOJU のページから戻られました。カートはそのまま残っています。もう一度お支払いいただけます。",
    },
    failed: {
      title: "お支払いができませんでした",
      body: "カードが承認されなかったか、お支払いが完了しませんでした。もう一度、または別のお支払い方法でお試しください。",
    },
    pending: {
      title: "お支払いはまだ完了していません",
      body: "KOMOJU からお支払いの結果がまだ届いていません。カードが承認されなかった場合は、もう一度お支払いください。お支払い済みの場合は、ご注文が確定するとメールでお知らせします。",
    },
  } as Record<KomojuOutcome, { title: string; body: string }>,
  howToPay: "お支払い方法のご案内",
  howToPayIntro: "お支払い期限までに、下記の情報でお支払いください。期限を過ぎるとご注文はキャンセルされます。",
  awaiting: "お支払い待ち",
  store: "お支払い先",
  receipt: "受付番号",
  confirmationCode: "確認番号",
  bankAccount: "振込先",
  accountName: "口座名義",
  transferReference: "振込依頼人番号",
  payEasyBiller: "収納機関番号",
  payEasyCustomer: "お客様番号",
  payEasyConfirmation: "確認番号",
  payEasyPay: "ペイジーで支払う",
  deadline: "お支払い期限",
  instructionsLink: "お支払い手順を見る（KOMOJU）",
  paymentTypes: {
    konbini: "コンビニ払い",
    bank_transfer: "銀行振込",
    pay_easy: "ペイジー",
  } as Record<string, string>,
  konbiniStores: {
    "seven-eleven": "セブン-イレブン",
    lawson: "ローソン",
    "family-mart": "ファミリーマート",
    ministop: "ミニストップ",
    "daily-yamazaki": "デイリーヤマザキ",
    seicomart: "セイコーマート",
  } as Record<string, string>,
}

export type KomojuMessages = typeof ja

const en: KomojuMessages = {
  payWithKomoju: "Pay with KOMOJU",
  redirecting: "Taking you to KOMOJU…",
  otherMethod: "Choose another payment method",
  outcomes: {
    cancelled: {
      title: "Payment cancelled",
      body: "You came back from KOMOJU without paying. Your cart is still here: you can pay again.",
    },
    failed: {
      title: "The payment did not go through",
      body: "The card was declined or the payment failed. Try again, or choose another payment method.",
    },
    pending: {
      title: "The payment is not finished yet",
      body: "KOMOJU has no result for this payment yet. If your card was declined, pay again. If you have paid, you will get an e-mail once the order is placed.",
    },
  },
  howToPay: "How to pay",
  howToPayIntro: "Pay with the details below before the deadline. After it, the order is cancelled.",
  awaiting: "Awaiting payment",
  store: "Pay at",
  receipt: "Receipt number",
  confirmationCode: "Confirmation code",
  bankAccount: "Pay into",
  accountName: "Account name",
  transferReference: "Transfer reference",
  payEasyBiller: "Biller number",
  payEasyCustomer: "Customer number",
  payEasyConfirmation: "Confirmation number",
  payEasyPay: "Pay with Pay-easy",
  deadline: "Pay by",
  instructionsLink: "Step-by-step instructions (KOMOJU)",
  paymentTypes: {
    konbini: "Konbini (convenience store)",
    bank_transfer: "Bank transfer",
    pay_easy: "Pay-easy",
  },
  konbiniStores: {
    "seven-eleven": "7-Eleven",
    lawson: "Lawson",
    "family-mart": "FamilyMart",
    ministop: "Ministop",
    "daily-yamazaki": "Daily Yamazaki",
    seicomart: "Seicomart",
  },
}

export const komojuMessages: Record<KomojuLanguage, KomojuMessages> = { ja, en }

/** Konbini and bank transfer deadlines are Japanese business deadlines: shown in Japan time. */
export function formatKomojuDeadline(iso: string, language: KomojuLanguage): string {
  return new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Tokyo",
    timeZoneName: "short",
  }).format(new Date(iso))
}
