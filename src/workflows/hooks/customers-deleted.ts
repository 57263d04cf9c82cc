import { deleteCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { eraseCustomerSavedMethods } from "../komoju-saved-methods/saved-methods"

/**
 * A deleted Medusa customer leaves nothing at KOMOJU: every method they saved is erased
 * there (its KOMOJU customer and the hosted page's one-click memory). Should KOMOJU be
 * unreachable, the deletion fails and can be retried, rather than leave cards behind.
 */
deleteCustomersWorkflow.hooks.customersDeleted(async ({ ids }, { container }) => {
  for (const id of ids) await eraseCustomerSavedMethods(container, id)
})
