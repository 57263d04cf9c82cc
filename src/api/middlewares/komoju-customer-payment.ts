import type { MedusaRequest } from "@medusajs/framework/http"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { CustomerPayment } from "../../providers/komoju/saved-methods"
import { customerSavedMethod } from "../../workflows/komoju-saved-methods/saved-methods"

/** What a storefront sends in `data` for a signed-in customer. */
export const SAVE_PAYMENT_METHOD = "save_payment_method"
export const SAVED_METHOD_ID = "komoju_saved_method_id"

/**
 * Decides, from the signed-in customer (never from a customer id the client names),
 * whether this session saves the method paid with, or pays with one of theirs. Both keys
 * are taken out of `data`. A guest's `save_payment_method` is ignored; a saved method
 * that is not the signed-in customer's is not found, whoever owns it.
 */
export async function customerPaymentFor(
  req: MedusaRequest,
  data: Record<string, unknown>,
  medusaProviderId: string
): Promise<CustomerPayment | undefined> {
  const save = data[SAVE_PAYMENT_METHOD] === true
  const savedMethodId = data[SAVED_METHOD_ID]
  delete data[SAVE_PAYMENT_METHOD]
  delete data[SAVED_METHOD_ID]
  const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
  const customerId = auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : undefined
  if (savedMethodId !== undefined && savedMethodId !== null) {
    if (typeof savedMethodId !== "string" || !customerId) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "Saved payment method not found")
    }
    const method = await customerSavedMethod(req.scope, customerId, savedMethodId)
    if (method.provider_id !== medusaProviderId || !method.external_customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "Saved payment method not found")
    }
    return {
      customerId,
      externalCustomerId: method.external_customer_id,
      komojuCustomerId: method.komoju_customer_id,
      paymentType: method.payment_type ?? undefined,
    }
  }
  // A fresh one-click id per saved method: KOMOJU's page remembers one method per id.
  return save && customerId ? { customerId, externalCustomerId: generateEntityId(undefined, "medusa") } : undefined
}
