import { presentPayment } from "./api-version"
import type { SandboxConfig } from "./config"
import { EventType } from "./constants"
import type { EmitEvent } from "./payments"
import type { KomojuEvent, Payment } from "./types"

/** `after` (default): the specific event, then payment.updated; `before`: the other way round; `off`: none. */
export type PaymentUpdatedOrder = "after" | "before" | "off"

type Send = (type: EventType, payment: Payment, reason: string | null) => KomojuEvent

/**
 * Announces a payment's change as KOMOJU does: the specific event (payment.captured, …)
 * and, beside it, payment.updated with the same payment (KOMOJU's EC-CUBE plugin acts on
 * payment.updated whose status is expired or cancelled). Both carry the payment as the
 * account's default API version reports it. They are two events with two ids, so a
 * receiver sees the change twice and must dedupe on the payment's state, not the event.
 */
export function paymentEmitter(send: Send, config: () => SandboxConfig): EmitEvent {
  return (type, payment, reason = null) => {
    const { payment_updated_event: order, declined_payment_status: view } = config()
    const data = presentPayment(payment, view)
    if (order === "before") send(EventType.PaymentUpdated, data, reason)
    send(type, data, reason)
    if (order === "after") send(EventType.PaymentUpdated, data, reason)
  }
}
