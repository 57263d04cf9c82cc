import { useState } from "react"
import {
  payWithSavedMethod,
  startKomojuPayment,
  type CartLike,
  type KomojuSavedMethod,
  type StartedKomojuPayment,
} from "../../../../src/storefront"
import { expectSavedMethod } from "../account/expected-save"
import { useI18n } from "../i18n/i18n"
import { sdk } from "../medusa"

/**
 * Where KOMOJU sends the shopper back (`?cart_id=…`, then KOMOJU appends `&session_id=…`).
 * The cart travels in the URL: KOMOJU's webhook may place the order first, and the shop
 * forgets a completed cart as soon as it sees one.
 */
export const KOMOJU_RETURN_PATH = "/checkout/komoju-return"

/** The shopper asked to save the method they pay with; `listedBefore` are those saved already. */
export type SaveRequest = { listedBefore: KomojuSavedMethod[] }

/**
 * Starts a KOMOJU session for the cart (a new one each time, which is also how a
 * cancelled or declined payment is retried) and leaves for KOMOJU's hosted page, in the
 * shopper's language: with every method the store offers, or with a saved card or
 * PayPay preselected (one-click).
 */
export function useKomojuRedirect() {
  const { locale } = useI18n()
  const [redirecting, setRedirecting] = useState(false)
  const [error, setError] = useState<unknown>()

  const leaveFor = async (start: () => Promise<StartedKomojuPayment>, save?: SaveRequest) => {
    setRedirecting(true)
    setError(undefined)
    try {
      const { sessionUrl } = await start()
      if (save) expectSavedMethod(save.listedBefore)
      // `redirecting` stays on: the buttons stay disabled while the browser leaves.
      window.location.assign(sessionUrl)
    } catch (failure) {
      setError(failure)
      setRedirecting(false)
    }
  }

  const payWithKomoju = (cart: CartLike, save?: SaveRequest) =>
    leaveFor(
      () => startKomojuPayment(sdk, cart, { returnUrl: returnUrlFor(cart.id), locale, savePaymentMethod: Boolean(save) }),
      save
    )

  const payWithSaved = (cart: CartLike, savedMethodId: string) =>
    leaveFor(() => payWithSavedMethod(sdk, cart, savedMethodId, { returnUrl: returnUrlFor(cart.id), locale }))

  return { payWithKomoju, payWithSaved, redirecting, error }
}

function returnUrlFor(cartId: string): string {
  const url = new URL(KOMOJU_RETURN_PATH, window.location.origin)
  url.searchParams.set("cart_id", cartId)
  return url.toString()
}
