import { ErrorNotice } from "../components/error-notice"
import { LineItemList } from "../components/line-item-list"
import { TotalsTable } from "../components/totals"
import { countryName } from "../format"
import { useI18n } from "../i18n/i18n"
import type { TextKey } from "../i18n/messages"
import { Link } from "../router"
import { komojuInstructions, paymentState, retrieveOrder, type PaymentState } from "../shop/orders"
import { useLoad } from "../use-load"
import { PaymentInstructions } from "../components/payment-instructions"

const STATUS_TEXT: Record<PaymentState, TextKey> = {
  paid: "statusPaid",
  awaiting: "statusAwaiting",
  refunded: "statusRefunded",
  cancelled: "statusCancelled",
}

/** /orders/:id — the confirmation, read from Medusa so that a reload shows it again. */
export function OrderPage({ orderId }: { orderId: string }) {
  const { locale, t } = useI18n()
  const loaded = useLoad(() => retrieveOrder(orderId), [orderId])

  if (loaded.error) return <ErrorNotice error={loaded.error} />
  if (!loaded.data) return <p className="muted">{t.loading}</p>

  const order = loaded.data
  const state = paymentState(order)
  const instructions = komojuInstructions(order)
  const paymentType = instructions.paymentType
  const address = order.shipping_address

  return (
    <section className="order" data-testid="order-confirmation">
      <div className="order-hero">
        <span className="order-check" aria-hidden="true">
          ✓
        </span>
        <div>
          <h1>{t.thankYou}</h1>
          <p className="muted">{order.email}</p>
        </div>
      </div>

      <dl className="facts">
        <div>
          <dt>{t.orderNumber}</dt>
          <dd className="order-number" data-testid="order-display-id">
            #{order.display_id}
          </dd>
        </div>
        <div>
          <dt>{t.paymentStatus}</dt>
          <dd>
            <span className={`pill pill-${state}`} data-testid="order-status" data-status={state}>
              {t[STATUS_TEXT[state]]}
            </span>
          </dd>
        </div>
        {paymentType && (
          <div>
            <dt>{t.paymentMethod}</dt>
            <dd data-testid="order-payment-method" data-value={paymentType}>
              {t.paymentTypes[paymentType] ?? paymentType}
            </dd>
          </div>
        )}
        <div>
          <dt>{t.orderId}</dt>
          <dd className="mono small" data-testid="order-id">
            {order.id}
          </dd>
        </div>
      </dl>

      {state === "awaiting" && <PaymentInstructions instructions={instructions} />}

      <div className="two-columns">
        <div className="panel">
          <h2>{t.orderSummary}</h2>
          <LineItemList items={order.items ?? []} currencyCode={order.currency_code} />
          <TotalsTable totals={order} prefix="order" />
        </div>
        {address && (
          <div className="panel">
            <h2>{t.shipTo}</h2>
            <address data-testid="order-address">
              {locale === "ja" || locale === "ko"
                ? `${address.last_name} ${address.first_name}`
                : `${address.first_name} ${address.last_name}`}
              <br />
              {address.postal_code} {address.province} {address.city}
              <br />
              {address.address_1}
              <br />
              {countryName(address.country_code ?? "", locale)}
            </address>
          </div>
        )}
      </div>

      <Link to="/" className="button button-secondary" data-testid="continue-shopping">
        {t.continueShopping}
      </Link>
    </section>
  )
}
