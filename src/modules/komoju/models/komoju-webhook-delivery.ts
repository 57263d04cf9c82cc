import { model } from "@medusajs/framework/utils"

/** One webhook delivery KOMOJU made, accepted or refused: the admin's webhook health. */
export const KomojuWebhookDelivery = model
  .define("komoju_webhook_delivery", {
    id: model.id({ prefix: "kjwh" }).primaryKey(),
    /** KOMOJU's X-Komoju-ID, when it sent one. */
    delivery_id: model.text().nullable(),
    event_type: model.text().nullable(),
    outcome: model.enum(["accepted", "refused"]),
    /** Why a delivery was refused (never the signature or the secret). */
    reason: model.text().nullable(),
    received_at: model.dateTime(),
  })
  .indexes([{ on: ["outcome", "received_at"] }])
