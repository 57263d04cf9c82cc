import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerSavedMethods, savedMethodView, saveWithoutPaying } from "../../../../workflows/komoju-saved-methods/saved-methods"

/** GET /store/komoju/payment-methods — the signed-in customer's saved cards and PayPay, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const methods = await customerSavedMethods(req.scope, req.auth_context.actor_id)
  res.json({ payment_methods: methods.map(savedMethodView) })
}

type SaveBody = { return_url?: unknown; currency_code?: unknown; locale?: unknown; provider_id?: unknown }

/**
 * POST /store/komoju/payment-methods — saves a card or PayPay without a purchase: answers
 * KOMOJU's page to send the customer to (`session_url`); the method is listed once
 * KOMOJU confirms it.
 */
export async function POST(req: AuthenticatedMedusaRequest<SaveBody>, res: MedusaResponse) {
  const body = req.body ?? {}
  const started = await saveWithoutPaying(req.scope, req.auth_context.actor_id, {
    providerId: typeof body.provider_id === "string" ? body.provider_id : undefined,
    returnUrl: typeof body.return_url === "string" ? body.return_url : undefined,
    currencyCode: typeof body.currency_code === "string" ? body.currency_code : undefined,
    locale: typeof body.locale === "string" ? body.locale : undefined,
  })
  res.json(started)
}
