import { useState } from "react"
import { ErrorNotice } from "../components/error-notice"
import { TotalsTable } from "../components/totals"
import { formatMoney } from "../format"
import { useI18n } from "../i18n/i18n"
import { Link } from "../router"
import { useShop } from "../shop/shop-context"

export function CartPage() {
  const { locale, t } = useI18n()
  const { cart, setQuantity, removeItem } = useShop()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  const change = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  if (!cart?.items?.length) {
    return (
      <section className="empty" data-testid="cart-empty">
        <h1>{t.cartTitle}</h1>
        <p>{t.cartEmpty}</p>
        <Link to="/" className="button">
          {t.continueShopping}
        </Link>
      </section>
    )
  }

  const money = (amount: number | null | undefined) => formatMoney(amount, cart.currency_code, locale)
  // Oldest first, so lines keep their place as quantities change.
  const items = [...cart.items].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))

  return (
    <section>
      <h1>{t.cartTitle}</h1>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="two-columns">
        <ul className="cart-items">
          {items.map((item) => (
            <li
              key={item.id}
              className="cart-item"
              data-testid="cart-item"
              data-line-id={item.id}
              data-sku={item.variant_sku}
            >
              <div>
                <div className="cart-item-title" data-testid="cart-item-title">
                  {item.product_title ?? item.title}
                </div>
                <div className="muted">{money(item.unit_price)}</div>
              </div>
              <div className="stepper">
                <button
                  type="button"
                  aria-label={t.decrease}
                  disabled={busy || item.quantity <= 1}
                  onClick={() => change(() => setQuantity(item.id, item.quantity - 1))}
                  data-testid="cart-item-decrease"
                >
                  −
                </button>
                <span data-testid="cart-item-quantity">{item.quantity}</span>
                <button
                  type="button"
                  aria-label={t.increase}
                  disabled={busy}
                  onClick={() => change(() => setQuantity(item.id, item.quantity + 1))}
                  data-testid="cart-item-increase"
                >
                  +
                </button>
              </div>
              <div className="cart-item-total" data-testid="cart-item-total">
                {money(item.total)}
              </div>
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => change(() => removeItem(item.id))}
                data-testid="cart-item-remove"
              >
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
        <aside className="panel">
          <TotalsTable totals={cart} prefix="cart" showShipping={Boolean(cart.shipping_methods?.length)} />
          {!cart.shipping_methods?.length && <p className="muted small">{t.shippingAtCheckout}</p>}
          <Link to="/checkout" className="button button-block" data-testid="go-to-checkout">
            {t.checkout}
          </Link>
        </aside>
      </div>
    </section>
  )
}
