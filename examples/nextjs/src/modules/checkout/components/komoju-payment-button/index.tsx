"use client"

import { sdk } from "@lib/config"
import type { HttpTypes } from "@medusajs/types"
import { startKomojuPayment, type KomojuLocale } from "medusa-payment-komoju/storefront"
import { useState } from "react"

type KomojuPaymentButtonProps = {
  cart: HttpTypes.StoreCart
  countryCode: string
  locale?: KomojuLocale
  "data-testid"?: string
}

/**
 * "Pay with KOMOJU": creates the cart's KOMOJU payment session and sends the shopper to
 * KOMOJU's hosted page. KOMOJU brings them back to /api/komoju/return, which places
 * the order. The cart id travels in the return URL because the starter's cart cookie is
 * SameSite=Strict and is not sent on KOMOJU's redirect back.
 */
export default function KomojuPaymentButton({ cart, countryCode, locale = "ja", ...rest }: KomojuPaymentButtonProps) {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const notReady = !cart.shipping_address || !cart.email || !cart.shipping_methods?.length

  const pay = async () => {
    setSubmitting(true)
    setError(null)
    try {
      const returnUrl = new URL("/api/komoju/return", window.location.origin)
      returnUrl.searchParams.set("cart_id", cart.id)
      returnUrl.searchParams.set("country_code", countryCode)
      const { sessionUrl } = await startKomojuPayment(sdk, cart, {
        returnUrl: returnUrl.toString(),
        locale,
      })
      window.location.assign(sessionUrl)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setSubmitting(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="w-full rounded-md bg-ui-button-inverted px-4 py-3 text-ui-fg-on-inverted disabled:opacity-50"
        disabled={notReady || submitting}
        onClick={pay}
        data-testid={rest["data-testid"] ?? "komoju-payment-button"}
      >
        {submitting ? "…" : locale === "ja" ? "KOMOJUで支払う" : "Pay with KOMOJU"}
      </button>
      {error && (
        <p className="pt-2 text-small-regular text-rose-500" data-testid="komoju-payment-error">
          {error}
        </p>
      )}
    </>
  )
}
