/**
 * What the KOMOJU drop-ins say, in Japanese, English and Korean (KOMOJU's languages).
 * The language is the storefront's locale (the starter's `_medusa_locale` cookie, e.g.
 * "ja-JP" or "ko-KR") when it is one of them, else KOMOJU_DEFAULT_LANGUAGE: set it to
 * "ja" for a Japanese storefront.
 */
export type KomojuLanguage = "ja" | "en" | "ko"

export const KOMOJU_DEFAULT_LANGUAGE: KomojuLanguage = "en"

/** How a return from KOMOJU can end without an order (the return route's `?komoju=`). */
export type KomojuOutcome = "cancelled" | "failed" | "pending"

export const isKomojuOutcome = (value: unknown): value is KomojuOutcome =>
  value === "cancelled" || value === "failed" || value === "pending"

export function komojuLanguage(locale?: string | null): KomojuLanguage {
  const code = locale?.slice(0, 2).toLowerCase()
  return code === "ja" || code === "en" || code === "ko" ? code : KOMOJU_DEFAULT_LANGUAGE
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

const ko: KomojuMessages = {
  payWithKomoju: "KOMOJU로 결제하기",
  redirecting: "KOMOJU로 이동하는 중…",
  otherMethod: "다른 결제 수단 선택",
  outcomes: {
    cancelled: {
      title: "결제가 취소되었습니다",
      body: "결제하지 않고 KOMOJU 페이지에서 돌아오셨습니다. 장바구니는 그대로 남아 있으니 다시 결제하실 수 있습니다.",
    },
    failed: {
      title: "결제에 실패했습니다",
      body: "카드 승인이 거절되었거나 결제가 완료되지 않았습니다. 다시 시도하시거나 다른 결제 수단을 선택해 주세요.",
    },
    pending: {
      title: "결제가 아직 완료되지 않았습니다",
      body: "KOMOJU에서 결제 결과가 아직 도착하지 않았습니다. 카드 승인이 거절된 경우 다시 결제해 주세요. 결제를 마치셨다면 주문이 확정되는 대로 이메일로 알려 드립니다.",
    },
  },
  howToPay: "결제 방법 안내",
  howToPayIntro: "결제 기한까지 아래 정보로 결제해 주세요. 기한이 지나면 주문이 취소됩니다.",
  awaiting: "결제 대기",
  store: "결제처",
  receipt: "접수 번호",
  confirmationCode: "확인 번호",
  bankAccount: "입금 계좌",
  accountName: "예금주",
  transferReference: "송금 참조 번호",
  payEasyBiller: "수납기관 번호",
  payEasyCustomer: "고객 번호",
  payEasyConfirmation: "확인 번호",
  payEasyPay: "페이지(Pay-easy)로 결제하기",
  deadline: "결제 기한",
  instructionsLink: "결제 절차 보기(KOMOJU)",
  paymentTypes: {
    konbini: "편의점 결제",
    bank_transfer: "은행 송금",
    pay_easy: "페이지(Pay-easy)",
  },
  konbiniStores: {
    "seven-eleven": "세븐일레븐",
    lawson: "로손",
    "family-mart": "패밀리마트",
    ministop: "미니스톱",
    "daily-yamazaki": "데일리 야마자키",
    seicomart: "세이코마트",
  },
}

export const komojuMessages: Record<KomojuLanguage, KomojuMessages> = { ja, en, ko }

const INTL_LOCALES: Record<KomojuLanguage, string> = { ja: "ja-JP", en: "en-US", ko: "ko-KR" }

/** Konbini and bank transfer deadlines are Japanese business deadlines: shown in Japan time. */
export function formatKomojuDeadline(iso: string, language: KomojuLanguage): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[language], {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Tokyo",
    timeZoneName: "short",
  }).format(new Date(iso))
}
