import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { unsupportedInCurrency } from "../../lib/komoju"
import { KOMOJU_MODULE } from "../../modules/komoju"
import type { KomojuModuleService } from "../../modules/komoju/service"

type CreatePaymentSessionBody = {
  provider_id?: unknown
  data?: Record<string, unknown>
}

const KOMOJU_PROVIDER_PREFIX = "pp_komoju_"

/**
 * Runs before Medusa's `POST /store/payment-collections/:id/payment-sessions`. For KOMOJU
 * it fills from the server's own data what a client must not choose:
 * - `data.cart_id`: the cart linked to the payment collection, replacing whatever the
 *   client sent, so KOMOJU's `external_order_num` and metadata cannot name another cart;
 * - `data.komoju_store_settings`: the admin's payment types, locale, capture mode and
 *   expiry for the cart's region and currency (a client value is dropped);
 * - `data.email`: the cart's e-mail when the storefront sends none (KOMOJU mails konbini
 *   and bank transfer instructions to it);
 * - `data.locale`: the cart's locale when the storefront sends none, so that a payment
 *   step that sends no `data` (Medusa's starters) still opens KOMOJU's page in the
 *   shopper's language (a locale KOMOJU lacks falls back to `defaultLocale`).
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
      fields: ["id", "currency_code", "cart.id", "cart.email", "cart.region_id", "cart.locale"],
      filters: { id: req.params.id },
    })
    const collection = collections[0]
    const cart = collection?.cart
    const data = { ...(body.data ?? {}) }
    delete data.cart_id
    delete data.komoju_store_settings
    if (cart?.id) data.cart_id = cart.id
    if (!data.email && cart?.email) data.email = cart.email
    if (!data.locale && cart?.locale) data.locale = cart.locale

    const komoju: KomojuModuleService = req.scope.resolve(KOMOJU_MODULE)
    const settings = await komoju.resolveSettings({
      regionId: cart?.region_id ?? undefined,
      currencyCode: collection?.currency_code,
    })
    if (settings.payment_types && collection?.currency_code) {
      settings.payment_types = payableIn(settings.payment_types, collection.currency_code)
    }
    if (Object.keys(settings).length) data.komoju_store_settings = settings
    body.data = data
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * A store-wide list may hold methods this currency cannot use (konbini in a USD cart):
 * offer the rest. If none would remain, keep the list so KOMOJU's own error says why.
 */
function payableIn(types: string[], currency: string): string[] {
  const unsupported = new Set(unsupportedInCurrency(types, currency))
  const payable = types.filter((type) => !unsupported.has(type))
  return payable.length ? payable : types
}
