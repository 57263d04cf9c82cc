import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KomojuBusEvent, type DeliveryReceivedData } from "../lib/komoju-events"
import { processKomojuDelivery } from "../workflows/komoju-webhook/process-delivery"

/**
 * A KOMOJU delivery the webhook door recorded: processed here, on the worker. A failure
 * is kept in the inbox and processed again by the catch-up job, so nothing depends on
 * the event bus retrying (Medusa's local one does not).
 */
export default async function komojuWebhookSubscriber({ event, container }: SubscriberArgs<DeliveryReceivedData>) {
  await processKomojuDelivery(container, event.data.delivery_id)
}

export const config: SubscriberConfig = {
  event: KomojuBusEvent.DeliveryReceived,
  context: { subscriberId: "komoju-webhook-processor" },
}
