import type { CustomerView, Payment, RefundRequestView, RequestLogEntry, Sandbox, Session, WebhookLogEntry } from "../../sandbox/src"

/** The sandbox's control API, as a test drives it (what a shopper or KOMOJU's dashboard does). */
export class SandboxControl {
  constructor(readonly sandbox: Sandbox) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.sandbox.url}/_sandbox${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = await response.json()
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${JSON.stringify(json)}`)
    return json as T
  }

  configure(patch: Record<string, unknown>) {
    return this.call("PATCH", "/config", patch)
  }

  /** The shopper pays on the hosted page. */
  complete(
    komojuSessionId: string,
    choice: { payment_type: string; card_number?: string; month?: number; year?: number; store?: string; email?: string }
  ) {
    return this.call<{ session: Session; payment: Payment; redirect_url: string }>(
      "POST",
      `/sessions/${komojuSessionId}/complete`,
      choice
    )
  }

  /** "Back to merchant" on the hosted page. */
  back(komojuSessionId: string) {
    return this.call("POST", `/sessions/${komojuSessionId}/back`, {})
  }

  customerPays(paymentId: string) {
    return this.call<Payment>("POST", `/payments/${paymentId}/pay`, {})
  }

  expire(paymentId: string) {
    return this.call<Payment>("POST", `/payments/${paymentId}/expire`, {})
  }

  dashboardRefund(paymentId: string, amount: number) {
    return this.call<Payment>("POST", `/payments/${paymentId}/refund`, { amount })
  }

  /** The refund requests KOMOJU holds for a payment, with their amounts (the control API's view). */
  refundRequests(paymentId: string) {
    return this.call<RefundRequestView[]>("GET", `/refund_requests?payment=${encodeURIComponent(paymentId)}`)
  }

  /** KOMOJU's staff pay a refund request out: a refund on the payment, and its webhooks. */
  completeRefundRequest(id: string) {
    return this.call<Payment>("POST", `/refund_requests/${id}/complete`, {})
  }

  /** KOMOJU's staff refuse a refund request: no money moves. */
  rejectRefundRequest(id: string) {
    return this.call<Payment>("POST", `/refund_requests/${id}/reject`, {})
  }

  /** The customers KOMOJU holds (deleted ones are gone), oldest first. */
  customers() {
    return this.call<CustomerView[]>("GET", "/customers")
  }

  requests() {
    return this.call<RequestLogEntry[]>("GET", "/requests")
  }

  /**
   * The log less the plugin's scheduled refund sweep (`GET /payments?start_time=…`, a
   * listing every 15 minutes that falls into whichever test runs at the quarter hour):
   * the calls a test's own checkouts and deliveries caused.
   */
  async requestsBesidesSweep() {
    return (await this.requests()).filter((r) => !(r.method === "GET" && r.path === "/payments"))
  }

  clearRequests() {
    return this.call("DELETE", "/requests")
  }

  webhooks() {
    return this.call<WebhookLogEntry[]>("GET", "/webhooks")
  }

  payment(id: string) {
    return this.sandbox.payment(id)!
  }
}

/** Polls until `check` returns a truthy value (webhooks are processed asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value) return value
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ""}`)
}
