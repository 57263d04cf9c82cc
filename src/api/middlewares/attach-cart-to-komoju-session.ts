import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, decorateCartTotals } from "@medusajs/framework/utils"
import { unsupportedInCurrency } from "../../lib/komoju"
import { errorMessage } from "../../lib/error-message"
import { komojuProviderIdOf } from "../../lib/komoju-provider-config"
import { KOMOJU_MODULE } from "../../modules/komoju"
import { checkoutDetailsFromCart, checkoutDetailsHandoff, type CartForKomoju, type CheckoutDetails } from "../../providers/komoju/checkout-details"
import { effectiveSettings, type EffectiveKomojuSettings } from "../../modules/komoju/effective-settings"
import type { KomojuModuleService } from "../../modules/komoju/service"
import { customerPaymentFor } from "./komoju-customer-payment"

type CreatePaymentSessionBody = {
  provider_id?: unknown
  data?: Record<string, unknown>
}

type SessionContext = {
  currencyCode?: string
  cart?: { id: string; regionId?: string | null; locale?: string | null }
  details: CheckoutDetails
  settings: EffectiveKomojuSettings
}


/**
 * Runs before Medusa's `POST /store/payment-collections/:id/payment-sessions`. For KOMOJU
 * it fills from the server's own data what a client must not choose:
 * - `data.cart_id`: the cart linked to the payment collection, replacing whatever the
 *   client sent, so KOMOJU's `external_order_num` and metadata cannot name another cart;
 * - `data.komoju_store_settings`: the admin's payment types, locale, capture mode and
 *   expiry for the cart's region and currency (a client value is dropped);
 * - `data.komoju_checkout_details`: a token for the cart's e-mail (KOMOJU mails konbini
 *   and bank transfer instructions to it), addresses, buyer's name and its katakana
 *   reading, and lines, handed to the provider in memory so that Medusa stores none of
 *   them with the payment session (`checkout-handoff.ts`);
 * - for a signed-in customer, whether the session saves the card or PayPay paid with
 *   (`save_payment_method`) or pays with a saved one (`komoju_saved_method_id`), in the
 *   same handoff (`komoju-customer-payment.ts`);
 * - `data.locale`: the cart's locale when the storefront sends none, so that a payment
 *   step that sends no `data` (Medusa's starters) still opens KOMOJU's page in the
 *   shopper's language (a locale KOMOJU lacks falls back to `defaultLocale`).
 * The cart, its lines and the settings come from one database statement (see
 * `checkoutContext`); the lines' totals from Medusa's own `decorateCartTotals`.
 */
export async function attachCartToKomojuSession(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const body = req.body as CreatePaymentSessionBody | undefined
  if (typeof body?.provider_id !== "string" || !komojuProviderIdOf(body.provider_id)) {
    return next()
  }
  try {
    const { currencyCode, cart, details, settings } = await sessionContext(req, req.params.id)
    const data = { ...(body.data ?? {}) }
    delete data.cart_id
    delete data.komoju_store_settings
    delete data.komoju_checkout_details
    const customerPayment = await customerPaymentFor(req, data, body.provider_id)
    if (cart?.id) {
      data.cart_id = cart.id
      data.komoju_checkout_details = checkoutDetailsHandoff.give({ ...details, customerPayment })
    }
    if (!data.locale && cart?.locale) data.locale = cart.locale
    if (settings.payment_types && currencyCode) {
      settings.payment_types = payableIn(settings.payment_types, currencyCode)
    }
    if (Object.keys(settings).length) data.komoju_store_settings = settings
    body.data = data
    next()
  } catch (error) {
    next(error)
  }
}

/** The cart fields `checkoutDetailsFromCart` maps, where the cart is read through Medusa's query. */
const DETAIL_FIELDS = [
  "total", "email",
  "items.title", "items.variant_title", "items.variant_sku", "items.variant_id", "items.quantity", "items.thumbnail", "items.total",
  "shipping_methods.name", "shipping_methods.total",
  "shipping_address.*", "billing_address.*",
]

/** What KOMOJU's page shows of a cart read by `checkoutContext`, its totals computed as Medusa's cart module does. */
function detailsOfRow(cart: Record<string, unknown> | null): CheckoutDetails {
  return cart ? checkoutDetailsFromCart(decorateCartTotals(cart) as CartForKomoju) : {}
}

let fallbackLogged = false

async function sessionContext(req: MedusaRequest, paymentCollectionId: string): Promise<SessionContext> {
  const komoju: KomojuModuleService = req.scope.resolve(KOMOJU_MODULE)
  let row
  try {
    row = await komoju.checkoutContext(paymentCollectionId)
  } catch (error) {
    // Medusa's cart and payment tables are elsewhere: ask them through Medusa's query API.
    if (!fallbackLogged) {
      fallbackLogged = true
      req.scope
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .warn(`KOMOJU: the cart of a payment collection is read through Medusa's query API (${errorMessage(error)})`)
    }
    return sessionContextByQuery(req, komoju, paymentCollectionId)
  }
  const currencyCode = row.currency_code ?? undefined
  return {
    currencyCode,
    cart: row.cart_id ? { id: row.cart_id, regionId: row.region_id, locale: row.locale } : undefined,
    details: detailsOfRow(row.cart),
    settings: effectiveSettings(row.settings, { regionId: row.region_id ?? undefined, currencyCode }),
  }
}

async function sessionContextByQuery(req: MedusaRequest, komoju: KomojuModuleService, paymentCollectionId: string): Promise<SessionContext> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: collections } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "currency_code", "cart.id", "cart.region_id", "cart.locale"],
    filters: { id: paymentCollectionId },
  })
  const collection = collections[0]
  const cart = collection?.cart
  const currencyCode = collection?.currency_code
  // `total` makes the cart module compute every line's.
  const { data: [withLines] } = cart?.id
    ? await query.graph({ entity: "cart", fields: DETAIL_FIELDS, filters: { id: cart.id } })
    : { data: [] }
  return {
    currencyCode,
    cart: cart?.id ? { id: cart.id, regionId: cart.region_id, locale: cart.locale } : undefined,
    details: withLines ? checkoutDetailsFromCart(withLines as CartForKomoju) : {},
    settings: await komoju.resolveSettings({ regionId: cart?.region_id ?? undefined, currencyCode }),
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
