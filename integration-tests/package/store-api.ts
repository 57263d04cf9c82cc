/**
 * A storefront and a store admin, as plain HTTP against a Medusa app in another process
 * (no js-sdk, nothing of this repository's source): the store API for the shopper, the
 * admin API to read what the order ended as.
 */
import { TOKYO_ADDRESS } from "../helpers/address"

export type SeededStore = { regionId: string; variantId: string; publishableKey: string }

export type OrderPayment = { id: string; status: string; payment_status: string }

async function call<T>(url: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`)
  return JSON.parse(text) as T
}

export class StoreShopper {
  private readonly headers: Record<string, string>

  constructor(private readonly url: string, private readonly store: SeededStore) {
    this.headers = { "x-publishable-api-key": store.publishableKey }
  }

  private call<T>(method: string, path: string, body?: unknown) {
    return call<T>(this.url, method, path, this.headers, body)
  }

  /** A cart with one item, an address and the shipping option, ready to pay. */
  async fillCart(email: string): Promise<string> {
    const { cart } = await this.call<{ cart: { id: string } }>("POST", "/store/carts", { region_id: this.store.regionId, email })
    await this.call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: this.store.variantId, quantity: 1 })
    await this.call("POST", `/store/carts/${cart.id}`, { shipping_address: TOKYO_ADDRESS, billing_address: TOKYO_ADDRESS })
    const { shipping_options } = await this.call<{ shipping_options: { id: string }[] }>(
      "GET",
      `/store/shipping-options?cart_id=${cart.id}`
    )
    if (!shipping_options.length) throw new Error(`cart ${cart.id}: no shipping option`)
    await this.call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
    return cart.id
  }

  /**
   * The payment step as Medusa's starters send it: a payment collection, then a session
   * with the KOMOJU provider and no data (the provider's `returnUrl` option applies).
   * Resolves with the KOMOJU session the shopper is sent to.
   */
  async startKomojuPayment(cartId: string): Promise<{ komojuSessionId: string; sessionUrl: string }> {
    const { payment_collection } = await this.call<{ payment_collection: { id: string } }>("POST", "/store/payment-collections", {
      cart_id: cartId,
    })
    const { payment_collection: withSession } = await this.call<{
      payment_collection: { payment_sessions: { provider_id: string; data: Record<string, unknown> }[] }
    }>("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_komoju_komoju" })
    const session = withSession.payment_sessions.find((s) => s.provider_id === "pp_komoju_komoju")
    if (typeof session?.data.komoju_session_id !== "string" || typeof session.data.session_url !== "string") {
      throw new Error(`cart ${cartId}: the payment session has no KOMOJU session: ${JSON.stringify(session?.data)}`)
    }
    return { komojuSessionId: session.data.komoju_session_id, sessionUrl: session.data.session_url }
  }

  /** Back on the shop: completing the cart places the order. */
  async complete(cartId: string): Promise<string> {
    const result = await this.call<{ type: string; order?: { id: string }; error?: unknown }>("POST", `/store/carts/${cartId}/complete`)
    if (result.type !== "order" || !result.order) throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(result)}`)
    return result.order.id
  }
}

export class StoreAdmin {
  private constructor(private readonly url: string, private readonly headers: Record<string, string>) {}

  static async login(url: string, credentials: { email: string; password: string }): Promise<StoreAdmin> {
    const { token } = await call<{ token: string }>(url, "POST", "/auth/user/emailpass", {}, credentials)
    return new StoreAdmin(url, { authorization: `Bearer ${token}` })
  }

  get<T = Record<string, unknown>>(path: string): Promise<T> {
    return call<T>(this.url, "GET", path, this.headers)
  }

  async order(id: string): Promise<OrderPayment> {
    const { order } = await this.get<{ order: OrderPayment }>(`/admin/orders/${id}?fields=id,status,payment_status`)
    return order
  }
}
