import { formatMoney } from "../format"
import { useI18n } from "../i18n/i18n"

/** What a cart's and an order's line items have in common to list. */
type LineItem = {
  id: string
  title: string
  product_title?: string | null
  quantity: number
  total?: number | null
}

export function LineItemList({ items, currencyCode }: { items: LineItem[]; currencyCode: string }) {
  const { locale } = useI18n()
  return (
    <ul className="line-items">
      {items.map((item) => (
        <li key={item.id} data-testid="summary-item">
          <span>
            {item.product_title ?? item.title} <span className="muted">× {item.quantity}</span>
          </span>
          <span>{formatMoney(item.total, currencyCode, locale)}</span>
        </li>
      ))}
    </ul>
  )
}
