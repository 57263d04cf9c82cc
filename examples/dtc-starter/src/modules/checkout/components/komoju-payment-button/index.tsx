"use client"

import { initiatePaymentSession } from "@lib/data/cart"
import { isKomojuOutcome, komojuLanguage, komojuMessages, type KomojuOutcome } from "@lib/komoju/messages"
import { HttpTypes } from "@medusajs/types"
import { Button } from "@modules/common/components/ui"
import { startKomojuPayment } from "medusa-payment-komoju/storefront"
import { useEffect, useState } from "react"

export const isKomoju = (providerId?: string) => Boolean(providerId?.startsWith("pp_komoju_"))

type KomojuPaymentButtonProps = {
  cart: HttpTypes.StoreCart
  notReady?: boolean
  "data-testid"?: string
}

/**
 * The review step's button for KOMOJU: sends the shopper to KOMOJU's hosted page, where
 * they pay by card, konbini, bank transfer, PayPay… KOMOJU brings them back to
 * /api/komoju/return, which places the order.
 *
 * The payment step already made the KOMOJU session (the provider's `returnUrl` option
 * gives it the return route, with the cart id): the button goes to it. After a return
 * without an order (`?komoju=cancelled|failed|pending`), or when that session is over,
 * it asks Medusa for a new one, through the starter's own `initiatePaymentSession`.
 */
export default function KomojuPaymentButton({
  cart,
  notReady = false,
  "data-testid": dataTestId = "komoju-payment-button",
}: KomojuPaymentButtonProps) {
  const [outcome, setOutcome] = useState<KomojuOutcome | null>(null)
  const [language, setLanguage] = useState(komojuLanguage(null))
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const returned = new URLSearchParams(window.location.search).get("komoju")
    setOutcome(isKomojuOutcome(returned) ? returned : null)
    setLanguage(komojuLanguage(readCookie("_medusa_locale") ?? document.documentElement.lang))
  }, [])

  const t = komojuMessages[language]
  const session = cart.payment_collection?.payment_sessions?.find((s) => isKomoju(s.provider_id))
  const sessionUrl = session?.status === "pending" ? session.data?.session_url : undefined

  const pay = async () => {
    setSubmitting(true)
    setError(null)
    try {
      if (typeof sessionUrl === "string" && !outcome) {
        window.location.assign(sessionUrl)
        return
      }
      const returnUrl = new URL("/api/komoju/return", window.location.origin)
      returnUrl.searchParams.set("cart_id", cart.id)
      const started = await startKomojuPayment(
        { store: { payment: { initiatePaymentSession: (_cart, body) => initiatePaymentSession(cart, body) } } },
        cart,
        { returnUrl: returnUrl.toString(), locale: language, providerId: session?.provider_id }
      )
      window.location.assign(started.sessionUrl)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setSubmitting(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-4">
      {outcome && (
        <div
          className="rounded-md border border-orange-200 bg-orange-50 p-4"
          role="status"
          data-testid="komoju-outcome"
          data-outcome={outcome}
        >
          <p className="font-medium">{t.outcomes[outcome].title}</p>
          <p className="text-sm">{t.outcomes[outcome].body}</p>
          <a href="?step=payment" className="text-sm underline" data-testid="komoju-other-method">
            {t.otherMethod}
          </a>
        </div>
      )}
      <Button
        size="large"
        disabled={notReady}
        isLoading={submitting}
        onClick={pay}
        data-testid={dataTestId}
      >
        {t.payWithKomoju}
      </Button>
      {error && (
        <p className="text-sm text-rose-500" data-testid="komoju-payment-error">
          {error}
        </p>
      )}
    </div>
  )
}

function readCookie(name: string): string | undefined {
  const found = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`))
  return found ? decodeURIComponent(found.slice(name.length + 1)) : undefined
}
