import type { MedusaContainer } from "@medusajs/framework/types"
import type { Payment } from "../../sandbox/src"
import type { DemoStore } from "../../scripts/demo/seed"
import { orderOfCart, type OrderState } from "./medusa-state"
import type { SandboxControl } from "./sandbox-control"
import type { Shopper } from "./shopper"

export type CheckoutKind = "card" | "card_manual" | "konbini_paid" | "konbini_expired" | "konbini_cancelled" | "dashboard_refund"

export type Checkout = {
  kind: CheckoutKind
  cartId: string
  komojuSessionId: string
  komojuPaymentId: string
  /** Whether the shopper came back and completed the cart themselves. */
  returned: boolean
}

type AdminApi = {
  get: (url: string, config: unknown) => Promise<{ data: { order: Record<string, any> } }>
  post: (url: string, body: unknown, config: unknown) => Promise<unknown>
}

/**
 * The checkouts of the fault suite, driven as people drive them: the shopper on the
 * storefront and KOMOJU's hosted page, the customer at the konbini, the admin in
 * Medusa and in KOMOJU's dashboard. `verify` says whether one ended as it must.
 */
export class Checkouts {
  constructor(
    private readonly deps: {
      /** The test's own Medusa; without it (Medusa in other processes) orders are found through the admin API. */
      container?: () => MedusaContainer
      api: AdminApi
      admin: { headers: Record<string, string> }
      shopper: Shopper
      komoju: SandboxControl
      store: DemoStore
    }
  ) {}

  order(cartId: string): Promise<OrderState | undefined> {
    return orderOfCart(this.deps.container?.(), this.deps.api, this.deps.admin, cartId)
  }

  /** The shopper pays on KOMOJU's page; with `returned`, they come back and complete the cart. */
  async pay(kind: CheckoutKind, returnedToShop: boolean): Promise<Checkout> {
    let returned = returnedToShop
    const { shopper, komoju, store } = this.deps
    const cart = await shopper.fillCart(store.regions.jp, [{ handle: "matcha", quantity: 1 }])
    // A held card authorization: the admin's capture mode applies to sessions created while it is set.
    if (kind === "card_manual") await this.deps.api.post("/admin/komoju/settings", { capture_mode: "manual" }, this.deps.admin)
    let started
    try {
      started = await shopper.startPayment(cart.id)
    } finally {
      if (kind === "card_manual") await this.deps.api.post("/admin/komoju/settings", { capture_mode: null }, this.deps.admin)
    }
    const paymentType = kind.startsWith("konbini") ? "konbini" : "credit_card"
    const { payment } = await komoju.complete(started.komojuSessionId, { payment_type: paymentType })
    if (kind === "card_manual") returned = true
    const checkout = { kind, cartId: cart.id, komojuSessionId: started.komojuSessionId, komojuPaymentId: payment.id, returned }
    if (returned) await this.completeAsShopper(checkout)
    return checkout
  }

  /** The shopper back on the shop: completing the cart places the order (or finds it placed). */
  async completeAsShopper(checkout: Checkout) {
    checkout.returned = true
    return this.deps.shopper.completeCheckout(checkout.cartId)
  }

  /** Medusa's refunds of the cart's order so far, in major units. */
  async medusaRefunded(cartId: string): Promise<number> {
    const order = await this.order(cartId)
    return (order?.payments ?? []).flatMap((p) => p.refunds).reduce((sum, r) => sum + Number(r.amount), 0)
  }

  /** What happens after payment: a capture in the admin, the counter, the deadline, a dashboard refund. */
  async followUp(checkout: Checkout): Promise<void> {
    const { komoju, api, admin } = this.deps
    switch (checkout.kind) {
      case "card_manual": {
        const order = await this.order(checkout.cartId)
        await api.post(`/admin/payments/${order!.payments[0].id}/capture`, {}, admin)
        return
      }
      case "konbini_paid":
        await komoju.customerPays(checkout.komojuPaymentId)
        return
      case "konbini_expired":
        await komoju.expire(checkout.komojuPaymentId)
        return
      case "dashboard_refund":
        await komoju.dashboardRefund(checkout.komojuPaymentId, 300)
        await komoju.dashboardRefund(checkout.komojuPaymentId, 200)
        return
      default:
        return
    }
  }

  /** Why a checkout did not end as it must, or undefined when it did. */
  async verify(checkout: Checkout, expectedRefunds?: number[]): Promise<string | undefined> {
    const order = await this.order(checkout.cartId)
    const payment: Payment = this.deps.komoju.payment(checkout.komojuPaymentId)
    if (!order) return "no order"
    const lapsed = { konbini_expired: "expired", konbini_cancelled: "cancelled" } as Partial<Record<CheckoutKind, string>>
    if (lapsed[checkout.kind]) {
      return order.status === "canceled" && payment.status === lapsed[checkout.kind] ? undefined : `order ${order.status}, KOMOJU ${payment.status}`
    }
    if (checkout.kind === "card_manual" && this.deps.komoju.sandbox.session(checkout.komojuSessionId)?.payment_data.capture !== "manual") {
      return "the card was not held for a manual capture"
    }
    const captures = order.payments.flatMap((p) => p.captures ?? [])
    if (captures.length !== 1) return `${captures.length} captures in Medusa`
    if (payment.status !== "captured" && payment.status !== "refunded") return `KOMOJU payment ${payment.status}`
    const medusaRefunds = order.payments.flatMap((p) => p.refunds.map((r) => Number(r.amount))).sort((a, b) => a - b)
    const komojuRefunds = payment.refunds.map((r) => r.amount).sort((a, b) => a - b)
    if (JSON.stringify(medusaRefunds) !== JSON.stringify(komojuRefunds)) {
      return `Medusa refunds ${JSON.stringify(medusaRefunds)}, KOMOJU refunds ${JSON.stringify(komojuRefunds)}`
    }
    if (expectedRefunds && JSON.stringify(medusaRefunds) !== JSON.stringify(expectedRefunds)) {
      return `refunds ${JSON.stringify(medusaRefunds)}, the admin asked for ${JSON.stringify(expectedRefunds)}`
    }
    return undefined
  }
}

/** A fixed-seed shuffle, so a failing order of deliveries can be replayed. */
export function shuffled<T>(items: T[], seed = 20261201): T[] {
  const out = [...items]
  let state = seed
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const j = state % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
