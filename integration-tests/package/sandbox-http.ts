import type { Payment, Session, WebhookLogEntry } from "../../sandbox/src"

/**
 * The control API of a KOMOJU sandbox running in another process (the installed
 * package's `komoju-sandbox`), over HTTP: what the shopper does on the hosted page and at
 * the konbini counter, and the sandbox's log of webhook deliveries.
 */
export class SandboxHttp {
  constructor(readonly url: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/_sandbox${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = await response.json()
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
    return json as T
  }

  session(id: string) {
    return this.call<Session>("GET", `/sessions/${id}`)
  }

  /** The shopper pays on the hosted page. */
  async complete(komojuSessionId: string, choice: { payment_type: "credit_card" | "konbini"; store?: string }): Promise<Payment> {
    const { payment } = await this.call<{ payment: Payment }>("POST", `/sessions/${komojuSessionId}/complete`, choice)
    return payment
  }

  /** The customer pays the konbini slip at the counter. */
  customerPays(paymentId: string) {
    return this.call<Payment>("POST", `/payments/${paymentId}/pay`, {})
  }

  ping() {
    return this.call("POST", "/webhooks/ping", {})
  }

  webhooks(): Promise<WebhookLogEntry[]> {
    return this.call<WebhookLogEntry[]>("GET", "/webhooks")
  }
}
