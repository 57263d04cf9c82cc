import { komojuTime, type Clock } from "./clock"
import type { SandboxConfig } from "./config"
import { EventType, WEBHOOK_USER_AGENT, WebhookHeader } from "./constants"
import { komojuId } from "./ids"
import type { WebhookLogEntry } from "./logs"
import type { Rng } from "./rng"
import { signWebhook } from "./signature"
import type { Store } from "./store"
import { Timers } from "./timers"
import type { Customer, KomojuEvent, Payment } from "./types"

type DeliveryFlags = { duplicate: boolean; reordered: boolean; delayedMs: number }
type AttemptLog = Omit<WebhookLogEntry, "seq" | "at" | "event_id" | "type">

/**
 * Sends events to the merchant as KOMOJU does: signed, at least once, retried with
 * exponential backoff on anything but a 2xx. First attempts go out one at a time in
 * the order events happened, so without faults a receiver sees them in order; the
 * config's faults then duplicate, reorder, delay or drop deliveries on purpose.
 */
export class WebhookDispatcher {
  private chain: Promise<void> = Promise.resolve()
  private pending = new Set<Promise<void>>()
  private held: { event: KomojuEvent; cancelTimeout: () => void } | null = null
  private readonly timers = new Timers()
  private readonly abort = new AbortController()
  private closed = false

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly config: () => SandboxConfig,
    private readonly rng: Rng
  ) {}

  /** Records the event (the payment, or the customer, as it is now) and sends it. */
  emit(type: EventType, payment: Payment | Customer | null, reason: string | null = null): KomojuEvent {
    const event: KomojuEvent = {
      id: komojuId(),
      type,
      resource: "event",
      data: payment ? structuredClone(payment) : {},
      created_at: komojuTime(this.clock.now()),
      reason,
    }
    this.store.events.push(event)
    this.store.save()
    this.schedule(event)
    return event
  }

  /** Resolves when every delivery under way, retries included, is over (a held event is released). */
  async idle(): Promise<void> {
    while (!this.closed && (this.pending.size || this.held)) {
      if (this.held && this.pending.size === 0) this.releaseHeld()
      await Promise.allSettled([...this.pending])
    }
  }

  close(): void {
    this.closed = true
    this.abort.abort()
    this.timers.cancelAll()
  }

  private schedule(event: KomojuEvent): void {
    const { webhook_url, webhook } = this.config()
    if (!webhook_url || this.closed) return
    if (this.rng.chance(webhook.drop_rate)) {
      this.log(event, { url: webhook_url, attempt: 0, status: null, error: null, duplicate: false, dropped: true, reordered: false, delayed_ms: 0 })
      return
    }
    if (!this.held && this.rng.chance(webhook.reorder_rate)) {
      // Held back until the next event has been delivered (or the hold times out).
      this.held = { event, cancelTimeout: this.timers.after(webhook.reorder_max_hold_ms, () => this.releaseHeld()) }
      return
    }
    const delayedMs = webhook.delay_ms > 0 && this.rng.chance(webhook.delay_rate) ? webhook.delay_ms : 0
    const flags: DeliveryFlags = { duplicate: false, reordered: false, delayedMs }
    if (delayedMs) {
      // Outside the ordered chain: a delayed event arrives after later ones.
      this.track(this.timers.sleep(delayedMs).then(() => this.firstAttempts(event, flags)))
    } else {
      this.enqueue(event, flags)
    }
    this.releaseHeld()
  }

  private releaseHeld(): void {
    const held = this.held
    if (!held) return
    this.held = null
    held.cancelTimeout()
    this.enqueue(held.event, { duplicate: false, reordered: true, delayedMs: 0 })
  }

  private enqueue(event: KomojuEvent, flags: DeliveryFlags): void {
    const done = this.chain.then(() => this.firstAttempts(event, flags))
    this.chain = done.catch(() => undefined)
    this.track(done)
  }

  private track(work: Promise<void>): void {
    this.pending.add(work)
    void work.finally(() => this.pending.delete(work))
  }

  private async firstAttempts(event: KomojuEvent, flags: DeliveryFlags): Promise<void> {
    const copies = this.rng.chance(this.config().webhook.duplicate_rate) ? 2 : 1
    for (let copy = 0; copy < copies; copy++) {
      const copyFlags = { ...flags, duplicate: copy > 0 }
      if (!(await this.attempt(event, 1, copyFlags))) this.track(this.retry(event, 2, copyFlags))
    }
  }

  private async retry(event: KomojuEvent, attempt: number, flags: DeliveryFlags): Promise<void> {
    const { webhook } = this.config()
    if (attempt > webhook.max_attempts || this.closed) return
    await this.timers.sleep(Math.min(webhook.retry_base_ms * 2 ** (attempt - 2), webhook.retry_max_ms))
    if (!(await this.attempt(event, attempt, flags))) await this.retry(event, attempt + 1, flags)
  }

  /** One POST; true when the merchant answered 2xx (or there is nothing left to do). */
  private async attempt(event: KomojuEvent, attempt: number, flags: DeliveryFlags): Promise<boolean> {
    const { webhook_url, webhook_secret, webhook } = this.config()
    if (!webhook_url || this.closed) return true
    const body = JSON.stringify(event)
    let status: number | null = null
    let error: string | null = null
    try {
      const response = await fetch(webhook_url, {
        method: "POST",
        headers: {
          [WebhookHeader.ContentType]: "application/json",
          [WebhookHeader.UserAgent]: WEBHOOK_USER_AGENT,
          [WebhookHeader.DeliveryId]: event.id,
          [WebhookHeader.Event]: event.type,
          [WebhookHeader.Signature]: signWebhook(body, webhook_secret),
        },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(webhook.timeout_ms), this.abort.signal]),
      })
      status = response.status
      await response.arrayBuffer()
    } catch (cause) {
      error = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause)
    }
    if (this.closed) return true
    this.log(event, { url: webhook_url, attempt, status, error, duplicate: flags.duplicate, dropped: false, reordered: flags.reordered, delayed_ms: flags.delayedMs })
    return status !== null && status >= 200 && status < 300
  }

  private log(event: KomojuEvent, entry: AttemptLog): void {
    this.store.webhooks.add({ at: komojuTime(this.clock.now()), event_id: event.id, type: event.type, ...entry })
  }
}
