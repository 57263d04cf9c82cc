import { model } from "@medusajs/framework/utils"

/**
 * Refused webhook requests (forged, unsigned, tampered), counted per UTC day: the
 * admin's webhook health shows them, and a flood of forgeries grows a counter, not a
 * table.
 */
export const KomojuWebhookRefusal = model
  .define("komoju_webhook_refusal", {
    id: model.id({ prefix: "kjwr" }).primaryKey(),
    /** YYYY-MM-DD, UTC. */
    day: model.text(),
    count: model.number().default(0),
    last_reason: model.text().nullable(),
    last_at: model.dateTime(),
  })
  .indexes([{ on: ["day"], unique: true }])
