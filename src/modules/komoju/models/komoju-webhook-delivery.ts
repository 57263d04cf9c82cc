import { model } from "@medusajs/framework/utils"

export const DeliveryStatus = {
  /** Verified and recorded by the webhook door; not yet processed. */
  Received: "received",
  /** A worker claimed it and is processing it. */
  Processing: "processing",
  /** Processed: what it called for is done (or there was nothing to do). */
  Processed: "processed",
  /** Processing failed; it is processed again, by KOMOJU's retry or the catch-up job. */
  Failed: "failed",
} as const
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus]

/**
 * The webhook inbox: one row per KOMOJU delivery the door verified, keyed by KOMOJU's
 * X-Komoju-ID. A delivery counts as done only once `processed`; until then a repeat of
 * it is processed again. No body is kept: processing reads the payment back from KOMOJU.
 */
export const KomojuWebhookDelivery = model
  .define("komoju_webhook_delivery", {
    id: model.id({ prefix: "kjwh" }).primaryKey(),
    delivery_id: model.text(),
    /** The provider it was sent to, `komoju_<id>`: which KOMOJU account to read back from. */
    provider: model.text(),
    event_type: model.text(),
    komoju_payment_id: model.text().nullable(),
    /** For `customer.*` events: the KOMOJU customer whose saved method to read back. */
    komoju_customer_id: model.text().nullable(),
    /** The Medusa payment session the payment names (its metadata): whose state to bring in line. */
    medusa_payment_session_id: model.text().nullable(),
    status: model.enum(Object.values(DeliveryStatus)).default(DeliveryStatus.Received),
    attempts: model.number().default(0),
    /** Why the last attempt failed (ids and KOMOJU's code, never a body). */
    last_error: model.text().nullable(),
    received_at: model.dateTime(),
    claimed_at: model.dateTime().nullable(),
    processed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["delivery_id"], unique: true },
    { on: ["status", "received_at"] },
  ])
