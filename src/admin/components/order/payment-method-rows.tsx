import { findPaymentType } from "../../../lib/komoju/payment-types"
import { formatDateTime } from "../../lib/format"
import { useKomojuTranslation } from "../../lib/i18n"
import type { KomojuOrderPayment } from "../../lib/types"
import { KeyValueRow } from "../key-value-row"

/**
 * How the customer paid: the method, then what identifies the payment to a person:
 * card brand and last four, or the konbini chain, receipt and deadline the customer
 * was given. Only the details KOMOJU reported are shown.
 */
export function PaymentMethodRows({ payment }: { payment: KomojuOrderPayment }) {
  const { t, label, locale, nameLanguage } = useKomojuTranslation()
  const details = payment.payment_details
  const methodName = payment.payment_type
    ? (findPaymentType(payment.payment_type)?.name[nameLanguage] ?? payment.payment_type)
    : "-"
  return (
    <>
      <KeyValueRow label={t("komoju.order.method")} testId="komoju-order-method">
        {methodName}
      </KeyValueRow>
      {(details.brand || details.last_four_digits) && (
        <KeyValueRow label={t("komoju.order.card")} testId="komoju-order-card">
          <span className="capitalize">{details.brand}</span>
          {details.last_four_digits && <span className="font-mono"> •••• {details.last_four_digits}</span>}
        </KeyValueRow>
      )}
      {details.store && (
        <KeyValueRow label={t("komoju.order.store")} testId="komoju-order-store">
          {label("komoju.order.stores", details.store)}
        </KeyValueRow>
      )}
      {details.receipt && (
        <KeyValueRow label={t("komoju.order.receipt")} testId="komoju-order-receipt">
          <span className="font-mono">{details.receipt}</span>
        </KeyValueRow>
      )}
      {details.confirmation_code && (
        <KeyValueRow label={t("komoju.order.confirmationCode")} testId="komoju-order-confirmation-code">
          <span className="font-mono">{details.confirmation_code}</span>
        </KeyValueRow>
      )}
      {details.bank_name && (
        <KeyValueRow label={t("komoju.order.bankAccount")} testId="komoju-order-bank-account">
          {[details.bank_name, details.account_branch_name, details.account_type, details.account_number].filter(Boolean).join(" ")}
        </KeyValueRow>
      )}
      {details.order_id && (
        <KeyValueRow label={t("komoju.order.transferReference")} testId="komoju-order-transfer-reference">
          <span className="font-mono">{details.order_id}</span>
        </KeyValueRow>
      )}
      {details.customer_id && (
        <KeyValueRow label={t("komoju.order.payEasyNumbers")} testId="komoju-order-payeasy">
          <span className="font-mono">
            {[details.bank_id, details.customer_id, details.confirmation_id].filter(Boolean).join(" / ")}
          </span>
        </KeyValueRow>
      )}
      {details.payment_deadline && (
        <KeyValueRow label={t("komoju.order.deadline")} testId="komoju-order-deadline">
          {formatDateTime(details.payment_deadline, locale)}
        </KeyValueRow>
      )}
      {(details.instructions_url || details.payment_url) && (
        <KeyValueRow label={t("komoju.order.instructions")}>
          <a
            href={details.instructions_url ?? details.payment_url}
            target="_blank"
            rel="noreferrer"
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            data-testid="komoju-order-instructions"
          >
            {t("komoju.order.openInstructions")}
          </a>
        </KeyValueRow>
      )}
    </>
  )
}
