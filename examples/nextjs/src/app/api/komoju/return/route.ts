import { sdk } from "@lib/config"
import { completeKomojuCheckout, readKomojuReturn } from "medusa-payment-komoju/storefront"

/**
 * GET /api/komoju/return?cart_id=…&country_code=…&session_id=… — where KOMOJU sends the
 * shopper back. Completes the cart (Medusa asks KOMOJU how the payment went) and sends
 * the shopper on: to the order confirmation when paid or awaiting cash (konbini, bank
 * transfer: the confirmation page shows the order), back to the payment step otherwise.
 * Safe to hit twice: when KOMOJU's webhook placed the order first, Medusa returns it.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const cartId = url.searchParams.get("cart_id")
  const countryCode = url.searchParams.get("country_code") ?? "jp"
  const { komojuSessionId } = readKomojuReturn(url)
  if (!cartId || !komojuSessionId) {
    return Response.redirect(new URL(`/${countryCode}/cart`, url), 303)
  }

  const result = await completeKomojuCheckout(sdk, cartId)
  switch (result.status) {
    case "paid":
    case "awaiting_payment": {
      const confirmed = new URL(`/${countryCode}/order/${result.order.id}/confirmed`, url)
      return new Response(null, {
        status: 303,
        headers: {
          Location: confirmed.toString(),
          // The cart became an order: forget it, as the starter's placeOrder does.
          "Set-Cookie": "_medusa_cart_id=; Path=/; Max-Age=0; SameSite=Strict; HttpOnly",
        },
      })
    }
    default: {
      const back = new URL(`/${countryCode}/checkout`, url)
      back.searchParams.set("step", "payment")
      back.searchParams.set("komoju", result.status)
      return Response.redirect(back, 303)
    }
  }
}
