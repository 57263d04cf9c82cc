import { ErrorNotice } from "../components/error-notice"
import { useI18n } from "../i18n/i18n"
import type { Cart } from "../medusa-types"
import { useKomojuRedirect } from "./use-komoju-redirect"

/**
 * "Pay with KOMOJU": the shopper picks card, konbini, PayPay… on KOMOJU's page, so the
 * shop has no payment form of its own. Ready once the cart has what Medusa needs to
 * place the order.
 */
export function KomojuPayButton({ cart }: { cart: Cart }) {
  const { t } = useI18n()
  const { payWithKomoju, redirecting, error } = useKomojuRedirect()
  const ready = Boolean(cart.email && hasFullAddress(cart) && cart.shipping_methods?.length)

  return (
    <div className="pay">
      <p>{t.paymentIntro}</p>
      <button
        type="button"
        className="button button-pay"
        disabled={!ready || redirecting}
        onClick={() => payWithKomoju(cart)}
        data-testid="pay-with-komoju"
      >
        {redirecting ? t.redirecting : t.payWithKomoju}
      </button>
      {!ready && <p className="muted small">{t.paymentNotReady}</p>}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  )
}

/**
 * Not just any address: when the region changes, Medusa keeps a bare `{ country_code }`
 * in its place, which the shopper has to fill in again.
 */
function hasFullAddress(cart: Cart): boolean {
  const address = cart.shipping_address
  return Boolean(
    address?.first_name && address.last_name && address.address_1 && address.city && address.postal_code
  )
}
