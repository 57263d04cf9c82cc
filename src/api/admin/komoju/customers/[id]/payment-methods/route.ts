import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerSavedMethods, savedMethodView, savedMethodsMode } from "../../../../../../workflows/komoju-saved-methods/saved-methods"

/** GET /admin/komoju/customers/:id/payment-methods — a customer's saved KOMOJU methods, for the customer widget. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const methods = await customerSavedMethods(req.scope, req.params.id)
  res.json({ mode: savedMethodsMode(req.scope), payment_methods: methods.map(savedMethodView) })
}
