import type { KomojuPaymentInstructions } from "../../../../src/storefront"
import { formatDeadline } from "../format"
import { useI18n } from "../i18n/i18n"

/** Konbini, bank transfer and Pay-easy: what the shopper needs at the counter or the bank. */
export function PaymentInstructions({ instructions }: { instructions: KomojuPaymentInstructions }) {
  const { locale, t } = useI18n()
  const { store, receipt, confirmationCode, bankTransfer, payEasy, paymentDeadline, instructionsUrl, paymentUrl } = instructions
  const bank = bankTransfer
  const account = bank && [bank.bankName, bank.branchName, bank.accountType, bank.accountNumber].filter(Boolean).join(" ")
  const fact = (label: string, value: string | undefined, testId: string, big = false) =>
    value ? (
      <div>
        <dt>{label}</dt>
        <dd className={big ? "mono big" : undefined} data-testid={testId}>
          {value}
        </dd>
      </div>
    ) : null

  return (
    <div className="instructions" data-testid="payment-instructions">
      <h2>{t.howToPay}</h2>
      <p>{t.howToPayIntro}</p>
      <dl className="facts">
        {store && (
          <div>
            <dt>{t.store}</dt>
            <dd data-testid="instructions-store" data-value={store}>
              {t.konbiniStores[store] ?? store}
            </dd>
          </div>
        )}
        {receipt && (
          <div>
            <dt>{t.receipt}</dt>
            <dd className="mono big" data-testid="instructions-receipt">
              {receipt}
            </dd>
          </div>
        )}
        {confirmationCode && (
          <div>
            <dt>{t.confirmationCode}</dt>
            <dd className="mono big" data-testid="instructions-confirmation-code">
              {confirmationCode}
            </dd>
          </div>
        )}
        {fact(t.bankAccount, account, "instructions-bank-account")}
        {fact(t.accountName, bank?.accountName, "instructions-account-name")}
        {fact(t.transferReference, bank?.reference, "instructions-transfer-reference", true)}
        {fact(t.payEasyBiller, payEasy?.billerNumber, "instructions-payeasy-biller", true)}
        {fact(t.payEasyCustomer, payEasy?.customerNumber, "instructions-payeasy-customer", true)}
        {fact(t.payEasyConfirmation, payEasy?.confirmationNumber, "instructions-payeasy-confirmation", true)}
        {paymentDeadline && (
          <div>
            <dt>{t.deadline}</dt>
            <dd data-testid="instructions-deadline" data-value={paymentDeadline}>
              {formatDeadline(paymentDeadline, locale)}
            </dd>
          </div>
        )}
      </dl>
      {paymentUrl && (
        <a href={paymentUrl} target="_blank" rel="noreferrer" className="button" data-testid="instructions-payment-url">
          {t.payEasyPay} ↗
        </a>
      )}
      {instructionsUrl && (
        <a
          href={instructionsUrl}
          target="_blank"
          rel="noreferrer"
          className="button button-secondary"
          data-testid="instructions-url"
        >
          {t.instructionsLink} ↗
        </a>
      )}
    </div>
  )
}
