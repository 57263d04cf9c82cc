import { formatMoney } from "../format"
import { useI18n } from "../i18n/i18n"

/** What a cart and an order have in common to sum up. */
type Totals = {
  currency_code: string
  item_subtotal?: number | null
  shipping_subtotal?: number | null
  tax_total?: number | null
  total?: number | null
}

type TotalsTableProps = { totals: Totals; prefix: string; showShipping?: boolean }

/** `prefix` names the test ids: `cart-total`, `checkout-shipping`, `order-subtotal`… */
export function TotalsTable({ totals, prefix, showShipping = true }: TotalsTableProps) {
  const { locale, t } = useI18n()
  const money = (amount: number | null | undefined) => formatMoney(amount, totals.currency_code, locale)
  return (
    <dl className="totals" data-testid={`${prefix}-totals`}>
      <div>
        <dt>{t.subtotal}</dt>
        <dd data-testid={`${prefix}-subtotal`}>{money(totals.item_subtotal)}</dd>
      </div>
      {showShipping && (
        <div>
          <dt>{t.shipping}</dt>
          <dd data-testid={`${prefix}-shipping`}>{money(totals.shipping_subtotal)}</dd>
        </div>
      )}
      {Boolean(totals.tax_total) && (
        <div>
          <dt>{t.tax}</dt>
          <dd data-testid={`${prefix}-tax`}>{money(totals.tax_total)}</dd>
        </div>
      )}
      <div className="totals-grand">
        <dt>{t.total}</dt>
        <dd data-testid={`${prefix}-total`}>{money(totals.total)}</dd>
      </div>
    </dl>
  )
}
