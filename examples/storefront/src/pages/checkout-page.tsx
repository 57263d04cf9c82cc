import { AddressForm } from "../checkout/address-form"
import { DeliveryOptions } from "../checkout/delivery-options"
import { KomojuPayButton } from "../checkout/komoju-pay-button"
import { LineItemList } from "../components/line-item-list"
import { TotalsTable } from "../components/totals"
import { useI18n } from "../i18n/i18n"
import { Link } from "../router"
import { useShop } from "../shop/shop-context"

export function CheckoutPage() {
  const { t } = useI18n()
  const { cart } = useShop()

  if (!cart?.items?.length) {
    return (
      <section className="empty" data-testid="cart-empty">
        <h1>{t.checkoutTitle}</h1>
        <p>{t.cartEmpty}</p>
        <Link to="/" className="button">
          {t.continueShopping}
        </Link>
      </section>
    )
  }

  return (
    <section>
      <h1>{t.checkoutTitle}</h1>
      <div className="two-columns">
        <div className="steps">
          <div className="panel">
            <h2>{t.contactStep}</h2>
            {/* A new region brings other countries: start the address over. */}
            <AddressForm key={cart.region_id} cart={cart} />
          </div>
          <div className="panel">
            <h2>{t.deliveryStep}</h2>
            <DeliveryOptions cart={cart} />
          </div>
          <div className="panel">
            <h2>{t.paymentStep}</h2>
            <KomojuPayButton cart={cart} />
          </div>
        </div>
        <aside className="panel" data-testid="checkout-summary">
          <h2>{t.orderSummary}</h2>
          <LineItemList items={cart.items} currencyCode={cart.currency_code} />
          <TotalsTable totals={cart} prefix="checkout" />
        </aside>
      </div>
    </section>
  )
}
