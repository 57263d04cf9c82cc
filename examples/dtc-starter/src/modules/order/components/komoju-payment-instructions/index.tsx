import { sdk } from "@lib/config"
import { getAuthHeaders } from "@lib/data/cookies"
import { getLocale } from "@lib/data/locale-actions"
import { formatKomojuDeadline, komojuLanguage, komojuMessages } from "@lib/komoju/messages"
import { HttpTypes } from "@medusajs/types"
import { Heading, Text } from "@modules/common/components/ui"
import { paymentInstructions } from "medusa-payment-komoju/storefront"

const PAID = ["captured", "authorized", "partially_captured", "partially_authorized", "partially_refunded", "refunded"]

/**
 * Konbini, bank transfer and Pay-easy orders are placed before the shopper pays: this
 * shows what to pay with (store and receipt number, the account to transfer to, Pay-easy
 * numbers) and by when. It renders nothing for other orders, and once the order is paid.
 *
 * Medusa leaves payment sessions out of an order unless asked (the starter's
 * retrieveOrder does not), so the component reads them itself.
 */
export default async function KomojuPaymentInstructions({ order }: { order: HttpTypes.StoreOrder }) {
  const withSessions = await sdk.store.order
    .retrieve(order.id, { fields: "id,payment_status,+payment_collections.payment_sessions.*" }, await getAuthHeaders())
    .then(({ order }) => order)
    .catch(() => null)
  const session = withSessions?.payment_collections
    ?.flatMap((collection) => collection.payment_sessions ?? [])
    .find((s) => s.provider_id.startsWith("pp_komoju_"))
  if (!session || PAID.includes(withSessions?.payment_status ?? "")) return null

  const instructions = paymentInstructions(session.data)
  const { store, receipt, confirmationCode, bankTransfer: bank, payEasy, paymentDeadline, instructionsUrl, paymentUrl } =
    instructions
  if (!receipt && !bank && !payEasy && !paymentUrl) return null

  const language = komojuLanguage(await getLocale())
  const t = komojuMessages[language]
  const account = bank && [bank.bankName, bank.branchName, bank.accountType, bank.accountNumber].filter(Boolean).join(" ")
  const facts: [string, string | undefined, string][] = [
    [t.store, store && (t.konbiniStores[store] ?? store), "komoju-store"],
    [t.receipt, receipt, "komoju-receipt"],
    [t.confirmationCode, confirmationCode, "komoju-confirmation-code"],
    [t.bankAccount, account, "komoju-bank-account"],
    [t.accountName, bank?.accountName, "komoju-account-name"],
    [t.transferReference, bank?.reference, "komoju-transfer-reference"],
    [t.payEasyBiller, payEasy?.billerNumber, "komoju-payeasy-biller"],
    [t.payEasyCustomer, payEasy?.customerNumber, "komoju-payeasy-customer"],
    [t.payEasyConfirmation, payEasy?.confirmationNumber, "komoju-payeasy-confirmation"],
    [t.deadline, paymentDeadline && formatKomojuDeadline(paymentDeadline, language), "komoju-deadline"],
  ]

  return (
    <div className="flex flex-col gap-y-4" data-testid="komoju-payment-instructions">
      <Heading level="h2" className="flex flex-row text-3xl-regular">
        {t.howToPay}
      </Heading>
      <Text className="txt-medium text-ui-fg-subtle">
        <span className="font-medium" data-testid="komoju-payment-type">
          {t.paymentTypes[instructions.paymentType ?? ""] ?? instructions.paymentType}
        </span>{" "}
        · <span data-testid="komoju-payment-status">{t.awaiting}</span>
      </Text>
      <Text className="txt-medium text-ui-fg-subtle">{t.howToPayIntro}</Text>
      <dl className="grid grid-cols-1 small:grid-cols-2 gap-4">
        {facts.map(([label, value, testId]) =>
          value ? (
            <div key={testId}>
              <dt className="txt-medium-plus text-ui-fg-base">{label}</dt>
              <dd className="txt-medium text-ui-fg-subtle font-mono text-lg" data-testid={testId}>
                {value}
              </dd>
            </div>
          ) : null
        )}
      </dl>
      {paymentUrl && (
        <a href={paymentUrl} target="_blank" rel="noreferrer" className="underline" data-testid="komoju-payment-url">
          {t.payEasyPay} ↗
        </a>
      )}
      {instructionsUrl && (
        <a href={instructionsUrl} target="_blank" rel="noreferrer" className="underline" data-testid="komoju-instructions-url">
          {t.instructionsLink} ↗
        </a>
      )}
    </div>
  )
}
