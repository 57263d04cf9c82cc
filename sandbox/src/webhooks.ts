import { createHmac } from "node:crypto"
import { komojuTime } from "./clock"
import type { Clock } from "./clock"
import type { SandboxConfig } from "./config"
import { komojuId } from "./ids"
import type { Rng } from "./rng"
import type { Store } from "./store"
import type { EventType, KomojuEvent, Payment } from "./types"

export function signWebhook(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex")
}

/**
 * Sends KOMOJU's events to the merchant, as KOMOJU does: signed, at least once, retried
 * with backoff on anything but 2xx. Faults from the config can duplicate, reorder,
 * delay or drop deliveries, so a merchant's handling of each can be tested.
 */
export class WebhookDispatcher {
  private heldBack: KomojuEvent | null = null
  private pending = new Set<Promise<void>>()
  private closed = false

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly config: () => SandboxConfig,
    private readonly rng: Rng
  ) {}

  /** Records the event and sends it (payment snapshot taken now, as KOMOJU does). */
  emit(type: EventType, payment: Payment | null): KomojuEvent {
    const event: KomojuEvent = {
      id: komojuId(),
      type,
      resource: "event",
      data: payment ? structuredClone(payment) : {},
      created_at: komojuTime(this.clock.now()),
      reason: null,
    }
    this.store.events.push(event)
    this.store.save()
    this.schedule(event)
    return event
  }

  /** Resolves when every delivery under way (with its retries) is finished. */
  async idle(): Promise<void> {
    while (this.pending.size || this.heldBack) {
      if (!this.pending.size && this.heldBack) this.release()
      await Promise.allSettled([...this.pending])
    }
  }

  close() {
    this.closed = true
  }

  private schedule(event: KomojuEvent) {
    const { webhook, webhook_url } = this.config()
    if (!webhook_url) return
    if (this.rng.chance(webhook.reorder_rate) && !this.heldBack) {
      // Held until the next event has gone out: the two arrive in the wrong order.
      this.heldBack = event
      return
    }
    this.track(this.deliver(event))
    this.release()
  }

  private release() {
    const held = this.heldBack
    if (!held) return
    this.heldBack = null
    this.track(this.deliver(held))
  }

  private track(delivery: Promise<void>) {
    this.pending.add(delivery)
    void delivery.finally(() => this.pending.delete(delivery))
  }

  private async deliver(event: KomojuEvent) {
    const { webhook } = this.config()
    if (this.rng.chance(webhook.drop_rate)) {
      this.log(event, { attempt: 0, status: null, error: null, duplicate: false, dropped: true, delayed_ms: 0 })
      return
    }
    if (webhook.delay_ms) await sleep(webhook.delay_ms)
    const copies = this.rng.chance(webhook.duplicate_rate) ? 2 : 1
    await Promise.all(
      Array.from({ length: copies }, (_, copy) => this.deliverWithRetries(event, copy > 0, webhook.delay_ms))
    )
  }

  private async deliverWithRetries(event: KomojuEvent, duplicate: boolean, delayedMs: number) {
    const { webhook } = this.config()
    for (let attempt = 1; attempt <= webhook.max_attempts && !this.closed; attempt++) {
      const { webhook_url, webhook_secret } = this.config()
      if (!webhook_url) return
      const body = JSON.stringify(event)
      let status: number | null = null
      let error: string | null = null
      try {
        const response = await fetch(webhook_url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "User-Agent": "Komoju-Webhook",
            "X-Komoju-ID": event.id,
            "X-Komoju-Event": event.type,
            "X-Komoju-Signature": signWebhook(body, webhook_secret),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        })
        status = response.status
        await response.arrayBuffer()
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause)
      }
      this.log(event, { attempt, status, error, duplicate, dropped: false, delayed_ms: delayedMs })
      if (status !== null && status >= 200 && status < 300) return
      if (attempt < webhook.max_attempts) await sleep(webhook.retry_base_ms * 2 ** (attempt - 1))
    }
  }

  private log(event: KomojuEvent, entry: Omit<import("./store").WebhookLogEntry, "at" | "event_id" | "type">) {
    this.store.webhooks.push({ at: komojuTime(this.clock.now()), event_id: event.id, type: event.type, ...entry })
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
