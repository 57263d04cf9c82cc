import type { Locale } from "../types"

const STRINGS = {
  title: { ja: "お支払い", en: "Payment", ko: "결제" },
  amount: { ja: "お支払い金額", en: "Amount", ko: "결제 금액" },
  choose: { ja: "お支払い方法を選択してください", en: "Choose how to pay", ko: "결제 방법을 선택하세요" },
  cardNumber: { ja: "カード番号", en: "Card number", ko: "카드 번호" },
  expiry: { ja: "有効期限 (MM/YY)", en: "Expiry (MM/YY)", ko: "유효기간 (MM/YY)" },
  cvc: { ja: "セキュリティコード", en: "Security code", ko: "보안 코드" },
  name: { ja: "カード名義", en: "Name on card", ko: "카드 명의" },
  email: { ja: "メールアドレス", en: "Email", ko: "이메일" },
  store: { ja: "コンビニを選択", en: "Choose a store", ko: "편의점 선택" },
  pay: { ja: "支払う", en: "Pay", ko: "결제하기" },
  next: { ja: "次へ", en: "Continue", ko: "다음" },
  back: { ja: "マーチャントに戻る (キャンセル)", en: "Back to merchant (cancel)", ko: "상점으로 돌아가기 (취소)" },
  declined: {
    ja: "カードが拒否されました (残高不足)。別のカードをお試しください。",
    en: "Your card was declined (insufficient funds). Please try another card.",
    ko: "카드가 거절되었습니다 (잔액 부족). 다른 카드를 사용해 주세요.",
  },
  invalidCard: {
    ja: "カード情報が正しくありません。",
    en: "The card details are not valid.",
    ko: "카드 정보가 올바르지 않습니다.",
  },
  awaitingTitle: { ja: "お支払いをお待ちしています", en: "Awaiting your payment", ko: "결제를 기다리고 있습니다" },
  awaitingText: {
    ja: "期限までに以下の情報でお支払いください。",
    en: "Please pay by the deadline with the details below.",
    ko: "기한까지 아래 정보로 결제해 주세요.",
  },
  receipt: { ja: "受付番号", en: "Receipt number", ko: "접수 번호" },
  confirmation: { ja: "確認番号", en: "Confirmation code", ko: "확인 번호" },
  deadline: { ja: "お支払い期限", en: "Payment deadline", ko: "결제 기한" },
  account: { ja: "振込先口座", en: "Account", ko: "계좌" },
  customerNumber: { ja: "お客様番号", en: "Customer number", ko: "고객 번호" },
  instructions: { ja: "お支払い方法の説明", en: "How to pay", ko: "결제 방법 안내" },
  returnToShop: { ja: "ショップに戻る", en: "Return to the shop", ko: "상점으로 돌아가기" },
  walletTitle: { ja: "アプリで承認してください", en: "Confirm in the app", ko: "앱에서 승인해 주세요" },
  walletText: {
    ja: "スマートフォンのアプリで支払いを承認してください (サンドボックスではボタンで承認します)。",
    en: "Approve the payment in your phone's app (in the sandbox, the button approves it).",
    ko: "휴대폰 앱에서 결제를 승인해 주세요 (샌드박스에서는 버튼으로 승인합니다).",
  },
  approve: { ja: "承認する", en: "Approve", ko: "승인" },
  closedTitle: { ja: "このお支払いページは終了しました", en: "This payment page is closed", ko: "이 결제 페이지는 종료되었습니다" },
  expired: { ja: "有効期限が切れています。", en: "It has expired.", ko: "유효기간이 지났습니다." },
  completed: { ja: "お支払いは完了しています。", en: "The payment is complete.", ko: "결제가 완료되었습니다." },
  cancelled: { ja: "キャンセルされました。", en: "It was cancelled.", ko: "취소되었습니다." },
  sandbox: { ja: "KOMOJU サンドボックス (テスト環境)", en: "KOMOJU sandbox (test mode)", ko: "KOMOJU 샌드박스 (테스트 모드)" },
} as const

export type StringKey = keyof typeof STRINGS

export function translator(locale: Locale) {
  return (key: StringKey) => STRINGS[key][locale] ?? STRINGS[key].en
}

export function pickLocale(requested: string | null | undefined, fallback: Locale): Locale {
  return requested === "ja" || requested === "en" || requested === "ko" ? requested : fallback
}
