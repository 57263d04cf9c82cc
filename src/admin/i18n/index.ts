/**
 * The plugin's admin strings in English and Japanese. Medusa merges this file's default
 * export into the dashboard's i18next resources, so the pages follow the language chosen
 * in the admin (Profile → Language) and fall back to English like the rest of the admin.
 * Everything sits under `komoju.` to stay clear of the dashboard's own keys.
 */
import { customerEn, customerJa } from "./customer"
import { refundRequestEn, refundRequestJa } from "./refund-requests"

const en = {
  komoju: {
    settings: {
      title: "KOMOJU",
      subtitle: "Payment methods, checkout options and the webhook for KOMOJU's hosted payment page.",
      unsupportedCurrency:
        "Region {{name}} sells in {{currency}}, which KOMOJU does not accept: its shoppers cannot pay with KOMOJU. Give it another payment provider, or a currency KOMOJU takes.",
      mode: { test: "Test mode", live: "Live mode" },
      save: "Save",
      discard: "Discard changes",
      saved: "KOMOJU settings saved",
      notSaved: "KOMOJU settings not saved",
      loadFailed: "Could not load the KOMOJU settings",
      defaultValue: "Default ({{value}})",
      paymentTypes: {
        title: "Payment methods",
        hint: "What KOMOJU's hosted page offers. A storefront can narrow this list, never widen it.",
        stateDefault: "Default",
        stateCustom: "Custom",
        defaultList: "Default from medusa-config.ts: {{list}}.",
        defaultAll: "Default from medusa-config.ts: every method active on your KOMOJU account.",
        useDefault: "Use default",
        cash: "Cash",
        retired: "Retired by KOMOJU",
        currencies: "Currencies: {{list}}",
        notIn: "Not available in {{currency}}",
      },
      scopes: {
        title: "Payment methods per region",
        hint: "A region listed here offers its own methods instead of the list above.",
        empty: "Every region uses the list above.",
        region: "{{name}} ({{currency}})",
        currency: "Every region in {{currency}}",
        unknownRegion: "Deleted region {{id}}",
        pickRegion: "Choose a region",
        add: "Add region",
        remove: "Remove",
      },
      checkout: {
        title: "Checkout",
        locale: "Hosted page language",
        localeHint: "Used when the storefront sends no language.",
        locales: { ja: "Japanese", en: "English", ko: "Korean" },
        captureMode: "Card capture",
        captureModeHint:
          "Manual holds card payments as authorizations until you capture them on the order. Cash methods and wallets are always captured by KOMOJU.",
        captureModes: { auto: "Automatic", manual: "Manual" },
        expiry: "Hosted session expiry (seconds)",
        expiryHint: "60 to 86,400 seconds. Empty: {{value}}.",
        expiryKomojuDefault: "KOMOJU's default",
        expiryDefault: "the default ({{value}} s)",
      },
      webhook: {
        title: "Webhook",
        url: "Webhook URL",
        urlHint:
          "In KOMOJU's dashboard (Settings → Webhooks), register exactly this URL for the payment events, with the same secret token as KOMOJU_WEBHOOK_SECRET.",
        copy: "Copy the webhook URL",
        status: "Status",
        statuses: {
          receiving: "Receiving",
          refusing: "Refusing deliveries",
          none: "Nothing received yet",
        },
        refusingHint:
          "The latest delivery failed the signature check: the secret token in KOMOJU's dashboard and KOMOJU_WEBHOOK_SECRET differ.",
        lastAccepted: "Last webhook processed",
        lastEvent: "Last event",
        unfinishedCount: "Waiting or failed (retried automatically)",
        refusedCount: "Refused (bad signature)",
        lastRefused: "Last refused",
        never: "Never",
      },
    },
    order: {
      title: "KOMOJU",
      loadFailed: "Could not load the KOMOJU payment",
      notices: {
        captured_after_cancel_refunded:
          "KOMOJU captured {{amount}} after this order was cancelled (the customer paid while it was being cancelled). It was refunded automatically.",
        captured_after_cancel_needs_refund_request:
          "The customer paid {{amount}} in cash after this order was cancelled. KOMOJU cannot refund cash payments through its API: use \"Refund to bank account\" below to send KOMOJU a refund request to the customer's bank account; the refund then appears here by itself.",
      },
      paymentId: "KOMOJU payment",
      sessionId: "KOMOJU session",
      method: "Method",
      card: "Card",
      store: "Store",
      stores: {
        "seven-eleven": "7-Eleven",
        lawson: "Lawson",
        "family-mart": "FamilyMart",
        ministop: "Ministop",
        "daily-yamazaki": "Daily Yamazaki",
        seicomart: "Seicomart",
      },
      receipt: "Receipt number",
      confirmationCode: "Confirmation code",
      bankAccount: "Bank account",
      transferReference: "Transfer reference",
      payEasyNumbers: "Biller / customer / confirmation no.",
      deadline: "Pay by",
      instructions: "Payment instructions",
      openInstructions: "Open",
      amount: "Amount",
      komojuStatus: "KOMOJU status",
      medusaStatus: "Medusa status",
      medusaStatuses: {
        awaiting: "Awaiting payment",
        authorized: "Authorized",
        captured: "Captured",
        canceled: "Canceled",
      },
      komojuStatuses: {
        pending: "Pending",
        authorized: "Authorized",
        captured: "Captured",
        refunded: "Refunded",
        cancelled: "Cancelled",
        expired: "Expired",
        failed: "Failed",
      },
      cashAwaiting: "Receipt issued, awaiting payment",
      refunds: "Refunds",
      noRefunds: "None",
      openDashboard: "Open in KOMOJU",
      capture: "Capture",
      cancel: "Cancel order",
      captureTitle: "Capture this payment?",
      captureDescription: "KOMOJU charges {{amount}} to the customer's card now.",
      captureConfirm: "Capture",
      cancelTitle: "Cancel this order?",
      cancelDescription:
        "Medusa cancels the order and KOMOJU releases the card authorization of {{amount}}. This cannot be undone.",
      cancelConfirm: "Cancel order",
      back: "Back",
      captured: "Payment captured",
      canceled: "Order canceled, authorization released",
      actionFailed: "KOMOJU could not do that",
      refundRequest: refundRequestEn,
    },
    customer: customerEn,
  },
}

/** Same keys as English; the compiler points out any missing one. */
const ja: typeof en = {
  komoju: {
    settings: {
      title: "KOMOJU",
      subtitle: "KOMOJU 決済ページの決済方法、チェックアウト設定、Webhook。",
      unsupportedCurrency:
        "リージョン {{name}} の通貨 {{currency}} は KOMOJU で扱えないため、このリージョンのお客様は KOMOJU で支払えません。別の決済プロバイダーを設定するか、KOMOJU が扱う通貨にしてください。",
      mode: { test: "テストモード", live: "本番モード" },
      save: "保存",
      discard: "変更を破棄",
      saved: "KOMOJU の設定を保存しました",
      notSaved: "KOMOJU の設定は保存されませんでした",
      loadFailed: "KOMOJU の設定を読み込めませんでした",
      defaultValue: "デフォルト（{{value}}）",
      paymentTypes: {
        title: "決済方法",
        hint: "KOMOJU の決済ページに表示する決済方法です。ストアフロントはこの一覧を絞り込めますが、広げることはできません。",
        stateDefault: "デフォルト",
        stateCustom: "カスタム",
        defaultList: "medusa-config.ts のデフォルト：{{list}}。",
        defaultAll: "medusa-config.ts のデフォルト：KOMOJU アカウントで有効なすべての決済方法。",
        useDefault: "デフォルトに戻す",
        cash: "現金払い",
        retired: "KOMOJU で終了",
        currencies: "対応通貨：{{list}}",
        notIn: "{{currency}} では利用できません",
      },
      scopes: {
        title: "リージョン別の決済方法",
        hint: "ここに追加したリージョンでは、上の一覧の代わりにリージョン専用の決済方法を使います。",
        empty: "すべてのリージョンで上の一覧を使います。",
        region: "{{name}}（{{currency}}）",
        currency: "{{currency}} のすべてのリージョン",
        unknownRegion: "削除されたリージョン {{id}}",
        pickRegion: "リージョンを選択",
        add: "リージョンを追加",
        remove: "削除",
      },
      checkout: {
        title: "チェックアウト",
        locale: "決済ページの言語",
        localeHint: "ストアフロントが言語を指定しない場合に使います。",
        locales: { ja: "日本語", en: "英語", ko: "韓国語" },
        captureMode: "カード決済の売上確定",
        captureModeHint:
          "手動にすると、カード決済は注文画面で売上確定するまで仮売上（オーソリ）のままです。現金払いとウォレットは常に KOMOJU が確定します。",
        captureModes: { auto: "自動", manual: "手動" },
        expiry: "決済セッションの有効期限（秒）",
        expiryHint: "60〜86,400 秒。空欄：{{value}}。",
        expiryKomojuDefault: "KOMOJU のデフォルト",
        expiryDefault: "デフォルト（{{value}} 秒）",
      },
      webhook: {
        title: "Webhook",
        url: "Webhook URL",
        urlHint:
          "KOMOJU ダッシュボード（設定 → Webhook）で、この URL をそのまま決済イベント用に登録し、シークレットトークンには KOMOJU_WEBHOOK_SECRET と同じ値を設定してください。",
        copy: "Webhook URL をコピー",
        status: "状態",
        statuses: {
          receiving: "受信中",
          refusing: "受信を拒否しています",
          none: "まだ受信していません",
        },
        refusingHint:
          "最新の配信が署名チェックに失敗しました。KOMOJU ダッシュボードのシークレットトークンと KOMOJU_WEBHOOK_SECRET が一致していません。",
        lastAccepted: "最後に処理した Webhook",
        lastEvent: "最後のイベント",
        unfinishedCount: "処理待ち・失敗（自動で再処理）",
        refusedCount: "拒否した件数（署名不正）",
        lastRefused: "最後に拒否した日時",
        never: "なし",
      },
    },
    order: {
      title: "KOMOJU",
      loadFailed: "KOMOJU の決済情報を読み込めませんでした",
      notices: {
        captured_after_cancel_refunded:
          "この注文のキャンセル後に KOMOJU が {{amount}} を売上確定しました（キャンセル処理中にお客様が支払いました）。自動で返金しました。",
        captured_after_cancel_needs_refund_request:
          "この注文のキャンセル後に、お客様が {{amount}} を現金で支払いました。現金払いは KOMOJU の API で返金できません。下の「口座へ返金」から、お客様の銀行口座への返金申請を KOMOJU に送ってください。返金はその後ここに自動で表示されます。",
      },
      paymentId: "KOMOJU 決済 ID",
      sessionId: "KOMOJU セッション ID",
      method: "決済方法",
      card: "カード",
      store: "コンビニ",
      stores: {
        "seven-eleven": "セブン-イレブン",
        lawson: "ローソン",
        "family-mart": "ファミリーマート",
        ministop: "ミニストップ",
        "daily-yamazaki": "デイリーヤマザキ",
        seicomart: "セイコーマート",
      },
      receipt: "受付番号",
      confirmationCode: "確認番号",
      bankAccount: "振込先口座",
      transferReference: "振込依頼人番号",
      payEasyNumbers: "収納機関番号 / お客様番号 / 確認番号",
      deadline: "支払期限",
      instructions: "お支払い方法の案内",
      openInstructions: "開く",
      amount: "金額",
      komojuStatus: "KOMOJU のステータス",
      medusaStatus: "Medusa のステータス",
      medusaStatuses: {
        awaiting: "入金待ち",
        authorized: "仮売上",
        captured: "売上確定",
        canceled: "キャンセル済み",
      },
      komojuStatuses: {
        pending: "保留中",
        authorized: "仮売上",
        captured: "売上確定",
        refunded: "返金済み",
        cancelled: "キャンセル済み",
        expired: "期限切れ",
        failed: "失敗",
      },
      cashAwaiting: "受付済み・支払い待ち",
      refunds: "返金",
      noRefunds: "なし",
      openDashboard: "KOMOJU で開く",
      capture: "売上確定",
      cancel: "注文をキャンセル",
      captureTitle: "この決済を売上確定しますか？",
      captureDescription: "KOMOJU がお客様のカードに {{amount}} を請求します。",
      captureConfirm: "売上確定",
      cancelTitle: "この注文をキャンセルしますか？",
      cancelDescription:
        "Medusa が注文をキャンセルし、KOMOJU が {{amount}} のカード仮売上を取り消します。元に戻せません。",
      cancelConfirm: "注文をキャンセル",
      back: "戻る",
      captured: "売上を確定しました",
      canceled: "注文をキャンセルし、仮売上を取り消しました",
      actionFailed: "KOMOJU で処理できませんでした",
      refundRequest: refundRequestJa,
    },
    customer: customerJa,
  },
}

/** Every key, dotted: "komoju.settings.save", … */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`
}[keyof T & string]
export type TranslationKey = Leaves<typeof en>

export default {
  en: { translation: en },
  ja: { translation: ja },
}
