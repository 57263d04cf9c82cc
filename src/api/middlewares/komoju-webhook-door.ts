import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { eventCustomer, eventPayment, headerValue, isValidSignature, KomojuHeader, parseEvent, toRawBody, type KomojuEvent } from "../../lib/komoju"
import { KomojuBusEvent, type DeliveryReceivedData } from "../../lib/komoju-events"
import { METADATA_PAYMENT_SESSION_ID } from "../../providers/komoju/session-request"
import { komojuWebhookSecret, webhookDelayMs } from "../../lib/komoju-provider-config"
import { KOMOJU_MODULE } from "../../modules/komoju"
import { deliveryAbout } from "../../workflows/komoju-webhook/process-delivery"
import { DeliveryStatus } from "../../modules/komoju/models/komoju-webhook-delivery"
import type { KomojuModuleService, NewDelivery } from "../../modules/komoju/service"

const KOMOJU_HOOK_PREFIX = "komoju_"

/**
 * `POST /hooks/payment/komoju_<id>`: the door every KOMOJU delivery comes through, in
 * place of Medusa's generic webhook route.
 * - A delivery whose signature does not match the raw bytes is refused with 401 (KOMOJU's
 *   dashboard then shows the failure), logged with its delivery id and counted; nothing
 *   else happens.
 * - A verified delivery about a payment is recorded in the inbox under KOMOJU's delivery
 *   id, in one statement, and handed to a worker through the event bus; a repeat of one
 *   already processed is answered 200 and changes nothing, a repeat of one not yet
 *   processed is handed over again.
 * - So is a `customer.updated` / `customer.deleted` delivery: a saved method may have
 *   changed (its processing reads the customer back).
 * - A verified body that is no event about a payment made through Medusa nor about a
 *   customer (ping, a payment made in KOMOJU's dashboard, garbage) is answered 200 and
 *   logged: KOMOJU must not retry it.
 * Only when the record or the hand-over fails is the answer 5xx, so KOMOJU retries.
 */
export async function komojuWebhookDoor(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const provider = req.params.provider
  if (!provider?.startsWith(KOMOJU_HOOK_PREFIX)) return next()
  try {
    const logger: Logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    const komoju: KomojuModuleService = req.scope.resolve(KOMOJU_MODULE)
    const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    const secret = komojuWebhookSecret(config, provider.slice(KOMOJU_HOOK_PREFIX.length))
    const deliveryHeader = loggable(headerValue(req.headers, KomojuHeader.DeliveryId))
    const rawBody = toRawBody((req as MedusaRequest & { rawBody?: unknown }).rawBody)
    const signature = headerValue(req.headers, KomojuHeader.Signature)

    if (!secret || !rawBody || !isValidSignature(rawBody, signature, secret)) {
      const reason = !secret
        ? `no KOMOJU provider is registered as ${loggable(provider)}`
        : signature
          ? "signature does not match"
          : "no signature"
      logger.warn(`KOMOJU webhook refused at ${req.path}: ${reason} (delivery ${deliveryHeader ?? "?"})`)
      await komoju.countRefusal(reason)
      return res.status(401).json({ message: "KOMOJU webhook signature is missing or invalid" })
    }

    const event = parseEvent(rawBody)
    const subject = event && deliverySubject(event)
    if (!event || !subject || typeof subject === "string") {
      logger.info(`KOMOJU webhook ${deliveryHeader ?? "?"} ignored: ${subject ?? "the body is not a KOMOJU event"}`)
      return res.status(200).json({ ignored: true })
    }
    const deliveryId = deliveryHeader ?? loggable(event.id) ?? event.id.slice(0, 64)
    const { isNew, delivery } = await komoju.receiveDelivery({
      delivery_id: deliveryId,
      provider,
      event_type: event.type.slice(0, 64),
      ...subject,
    })
    if (delivery.status === DeliveryStatus.Processed) {
      logger.info(`KOMOJU webhook delivery ${deliveryId} repeated; already processed, not again`)
      return res.status(200).json({ duplicate: true })
    }
    const data: DeliveryReceivedData = { delivery_id: deliveryId }
    await req.scope
      .resolve(Modules.EVENT_BUS)
      .emit({ name: KomojuBusEvent.DeliveryReceived, data }, { delay: webhookDelayMs(config) })
    logger.info(`KOMOJU webhook delivery ${deliveryId} (${delivery.event_type}, ${deliveryAbout(delivery)}) ${isNew ? "received" : "received again, not yet processed"}`)
    return res.status(200).json({ received: true })
  } catch (error) {
    next(error)
  }
}

/**
 * What a delivery is about: a payment made through Medusa (its metadata names the
 * payment session), or a KOMOJU customer whose saved method may have changed. Anything
 * else gives the reason it is ignored.
 */
function deliverySubject(event: KomojuEvent): Pick<NewDelivery, "komoju_payment_id" | "komoju_customer_id" | "medusa_payment_session_id"> | string {
  const customer = eventCustomer(event)
  if (customer) return { komoju_payment_id: null, komoju_customer_id: customer.id.slice(0, 64), medusa_payment_session_id: null }
  const payment = eventPayment(event)
  const medusaSessionId = payment?.metadata?.[METADATA_PAYMENT_SESSION_ID]
  if (!payment) return `${loggable(event.type)} is not about a payment`
  if (typeof medusaSessionId !== "string") return `payment ${loggable(payment.id)} was not made through Medusa`
  return { komoju_payment_id: payment.id.slice(0, 64), komoju_customer_id: null, medusa_payment_session_id: medusaSessionId.slice(0, 64) }
}

/** Header values an attacker chose are logged only when they look like ids. */
function loggable(value: string | undefined): string | undefined {
  return value && /^[A-Za-z0-9_.:-]{1,64}$/.test(value) ? value : undefined
}
