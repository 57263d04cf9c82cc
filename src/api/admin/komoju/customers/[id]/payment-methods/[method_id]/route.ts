import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerSavedMethod, eraseSavedMethod } from "../../../../../../../workflows/komoju-saved-methods/saved-methods"

/** DELETE /admin/komoju/customers/:id/payment-methods/:method_id — erases a customer's saved method, at KOMOJU too. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const method = await customerSavedMethod(req.scope, req.params.id, req.params.method_id)
  await eraseSavedMethod(req.scope, method, `removed by admin user ${req.auth_context.actor_id} for customer ${req.params.id}`)
  res.json({ id: method.id, object: "komoju_payment_method", deleted: true })
}
