import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerSavedMethod, eraseSavedMethod } from "../../../../../workflows/komoju-saved-methods/saved-methods"

/** DELETE /store/komoju/payment-methods/:id — erases one of the signed-in customer's methods, at KOMOJU too. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  const method = await customerSavedMethod(req.scope, customerId, req.params.id)
  await eraseSavedMethod(req.scope, method, `removed by customer ${customerId}`)
  res.json({ id: method.id, object: "komoju_payment_method", deleted: true })
}
