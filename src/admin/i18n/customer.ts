/**
 * The customer widget's strings (saved cards and PayPay), in English and Japanese;
 * merged under `komoju.customer` by ./index.ts.
 */
export const customerEn = {
  title: "KOMOJU saved payment methods",
  description: "Cards and PayPay this customer saved on KOMOJU's payment page. Removing one erases it at KOMOJU too.",
  loadFailed: "Could not load the KOMOJU saved payment methods",
  empty: "No saved payment methods.",
  card: "Card",
  expires: "Expires {{expiry}}",
  savedOn: "Saved {{date}}",
  remove: "Remove",
  removeTitle: "Remove {{method}}?",
  removeDescription:
    "KOMOJU erases this payment method. The customer can no longer pay with it in one click and must enter it again to save it. This cannot be undone.",
  removeConfirm: "Remove",
  back: "Back",
  removed: "Payment method removed",
  removeFailed: "KOMOJU could not remove the payment method",
}

/** Same keys as English (the compiler checks). */
export const customerJa: typeof customerEn = {
  title: "KOMOJU 保存済みのお支払い方法",
  description: "このお客様が KOMOJU の決済ページで保存したカードと PayPay です。削除すると KOMOJU からも消去されます。",
  loadFailed: "KOMOJU の保存済みのお支払い方法を読み込めませんでした",
  empty: "保存済みのお支払い方法はありません。",
  card: "カード",
  expires: "有効期限 {{expiry}}",
  savedOn: "{{date}} に保存",
  remove: "削除",
  removeTitle: "{{method}} を削除しますか？",
  removeDescription:
    "KOMOJU からこのお支払い方法を消去します。お客様はワンクリックで支払えなくなり、保存するには再度入力が必要です。元に戻せません。",
  removeConfirm: "削除",
  back: "戻る",
  removed: "お支払い方法を削除しました",
  removeFailed: "KOMOJU でお支払い方法を削除できませんでした",
}
