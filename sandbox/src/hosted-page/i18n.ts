import { LOCALES, type Locale } from "../constants"

/** Every text a hosted page shows, in KOMOJU's three page languages. */
const STRINGS = {
  title: { ja: "お支払い", en: "Payment", ko: "결제" },
  amount: { ja: "お支払い金額", en: "Amount due", ko: "결제 금액" },
  orderNumber: { ja: "注文番号", en: "Order number", ko: "주문 번호" },
  lineItems: { ja: "ご注文内容", en: "Order summary", ko: "주문 내역" },
  lineItem: { ja: "商品", en: "Item", ko: "상품" },
  choose: { ja: "お支払い方法を選択してください", en: "Choose how to pay", ko: "결제 방법을 선택하세요" },
  language: { ja: "言語", en: "Language", ko: "언어" },
  cardNumber: { ja: "カード番号", en: "Card number", ko: "카드 번호" },
  expiry: { ja: "有効期限 (MM/YY)", en: "Expiry (MM/YY)", ko: "유효기간 (MM/YY)" },
  cvc: { ja: "セキュリティコード", en: "Security code", ko: "보안 코드" },
  cardName: { ja: "カード名義", en: "Name on card", ko: "카드 명의" },
  email: { ja: "メールアドレス", en: "Email", ko: "이메일" },
  store: { ja: "お支払いするコンビニ", en: "Store to pay at", ko: "결제할 편의점" },
  pay: { ja: "支払う", en: "Pay", ko: "결제하기" },
  toPay: { ja: "お支払い額", en: "To pay", ko: "결제액" },
  fee: { ja: "手数料", en: "fee", ko: "수수료" },
  next: { ja: "次へ", en: "Continue", ko: "다음" },
  back: { ja: "マーチャントに戻る (キャンセル)", en: "Back to merchant (cancel)", ko: "상점으로 돌아가기 (취소)" },
  testCards: {
    ja: "テストカード: 4111 1111 1111 1111 (成功) / 4123 1111 1111 1000 (残高不足で拒否) / 4100 0000 0050 0000 (3Dセキュア認証失敗)",
    en: "Test cards: 4111 1111 1111 1111 (succeeds) / 4123 1111 1111 1000 (declined, insufficient funds) / 4100 0000 0050 0000 (3-D Secure fails)",
    ko: "테스트 카드: 4111 1111 1111 1111 (성공) / 4123 1111 1111 1000 (잔액 부족으로 거절) / 4100 0000 0050 0000 (3D 보안 인증 실패)",
  },
  declinedInsufficientFunds: {
    ja: "カードが拒否されました (残高不足)。別のカードをお試しください。",
    en: "Your card was declined (insufficient funds). Please try another card.",
    ko: "카드가 거절되었습니다 (잔액 부족). 다른 카드를 사용해 주세요.",
  },
  declinedExceedsLimit: {
    ja: "カードが拒否されました (ご利用限度額を超過)。別のカードをお試しください。",
    en: "Your card was declined (card limit exceeded). Please try another card.",
    ko: "카드가 거절되었습니다 (이용 한도 초과). 다른 카드를 사용해 주세요.",
  },
  declinedBadVerificationValue: {
    ja: "セキュリティコードが正しくありません。確認してもう一度お試しください。",
    en: "The security code was refused. Please check it and try again.",
    ko: "보안 코드가 거부되었습니다. 확인 후 다시 시도해 주세요.",
  },
  declinedCardExpired: {
    ja: "カードの有効期限が切れています。別のカードをお試しください。",
    en: "The card has expired. Please try another card.",
    ko: "카드 유효기간이 지났습니다. 다른 카드를 사용해 주세요.",
  },
  declinedCardDeclined: {
    ja: "このカードはご利用いただけません。別のカードをお試しください。",
    en: "This card cannot be used. Please try another card.",
    ko: "이 카드는 사용할 수 없습니다. 다른 카드를 사용해 주세요.",
  },
  declinedInvalidNumber: {
    ja: "無効なカードです。別のカードをお試しください。",
    en: "The card is not valid. Please try another card.",
    ko: "유효하지 않은 카드입니다. 다른 카드를 사용해 주세요.",
  },
  declinedThreeDSecure: {
    ja: "本人認証 (3Dセキュア) に失敗しました。別のカードをお試しください。",
    en: "The 3-D Secure check failed. Please try another card.",
    ko: "본인 인증(3D 보안)에 실패했습니다. 다른 카드를 사용해 주세요.",
  },
  failed: {
    ja: "お支払いができませんでした。別のお支払い方法をお試しください。",
    en: "The payment failed. Please try another way to pay.",
    ko: "결제에 실패했습니다. 다른 결제 방법을 사용해 주세요.",
  },
  invalidNumber: { ja: "カード番号が正しくありません。", en: "The card number is not valid.", ko: "카드 번호가 올바르지 않습니다." },
  invalidExpiry: { ja: "有効期限が正しくないか、期限切れです。", en: "The expiry date is not valid or has passed.", ko: "유효기간이 올바르지 않거나 지났습니다." },
  invalidCvc: { ja: "セキュリティコードが正しくありません。", en: "The security code is not valid.", ko: "보안 코드가 올바르지 않습니다." },
  invalidEmail: { ja: "メールアドレスを入力してください。", en: "Please enter your email address.", ko: "이메일 주소를 입력해 주세요." },
  unavailable: { ja: "このお支払い方法はご利用いただけません。", en: "This payment method is not available.", ko: "이 결제 방법은 사용할 수 없습니다." },
  awaitingTitle: { ja: "お支払いをお待ちしています", en: "Awaiting your payment", ko: "결제를 기다리고 있습니다" },
  awaitingText: {
    ja: "お支払い期限までに、以下の番号でお支払いください。",
    en: "Please pay by the deadline with the numbers below.",
    ko: "결제 기한까지 아래 번호로 결제해 주세요.",
  },
  receipt: { ja: "受付番号", en: "Receipt number", ko: "접수 번호" },
  confirmation: { ja: "確認番号", en: "Confirmation code", ko: "확인 번호" },
  deadline: { ja: "お支払い期限", en: "Payment deadline", ko: "결제 기한" },
  bankName: { ja: "振込先銀行", en: "Bank", ko: "은행" },
  account: { ja: "振込先口座", en: "Account", ko: "계좌" },
  accountName: { ja: "口座名義", en: "Account name", ko: "예금주" },
  transferId: { ja: "振込依頼人番号", en: "Transfer reference", ko: "송금 참조 번호" },
  payEasyBank: { ja: "収納機関番号", en: "Biller number", ko: "수납기관 번호" },
  customerNumber: { ja: "お客様番号", en: "Customer number", ko: "고객 번호" },
  confirmationId: { ja: "確認番号", en: "Confirmation number", ko: "확인 번호" },
  payOnline: { ja: "ネットバンキングで支払う", en: "Pay through online banking", ko: "인터넷 뱅킹으로 결제" },
  instructions: { ja: "お支払い方法の説明", en: "How to pay", ko: "결제 방법 안내" },
  returnToShop: { ja: "ショップに戻る", en: "Return to the shop", ko: "상점으로 돌아가기" },
  walletTitle: { ja: "アプリで承認してください", en: "Confirm in the app", ko: "앱에서 승인해 주세요" },
  walletText: {
    ja: "スマートフォンのアプリで支払いを承認してください (サンドボックスでは下のボタンで承認します)。",
    en: "Approve the payment in your phone's app (in the sandbox, the button below approves it).",
    ko: "휴대폰 앱에서 결제를 승인해 주세요 (샌드박스에서는 아래 버튼으로 승인합니다).",
  },
  approve: { ja: "アプリで承認しました", en: "I approved it in the app", ko: "앱에서 승인했습니다" },
  closedTitle: { ja: "このお支払いページは終了しました", en: "This payment page is closed", ko: "이 결제 페이지는 종료되었습니다" },
  expired: { ja: "お支払いの有効期限が切れました。", en: "The time to pay has run out.", ko: "결제 유효기간이 지났습니다." },
  completed: { ja: "お支払いは完了しています。", en: "The payment is complete.", ko: "결제가 완료되었습니다." },
  cancelled: { ja: "お支払いはキャンセルされました。", en: "The payment was cancelled.", ko: "결제가 취소되었습니다." },
  notFoundTitle: { ja: "ページが見つかりません", en: "Page not found", ko: "페이지를 찾을 수 없습니다" },
  notFoundText: {
    ja: "このお支払いページは存在しません。ショップからやり直してください。",
    en: "This payment page does not exist. Please start again from the shop.",
    ko: "이 결제 페이지는 존재하지 않습니다. 상점에서 다시 시작해 주세요.",
  },
  savedMethod: { ja: "保存済みのカード", en: "Saved card", ko: "저장된 카드" },
  savedWallet: { ja: "保存済みのお支払い方法", en: "Saved payment method", ko: "저장된 결제 수단" },
  payWith: { ja: "で支払う", en: "Pay with", ko: "(으)로 결제" },
  otherMethods: { ja: "別の方法で支払う", en: "Pay another way", ko: "다른 방법으로 결제" },
  rememberMethod: { ja: "次回のためにこのお支払い方法を保存する", en: "Save this payment method for next time", ko: "다음을 위해 이 결제 수단 저장" },
  saveTitle: { ja: "お支払い方法の登録", en: "Save a payment method", ko: "결제 수단 등록" },
  saveIntro: { ja: "今回は請求されません。次回以降のお支払いに使うお支払い方法を登録します。", en: "You are not charged now: this saves a payment method for later payments.", ko: "지금은 청구되지 않습니다. 이후 결제에 사용할 결제 수단을 등록합니다." },
  saveButton: { ja: "登録する", en: "Save", ko: "등록하기" },
  savedDone: { ja: "お支払い方法は登録されました。", en: "The payment method is saved.", ko: "결제 수단이 등록되었습니다." },
  savesToo: { ja: "このお支払い方法は次回のために保存されます。", en: "This payment method is saved for next time.", ko: "이 결제 수단은 다음을 위해 저장됩니다." },
  threeDsTitle: { ja: "3Dセキュア認証", en: "3-D Secure authentication", ko: "3D 보안 인증" },
  threeDsText: {
    ja: "カード発行会社による本人認証です (サンドボックスでは下のボタンで結果を選びます)。",
    en: "Your card issuer checks it is you (in the sandbox, the buttons below choose the outcome).",
    ko: "카드 발급사의 본인 인증입니다 (샌드박스에서는 아래 버튼으로 결과를 선택합니다).",
  },
  threeDsPass: { ja: "認証する (成功)", en: "Authenticate (pass)", ko: "인증하기 (성공)" },
  threeDsFail: { ja: "認証に失敗する", en: "Fail authentication", ko: "인증 실패" },
  threeDsDone: { ja: "この認証は完了しています", en: "This authentication is finished", ko: "이 인증은 완료되었습니다" },
  threeDsBack: { ja: "ショップに戻る", en: "Return to the shop", ko: "상점으로 돌아가기" },
  card: { ja: "カード", en: "Card", ko: "카드" },
  sandbox: { ja: "KOMOJU サンドボックス (テスト環境・実際の請求はありません)", en: "KOMOJU sandbox (test mode, no real charges)", ko: "KOMOJU 샌드박스 (테스트 모드, 실제 청구 없음)" },
} as const satisfies Record<string, Record<Locale, string>>

export type StringKey = keyof typeof STRINGS
export type Translate = (key: StringKey) => string

export function translator(locale: Locale): Translate {
  return (key) => STRINGS[key][locale]
}

export const LANGUAGE_NAMES: Record<Locale, string> = { ja: "日本語", en: "English", ko: "한국어" }

/** `?locale=` wins over the session's default_locale; anything else falls back to it. */
export function pickLocale(requested: string | null | undefined, fallback: Locale): Locale {
  return (LOCALES as readonly string[]).includes(requested ?? "") ? (requested as Locale) : fallback
}
