import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Alert, Badge, Copy, StatusBadge, Text } from "@medusajs/ui"
import { findPaymentType } from "../../../lib/komoju/payment-types"
import { formatDateTime, formatMajorUnits, formatMinorUnits } from "../../lib/format"
import { useKomojuTranslation } from "../../lib/i18n"
import type { KomojuOrderPayment, MedusaPaymentStatus } from "../../lib/types"
import { KeyValueRow } from "../key-value-row"
import { Section } from "../section"
import { PaymentActions } from "./payment-actions"
import { PaymentMethodRows } from "./payment-method-rows"
import { RefundRequestDrawer } from "./refund-request-drawer"
import { RefundRequestList } from "./refund-request-list"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** KOMOJU's payment statuses (see src/lib/komoju/constants.ts), coloured like Medusa's. */
const KOMOJU_STATUS_COLOR: Record<string, BadgeColor> = {
  pending: "orange",
  authorized: "blue",
  captured: "green",
  refunded: "purple",
  cancelled: "grey",
  expired: "grey",
  failed: "red",
}

const MEDUSA_STATUS_COLOR: Record<MedusaPaymentStatus, BadgeColor> = {
  awaiting: "orange",
  authorized: "blue",
  captured: "green",
  canceled: "grey",
}

/**
 * For konbini, bank transfer and Pay-easy, KOMOJU's "authorized" means a receipt was
 * issued and the customer has yet to pay: saying "authorized" would suggest money held.
 */
function isAwaitingCash(payment: KomojuOrderPayment): boolean {
  return payment.komoju_status === "authorized" && !!findPaymentType(payment.payment_type ?? "")?.cash
}

type KomojuPaymentSectionProps = { orderId: string; payment: KomojuOrderPayment }

/** The KOMOJU side of an order, for the order page's side column. */
export function KomojuPaymentSection({ orderId, payment }: KomojuPaymentSectionProps) {
  const { t, label, locale } = useKomojuTranslation()
  const currency = payment.currency
  const awaitingCash = isAwaitingCash(payment)
  return (
    <Section
      title={t("komoju.order.title")}
      testId="komoju-order"
      aside={
        <>
          {payment.mode && (
            <Badge size="2xsmall" color={payment.mode === "live" ? "green" : "orange"} data-testid="komoju-order-mode">
              {payment.mode === "live" ? t("komoju.settings.mode.live") : t("komoju.settings.mode.test")}
            </Badge>
          )}
          {payment.dashboard_url && (
            <a
              href={payment.dashboard_url}
              target="_blank"
              rel="noreferrer"
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus flex items-center gap-x-1"
              data-testid="komoju-order-dashboard-link"
            >
              {t("komoju.order.openDashboard")}
              <ArrowUpRightOnBox />
            </a>
          )}
        </>
      }
    >
      {payment.notices.map((notice) => (
        <div key={notice.kind} className="px-6 pt-4">
          <Alert variant="warning" data-testid={`komoju-order-notice-${notice.kind}`}>
            {label("komoju.order.notices", notice.kind, { amount: formatMinorUnits(notice.amount, notice.currency, locale) }, notice.message)}
          </Alert>
        </div>
      ))}
      <div>
        <KeyValueRow label={t("komoju.order.paymentId")}>
          <IdWithCopy id={payment.komoju_payment_id} testId="komoju-order-payment-id" />
        </KeyValueRow>
        <KeyValueRow label={t("komoju.order.sessionId")}>
          <IdWithCopy id={payment.komoju_session_id} testId="komoju-order-session-id" />
        </KeyValueRow>
        <PaymentMethodRows payment={payment} />
        {payment.amount !== null && currency && (
          <KeyValueRow label={t("komoju.order.amount")} testId="komoju-order-amount">
            {formatMinorUnits(payment.amount, currency, locale)}
          </KeyValueRow>
        )}
        <KeyValueRow label={t("komoju.order.komojuStatus")}>
          {payment.komoju_status ? (
            <StatusBadge
              color={awaitingCash ? "orange" : (KOMOJU_STATUS_COLOR[payment.komoju_status] ?? "grey")}
              data-testid="komoju-order-komoju-status"
              data-status={payment.komoju_status}
            >
              {awaitingCash
                ? t("komoju.order.cashAwaiting")
                : label("komoju.order.komojuStatuses", payment.komoju_status)}
            </StatusBadge>
          ) : (
            "-"
          )}
        </KeyValueRow>
        <KeyValueRow label={t("komoju.order.medusaStatus")}>
          <StatusBadge
            color={MEDUSA_STATUS_COLOR[payment.medusa_status]}
            data-testid="komoju-order-medusa-status"
            data-status={payment.medusa_status}
          >
            {t(`komoju.order.medusaStatuses.${payment.medusa_status}`)}
          </StatusBadge>
        </KeyValueRow>
        <KeyValueRow label={t("komoju.order.refunds")} testId="komoju-order-refunds">
          {payment.refunds.length === 0 ? (
            t("komoju.order.noRefunds")
          ) : (
            <ul className="flex flex-col gap-y-1">
              {payment.refunds.map((refund) => (
                <li key={refund.id} data-testid={`komoju-order-refund-${refund.id}`}>
                  <Text size="small" weight="plus" leading="compact">
                    {currency ? formatMajorUnits(refund.amount, currency, locale) : refund.amount}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {formatDateTime(refund.created_at, locale)}
                    {refund.note ? ` · ${refund.note}` : ""}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </KeyValueRow>
        <RefundRequestList requests={payment.refund_requests} />
      </div>
      {payment.can_request_refund && (
        <div className="flex items-center justify-end px-6 py-4">
          <RefundRequestDrawer orderId={orderId} payment={payment} />
        </div>
      )}
      <PaymentActions orderId={orderId} payment={payment} />
    </Section>
  )
}

function IdWithCopy({ id, testId }: { id: string | null; testId: string }) {
  if (!id) return <span data-testid={testId}>-</span>
  return (
    <span className="flex items-center gap-x-1">
      <span className="truncate font-mono" data-testid={testId} title={id}>
        {id}
      </span>
      <Copy content={id} variant="mini" className="shrink-0" />
    </span>
  )
}
