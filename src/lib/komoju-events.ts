/** Events the plugin puts on Medusa's event bus. */
export const KomojuBusEvent = {
  /** The webhook door recorded a verified KOMOJU delivery; a worker processes it. */
  DeliveryReceived: "komoju.webhook.received",
} as const

export type DeliveryReceivedData = { delivery_id: string }
