import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { ProviderWebhookPayload } from "@medusajs/framework/types"
import { Modules, PaymentWebhookEvents } from "@medusajs/framework/utils"
import { KomojuHeader } from "../lib/komoju"
import { eventPayment, headerValue, parseEvent, toRawBody } from "../providers/komoju/webhook"
import {
  handleKomojuEvent,
  PLUGIN_HANDLED_EVENTS,
} from "../workflows/komoju-webhook/handle-event"

const KOMOJU_PROVIDER_PREFIX = "komoju_"

/**
 * Medusa's core webhook subscriber acts only on authorized and captured payments. This
 * one takes the KOMOJU events core ignores: expiry and cancellation of a waiting
 * payment, failures, and refunds made in KOMOJU's dashboard.
 */
export default async function komojuWebhookSubscriber({
  event,
  container,
}: SubscriberArgs<ProviderWebhookPayload>) {
  const { provider, payload } = event.data
  if (!provider?.startsWith(KOMOJU_PROVIDER_PREFIX)) return
  // The event header is unsigned: it only spares verifying deliveries core handles.
  const announced = headerValue(payload.headers, KomojuHeader.Event)
  if (announced && !PLUGIN_HANDLED_EVENTS.has(announced)) return

  // The provider verifies the signature; without a session it was refused or foreign.
  const paymentModule = container.resolve(Modules.PAYMENT)
  const verified = await paymentModule.getWebhookActionAndData({ provider, payload })
  const paymentSessionId = verified.data?.session_id
  if (!paymentSessionId) return

  const rawBody = toRawBody(payload.rawData)
  const komojuEvent = rawBody && parseEvent(rawBody)
  const payment = komojuEvent && eventPayment(komojuEvent)
  if (!komojuEvent || !payment || !PLUGIN_HANDLED_EVENTS.has(komojuEvent.type)) return

  await handleKomojuEvent(container, komojuEvent, payment, paymentSessionId)
}

export const config: SubscriberConfig = {
  event: PaymentWebhookEvents.WebhookReceived,
  context: { subscriberId: "komoju-webhook-handler" },
}
