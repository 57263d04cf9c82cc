import { sdk } from "@lib/config"
import { getCacheTag } from "@lib/data/cookies"
import { completeKomojuCheckout, readKomojuReturn, type KomojuCheckoutResult } from "medusa-payment-komoju/storefront"
import { revalidateTag } from "next/cache"

export const dynamic = "force-dynamic"

type WithCountry = { shipping_address?: { country_code?: string | null } | null }

/**
 * GET /api/komoju/return?cart_id=…&session_id=… — where KOMOJU sends the shopper back.
 * Completes the cart (Medusa asks KOMOJU how the payment went), then sends the shopper
 * on: to the order confirmation when paid, or placed and awaiting cash (konbini, bank
 * transfer, Pay-easy: the confirmation shows what to pay with); otherwise back to the
 * review step with `?komoju=cancelled|failed|pending`, where the KOMOJU button says why
 * and offers to pay again. Safe to hit twice: when KOMOJU's webhook placed the order
 * first, Medusa returns it.
 *
 * The cart id comes from the URL: the starter's cart cookie is SameSite=Strict, and
 * browsers send no Strict cookie on KOMOJU's cross-site redirect back, nor on redirects
 * that follow it. So the shopper is sent on by the page below, a navigation of the
 * storefront's own, which carries the cookie to the checkout again.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const { komojuSessionId, cartId } = readKomojuReturn(url)
  if (!cartId || !komojuSessionId) {
    return sendOn(new URL("/", url))
  }

  let result: KomojuCheckoutResult | undefined
  try {
    result = await completeKomojuCheckout(sdk, cartId)
  } catch {
    // KOMOJU's webhook still places the order if the shopper paid.
  }
  await forgetCached("carts")

  if (result?.status === "paid" || result?.status === "awaiting_payment") {
    await forgetCached("orders")
    const country = countryOf(result.order as WithCountry)
    return sendOn(new URL(`${country}/order/${result.order.id}/confirmed`, url), { forgetCart: true })
  }
  const { cart } = await sdk.store.cart
    .retrieve(cartId, { fields: "id,shipping_address.country_code" })
    .catch(() => ({ cart: null }))
  const back = new URL(`${countryOf(cart as WithCountry | null)}/checkout`, url)
  back.searchParams.set("step", "review")
  back.searchParams.set("komoju", result?.status ?? "pending")
  return sendOn(back)
}

/** "/jp", or "" (the starter's middleware then adds the region's country). */
function countryOf(entity: WithCountry | null | undefined): string {
  const code = entity?.shipping_address?.country_code?.toLowerCase()
  return code ? `/${code}` : ""
}

async function forgetCached(tag: string) {
  const cacheTag = await getCacheTag(tag)
  if (cacheTag) revalidateTag(cacheTag)
}

function sendOn(to: URL, { forgetCart = false } = {}): Response {
  const href = to.toString()
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0;url=${escapeHtml(href)}"><script>location.replace(${JSON.stringify(href).replace(/</g, "\\u003c")})</script></head><body></body></html>`
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" })
  // The cart became an order: forget it, as the starter's placeOrder does.
  if (forgetCart) headers.append("Set-Cookie", "_medusa_cart_id=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
  return new Response(html, { status: 200, headers })
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
}
