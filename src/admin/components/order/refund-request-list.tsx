import { StatusBadge, Text } from "@medusajs/ui"
import { formatDateTime, formatMinorUnits } from "../../lib/format"
import { useKomojuTranslation } from "../../lib/i18n"
import type { KomojuRefundRequestStatus, KomojuRefundRequestView } from "../../lib/types"
import { KeyValueRow } from "../key-value-row"

const STATUS_COLOR: Record<KomojuRefundRequestStatus, "orange" | "green" | "red" | "grey"> = {
  pending: "orange",
  completed: "green",
  rejected: "red",
  unknown: "grey",
}

/** The order's refund requests: amount, account (bank and last digits), KOMOJU's status, date. */
export function RefundRequestList({ requests }: { requests: KomojuRefundRequestView[] }) {
  const { t, locale } = useKomojuTranslation()
  if (!requests.length) return null
  return (
    <KeyValueRow label={t("komoju.order.refundRequest.list")} testId="komoju-order-refund-requests">
      <ul className="flex flex-col gap-y-2">
        {requests.map((request) => (
          <li key={request.id} data-testid={`komoju-order-refund-request-${request.id}`}>
            <div className="flex items-center gap-x-2">
              <Text size="small" weight="plus" leading="compact">
                {formatMinorUnits(request.amount, request.currency, locale)}
              </Text>
              <StatusBadge
                color={STATUS_COLOR[request.status] ?? "grey"}
                data-testid="komoju-order-refund-request-status"
                data-status={request.status}
              >
                {t(`komoju.order.refundRequest.statuses.${request.status}`)}
              </StatusBadge>
            </div>
            <Text size="xsmall" className="text-ui-fg-muted" data-testid="komoju-order-refund-request-account">
              {t("komoju.order.refundRequest.account", { bank: request.bank_name, digits: request.account_last_digits })}
              {" · "}
              {formatDateTime(request.created_at, locale)}
            </Text>
          </li>
        ))}
      </ul>
    </KeyValueRow>
  )
}
