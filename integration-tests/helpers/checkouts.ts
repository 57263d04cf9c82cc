import type { MedusaContainer } from "@medusajs/framework/types"
import type { Payment } from "../../sandbox/src"
import type { DemoStore } from "../../scripts/demo/seed"
import { orderOfCart, type OrderState } from "./medusa-state"
import type { SandboxControl } from "./sandbox-control"
import type { Shopper } from "./shopper"

export type CheckoutKind = "card" | "card_manual" | "konbini_paid" | "konbini_expired" | "dashboard_refund"

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
      container: () => MedusaContainer
      api: AdminApi
      admin: { headers: Record<string, string> }
      shopper: Shopper
      komoju: SandboxControl
      store: DemoStore
    }
  ) {}

  order(cartId: string): Promise<OrderState | undefined> {
    return orderOfCart(this.deps.container(), this.deps.api, this.deps.admin, cartId)
  }

  /** The shopper pays on KOMOJU's page; with `returned`, they come back and complete the cart. */
  async pay(kind: CheckoutKind, returned: boolean): Promise<Checkout> {
    const { shopper, komoju, store } = this.deps
    const cart = await shopper.fillCart(store.regions.jp, [{ handle: "matcha", quantity: 1 }])
    const started = await shopper.startPayment(cart.id)
    const paymentType = kind.startsWith("konbini") ? "konbini" : "credit_card"
    const { payment } = await komoju.complete(started.komojuSessionId, { payment_type: paymentType })
    if (returned || kind === "card_manual") await shopper.completeCheckout(cart.id)
    return { kind, cartId: cart.id, komojuSessionId: started.komojuSessionId, komojuPaymentId: payment.id, returned }
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
  async verify(checkout: Checkout): Promise<string | undefined> {
    const order = await this.order(checkout.cartId)
    const payment: Payment = this.deps.komoju.payment(checkout.komojuPaymentId)
    if (!order) return "no order"
    if (checkout.kind === "konbini_expired") {
      return order.status === "canceled" && payment.status === "expired" ? undefined : `order ${order.status}, KOMOJU ${payment.status}`
    }
    const captures = order.payments.flatMap((p) => p.captures ?? [])
    if (captures.length !== 1) return `${captures.length} captures in Medusa`
    if (payment.status !== "captured" && payment.status !== "refunded") return `KOMOJU payment ${payment.status}`
    const medusaRefunds = order.payments.flatMap((p) => p.refunds.map((r) => Number(r.amount))).sort((a, b) => a - b)
    const komojuRefunds = payment.refunds.map((r) => r.amount).sort((a, b) => a - b)
    if (JSON.stringify(medusaRefunds) !== JSON.stringify(komojuRefunds)) {
      return `Medusa refunds ${JSON.stringify(medusaRefunds)}, KOMOJU refunds ${JSON.stringify(komojuRefunds)}`
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
