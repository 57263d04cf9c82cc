import { useState } from "react"
import { startKomojuPayment, type CartLike } from "../../../../src/storefront"
import { useI18n } from "../i18n/i18n"
import { sdk } from "../medusa"

/**
 * Where KOMOJU sends the shopper back (`?cart_id=…`, then KOMOJU appends `&session_id=…`).
 * The cart travels in the URL: KOMOJU's webhook may place the order first, and the shop
 * forgets a completed cart as soon as it sees one.
 */
export const KOMOJU_RETURN_PATH = "/checkout/komoju-return"

/**
 * Starts a KOMOJU session for the cart (a new one each time, which is also how a
 * cancelled or declined payment is retried) and leaves for KOMOJU's hosted page, in the
 * shopper's language.
 */
export function useKomojuRedirect() {
  const { locale } = useI18n()
  const [redirecting, setRedirecting] = useState(false)
  const [error, setError] = useState<unknown>()

  const payWithKomoju = async (cart: CartLike) => {
    setRedirecting(true)
    setError(undefined)
    try {
      const { sessionUrl } = await startKomojuPayment(sdk, cart, {
        returnUrl: returnUrlFor(cart.id),
        locale,
      })
      // `redirecting` stays on: the button stays disabled while the browser leaves.
      window.location.assign(sessionUrl)
    } catch (failure) {
      setError(failure)
      setRedirecting(false)
    }
  }

  return { payWithKomoju, redirecting, error }
}

function returnUrlFor(cartId: string): string {
  const url = new URL(KOMOJU_RETURN_PATH, window.location.origin)
  url.searchParams.set("cart_id", cartId)
  return url.toString()
}
