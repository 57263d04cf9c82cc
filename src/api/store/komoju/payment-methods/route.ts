import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerSavedMethods, savedMethodView } from "../../../../workflows/komoju-saved-methods/saved-methods"

/** GET /store/komoju/payment-methods — the signed-in customer's saved cards and PayPay, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const methods = await customerSavedMethods(req.scope, req.auth_context.actor_id)
  res.json({ payment_methods: methods.map(savedMethodView) })
}
