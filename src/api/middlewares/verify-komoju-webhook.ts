import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KomojuHeader } from "../../lib/komoju"
import { KOMOJU_MODULE } from "../../modules/komoju"
import type { KomojuModuleService } from "../../modules/komoju/service"
import { headerValue, isValidSignature, parseEvent, toRawBody } from "../../providers/komoju/webhook"
import { komojuWebhookSecret } from "../../lib/komoju-provider-config"

const KOMOJU_HOOK_PREFIX = "komoju_"

/**
 * Runs before Medusa's `POST /hooks/payment/:provider` for KOMOJU providers:
 * - a delivery whose signature does not match is refused with 401 (KOMOJU's dashboard
 *   then shows the failure) and never reaches Medusa's event bus;
 * - a repeat of a delivery already accepted (same X-Komoju-ID) is answered 200 and not
 *   processed again;
 * - every delivery is recorded for the admin's webhook health, without its body.
 * The provider verifies the signature again when the event is processed: this check
 * guards the door, that one the work.
 */
export async function verifyKomojuWebhook(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const provider = req.params.provider
  if (!provider?.startsWith(KOMOJU_HOOK_PREFIX)) return next()
  try {
    const logger: Logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    const komoju: KomojuModuleService = req.scope.resolve(KOMOJU_MODULE)
    const secret = komojuWebhookSecret(
      req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE),
      provider.slice(KOMOJU_HOOK_PREFIX.length)
    )
    const deliveryId = headerValue(req.headers, KomojuHeader.DeliveryId) ?? null
    const announcedType = headerValue(req.headers, KomojuHeader.Event) ?? null
    const rawBody = toRawBody((req as MedusaRequest & { rawBody?: unknown }).rawBody)
    const signature = headerValue(req.headers, KomojuHeader.Signature)

    if (!secret || !rawBody || !isValidSignature(rawBody, signature, secret)) {
      const reason = !secret
        ? `no KOMOJU provider is registered as ${provider}`
        : signature
          ? "signature does not match"
          : "no signature"
      logger.warn(`KOMOJU webhook refused at ${req.path}: ${reason} (delivery ${deliveryId ?? "?"}, event ${announcedType ?? "?"})`)
      await komoju.createKomojuWebhookDeliveries({
        delivery_id: deliveryId,
        event_type: announcedType,
        outcome: "refused",
        reason,
        received_at: new Date(),
      })
      return res.status(401).json({ message: "KOMOJU webhook signature is missing or invalid" })
    }

    if (deliveryId) {
      const [seen] = await komoju.listKomojuWebhookDeliveries(
        { delivery_id: deliveryId, outcome: "accepted" },
        { take: 1 }
      )
      if (seen) {
        logger.info(`KOMOJU webhook delivery ${deliveryId} repeated; already accepted, not processed again`)
        return res.status(200).json({ duplicate: true })
      }
    }
    await komoju.createKomojuWebhookDeliveries({
      delivery_id: deliveryId,
      event_type: parseEvent(rawBody)?.type ?? announcedType,
      outcome: "accepted",
      reason: null,
      received_at: new Date(),
    })
    next()
  } catch (error) {
    next(error)
  }
}
