import { useState } from "react"
import { useAccount } from "../account/account-context"
import { useSavedMethods } from "../account/use-saved-methods"
import { ErrorNotice } from "../components/error-notice"
import { useI18n } from "../i18n/i18n"
import type { Cart } from "../medusa-types"
import { Link } from "../router"
import { SaveMethodCheckbox, SavedMethodButtons } from "./saved-method-choice"
import { useKomojuRedirect } from "./use-komoju-redirect"

/**
 * "Pay with KOMOJU": the shopper picks card, konbini, PayPay… on KOMOJU's page, so the
 * shop has no payment form of its own. A signed-in customer can also pay in one click
 * with a saved card or PayPay, or save the one they pay with now. Ready once the cart
 * has what Medusa needs to place the order.
 */
export function KomojuPayButton({ cart }: { cart: Cart }) {
  const { t } = useI18n()
  const { customer } = useAccount()
  const saved = useSavedMethods()
  const { payWithKomoju, payWithSaved, redirecting, error } = useKomojuRedirect()
  const [save, setSave] = useState(false)
  const ready = Boolean(cart.email && hasFullAddress(cart) && cart.shipping_methods?.length)

  return (
    <div className="pay" data-testid="komoju-payment" data-saved-methods={saved.methods?.length}>
      {saved.methods?.length ? (
        <SavedMethodButtons
          methods={saved.methods}
          disabled={!ready || redirecting}
          onPay={(method) => payWithSaved(cart, method.id)}
        />
      ) : null}
      <p>{t.paymentIntro}</p>
      {customer ? (
        <SaveMethodCheckbox checked={save} onChange={setSave} />
      ) : (
        <p className="muted small">
          <Link to="/account" data-testid="sign-in-to-save">
            {t.signInToSave}
          </Link>
        </p>
      )}
      <button
        type="button"
        className="button button-pay"
        disabled={!ready || redirecting}
        onClick={() => payWithKomoju(cart, save ? { listedBefore: saved.methods ?? [] } : undefined)}
        data-testid="pay-with-komoju"
      >
        {redirecting ? t.redirecting : t.payWithKomoju}
      </button>
      {!ready && <p className="muted small">{t.paymentNotReady}</p>}
      {error ? <ErrorNotice error={error} /> : null}
      {saved.error ? <ErrorNotice error={saved.error} /> : null}
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
