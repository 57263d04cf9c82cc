/**
 * The order widget's strings for refunding cash payments to a bank account, in English
 * and Japanese; merged under `komoju.order.refundRequest` by ./index.ts.
 */
export const refundRequestEn = {
  open: "Refund to bank account",
  title: "Refund to the customer's bank account",
  description:
    "KOMOJU cannot send cash back to a konbini, bank transfer or Pay-easy customer by itself: it pays the refund into their bank account, usually within a few business days. The account details go to KOMOJU only.",
  amount: "Amount ({{currency}})",
  amountHint: "Up to {{amount}} left to refund.",
  customerName: "Account holder (katakana)",
  customerNameHint: "As registered at the bank, in katakana or hiragana. Sent as: {{preview}}",
  bankName: "Bank name",
  bankCode: "Bank code (optional)",
  branchName: "Branch name (optional)",
  branchNumber: "Branch number",
  accountType: "Account type",
  accountTypes: { normal: "Ordinary (普通)", checking: "Checking (当座)", savings: "Savings (貯蓄)" },
  accountNumber: "Account number",
  includeFee: "Also refund the payment method fee",
  descriptionLabel: "Note (optional)",
  submit: "Send refund request",
  cancel: "Cancel",
  sent: "Refund request sent to KOMOJU",
  failed: "KOMOJU did not take the refund request",
  problems: {
    required: "Required",
    not_katakana: "Enter the name in katakana (or hiragana)",
    digits: "Must be {{count}} digits",
    amount: "Enter an amount above zero and at most what is left to refund",
    precision: "Enter a multiple of {{smallest}}",
  },
  list: "Refund requests",
  account: "{{bank}} ••• {{digits}}",
  statuses: { pending: "Pending", completed: "Paid out", rejected: "Rejected", unknown: "Status unknown" },
}

/** Same keys as English (the compiler checks). */
export const refundRequestJa: typeof refundRequestEn = {
  open: "口座へ返金",
  title: "お客様の銀行口座へ返金",
  description:
    "コンビニ払い・銀行振込・ペイジーの代金は KOMOJU から直接払い戻せないため、KOMOJU がお客様の銀行口座へ振り込みます（通常数営業日）。口座情報は KOMOJU にのみ送られます。",
  amount: "金額（{{currency}}）",
  amountHint: "返金可能な残額は {{amount}} です。",
  customerName: "口座名義（フリガナ）",
  customerNameHint: "銀行に登録されている名義をカタカナかひらがなで。送信される名義: {{preview}}",
  bankName: "銀行名",
  bankCode: "金融機関コード（任意）",
  branchName: "支店名（任意）",
  branchNumber: "支店番号",
  accountType: "口座種別",
  accountTypes: { normal: "普通", checking: "当座", savings: "貯蓄" },
  accountNumber: "口座番号",
  includeFee: "決済手数料も返金する",
  descriptionLabel: "メモ（任意）",
  submit: "返金申請を送信",
  cancel: "キャンセル",
  sent: "KOMOJU に返金申請を送信しました",
  failed: "KOMOJU が返金申請を受け付けませんでした",
  problems: {
    required: "必須項目です",
    not_katakana: "名義をカタカナ（またはひらがな）で入力してください",
    digits: "{{count}} 桁の数字で入力してください",
    amount: "0 より大きく、返金可能な残額以下の金額を入力してください",
    precision: "{{smallest}} 単位で入力してください",
  },
  list: "返金申請",
  account: "{{bank}} ••• {{digits}}",
  statuses: { pending: "処理中", completed: "振込済み", rejected: "却下", unknown: "状態不明" },
}
