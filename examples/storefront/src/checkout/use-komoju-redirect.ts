import { useState } from "react"
import { startKomojuPayment, type CartLike } from "../../../../src/storefront"
import { useI18n } from "../i18n/i18n"
import { sdk } from "../medusa"

/** Where KOMOJU sends the shopper back, with `?session_id=…` appended. */
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
        returnUrl: new URL(KOMOJU_RETURN_PATH, window.location.origin).toString(),
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
