import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type CreatePaymentSessionBody = {
  provider_id?: unknown
  data?: Record<string, unknown>
}

const KOMOJU_PROVIDER_PREFIX = "pp_komoju_"

/**
 * Runs before Medusa's `POST /store/payment-collections/:id/payment-sessions`. For KOMOJU
 * it sets `data.cart_id` from the cart linked to the payment collection, replacing
 * whatever the client sent, so the `external_order_num` and metadata KOMOJU stores
 * cannot name another cart. The cart's e-mail fills `data.email` when the storefront
 * sends none (KOMOJU mails konbini and bank transfer instructions to it).
 */
export async function attachCartToKomojuSession(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const body = req.body as CreatePaymentSessionBody | undefined
  if (typeof body?.provider_id !== "string" || !body.provider_id.startsWith(KOMOJU_PROVIDER_PREFIX)) {
    return next()
  }
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: collections } = await query.graph({
      entity: "payment_collection",
      fields: ["id", "cart.id", "cart.email"],
      filters: { id: req.params.id },
    })
    const cart = collections[0]?.cart
    const data = { ...(body.data ?? {}) }
    delete data.cart_id
    if (cart?.id) data.cart_id = cart.id
    if (!data.email && cart?.email) data.email = cart.email
    body.data = data
    next()
  } catch (error) {
    next(error)
  }
}
