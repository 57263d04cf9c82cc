import { useEffect, useState, type ReactNode } from "react"
import { readKomojuReturn, type KomojuCheckoutResult } from "../../../../src/storefront"
import { completeCheckout } from "../checkout/complete-checkout"
import { useKomojuRedirect } from "../checkout/use-komoju-redirect"
import { ErrorNotice } from "../components/error-notice"
import { useI18n } from "../i18n/i18n"
import type { TextKey } from "../i18n/messages"
import { Link, navigate } from "../router"
import { storedCartId, useShop } from "../shop/shop-context"

type Unpaid = Extract<KomojuCheckoutResult, { status: "cancelled" | "failed" | "pending" }>

type PageState =
  | { status: "confirming" }
  | { status: "error"; error: unknown }
  | Unpaid

const UNPAID_TEXT: Record<Unpaid["status"], { title: TextKey; body: TextKey }> = {
  cancelled: { title: "cancelledTitle", body: "cancelledBody" },
  failed: { title: "failedTitle", body: "failedBody" },
  pending: { title: "pendingTitle", body: "pendingBody" },
}

/**
 * /checkout/komoju-return?cart_id=…&session_id=… — where KOMOJU sends the shopper back. Completing
 * the cart asks Medusa (which asks KOMOJU) how the payment went: paid and cash-awaiting
 * orders go on to their confirmation; a cancelled, declined or unfinished payment leaves
 * the cart open, and "try again" starts a fresh KOMOJU session for it.
 */
export function KomojuReturnPage() {
  const { t } = useI18n()
  const { forgetCart } = useShop()
  const { payWithKomoju, redirecting, error: retryError } = useKomojuRedirect()
  const komojuReturn = readKomojuReturn(window.location.href)
  const { komojuSessionId } = komojuReturn
  // Read once on landing, from the return URL first: KOMOJU's webhook may have placed the
  // order already, and the shop forgets a completed cart while this page confirms it.
  const [cartId] = useState(() => komojuReturn.cartId ?? storedCartId())
  const [state, setState] = useState<PageState>({ status: "confirming" })

  const confirm = async (id: string) => {
    setState({ status: "confirming" })
    try {
      const result = await completeCheckout(id)
      if (result.status === "paid" || result.status === "awaiting_payment") {
        forgetCart()
        navigate(`/orders/${result.order.id}`, { replace: true })
      } else {
        setState(result)
      }
    } catch (error) {
      setState({ status: "error", error })
    }
  }

  // Once per landing: completing is what places the order.
  useEffect(() => {
    if (komojuSessionId && cartId) confirm(cartId)
  }, [])

  if (!komojuSessionId || !cartId) {
    return (
      <ReturnPanel status="error" title={t.errorTitle}>
        <p data-testid="return-message">{komojuSessionId ? t.missingCartBody : t.missingSessionBody}</p>
        <Link to="/" className="button">
          {t.backToShop}
        </Link>
      </ReturnPanel>
    )
  }

  switch (state.status) {
    case "confirming":
      return (
        <ReturnPanel status="confirming" title={t.confirmingPayment}>
          <div className="spinner" aria-hidden="true" />
        </ReturnPanel>
      )
    case "error":
      return (
        <ReturnPanel status="error" title={t.errorTitle}>
          <ErrorNotice error={state.error} />
          <div className="actions">
            <button type="button" className="button" onClick={() => confirm(cartId)} data-testid="check-again">
              {t.checkAgain}
            </button>
            <Link to="/checkout" className="button button-secondary" data-testid="back-to-checkout">
              {t.backToCheckout}
            </Link>
          </div>
        </ReturnPanel>
      )
    default: {
      const text = UNPAID_TEXT[state.status]
      return (
        <ReturnPanel status={state.status} title={t[text.title]}>
          <p data-testid="return-message">{t[text.body]}</p>
          <details className="muted small">
            <summary>{t.details}</summary>
            <span data-testid="return-detail">{state.message}</span>
          </details>
          <div className="actions">
            <button
              type="button"
              className="button button-pay"
              disabled={redirecting}
              onClick={() => payWithKomoju(state.cart)}
              data-testid="retry-payment"
            >
              {redirecting ? t.redirecting : t.tryAgain}
            </button>
            {state.status === "pending" && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => confirm(cartId)}
                data-testid="check-again"
              >
                {t.checkAgain}
              </button>
            )}
            <Link to="/checkout" className="button button-secondary" data-testid="back-to-checkout">
              {t.backToCheckout}
            </Link>
          </div>
          {retryError ? <ErrorNotice error={retryError} /> : null}
        </ReturnPanel>
      )
    }
  }
}

function ReturnPanel({ status, title, children }: { status: string; title: string; children: ReactNode }) {
  return (
    <section className="panel return-panel" data-testid="komoju-return" data-status={status}>
      <h1 data-testid="return-title">{title}</h1>
      {children}
    </section>
  )
}
