import { MedusaError } from "@medusajs/framework/utils"
import type { PaymentProviderContext } from "@medusajs/framework/types"
import {
  KomojuLocales,
  NEEDS_SHIPPING_ADDRESS,
  SESSION_EXPIRY_MAX_SECONDS,
  type CreateSessionRequest,
  type KomojuLocale,
  type SaveSessionRequest,
} from "../../lib/komoju"
import { personName, type CheckoutDetails } from "./checkout-details"
import { komojuLineItems } from "./line-items"
import type { ResolvedKomojuOptions } from "./options"
import { customerPaymentFields, type CustomerPayment } from "./saved-methods"

/** What a storefront may put into `data` when it creates a KOMOJU payment session. */
export type StorefrontSessionInput = {
  /** Filled by the plugin's store middleware from the cart linked to the collection. */
  cart_id?: string
  return_url?: string
  locale?: string
  payment_types?: string[]
  email?: string
  /**
   * The store admin's settings for this cart's region and currency, set by the plugin's
   * store middleware (which drops any value a client sent). They override the options.
   */
  komoju_store_settings?: StoreSettings
  /**
   * Set by the store middleware (a client value is dropped): the token under which it
   * handed the cart's addresses, names and lines to the provider (`checkout-handoff.ts`).
   */
  komoju_checkout_details?: string
}

export type StoreSettings = {
  payment_types?: string[]
  default_locale?: string
  capture_mode?: string
  session_expires_in_seconds?: number
}

export const METADATA_PAYMENT_SESSION_ID = "medusa_payment_session_id"
export const METADATA_CART_ID = "medusa_cart_id"
/** The query parameter naming the cart in a return URL built from the `returnUrl` option. */
export const RETURN_URL_CART_PARAM = "cart_id"

export type SessionRequestInput = {
  amount: number
  currency: string
  data: Record<string, unknown>
  context?: PaymentProviderContext
  /** Medusa's payment session id: our idempotency anchor and attempt suffix. */
  medusaPaymentSessionId?: string
  revision: number
  options: ResolvedKomojuOptions
  /** What the cart says about the checkout, when the store middleware read it. */
  details?: CheckoutDetails
}

/**
 * Builds KOMOJU's `POST /sessions` body. Pure: the same input always gives the same
 * request, so a retried initiate is replayed by KOMOJU's idempotency, not duplicated.
 */
export function buildSessionRequest(input: SessionRequestInput): CreateSessionRequest {
  const { data, context } = input
  const details = input.details ?? {}
  const storefront = data as StorefrontSessionInput
  const options = withStoreSettings(input.options, storefront.komoju_store_settings)
  const cartId = stringOrUndefined(storefront.cart_id)
  const medusaSessionId = input.medusaPaymentSessionId

  const request: CreateSessionRequest = {
    amount: input.amount,
    currency: input.currency,
    return_url: resolveReturnUrl(storefront.return_url, options.returnUrl, cartId),
    default_locale: resolveLocale(storefront.locale, options.defaultLocale),
    payment_data: {
      external_order_num: externalOrderNum(cartId ?? medusaSessionId, medusaSessionId, input.revision),
      capture: options.captureMode,
    },
    metadata: {
      ...(medusaSessionId ? { [METADATA_PAYMENT_SESSION_ID]: medusaSessionId } : {}),
      ...(cartId ? { [METADATA_CART_ID]: cartId } : {}),
    },
  }
  const paymentTypes = resolvePaymentTypes(storefront.payment_types, options.paymentTypes)
  if (paymentTypes) {
    request.payment_types = input.details ? payableWithAddress(paymentTypes, details.shippingAddress !== undefined) : paymentTypes
  }
  if (options.sessionExpiresInSeconds) {
    request.expires_in_seconds = options.sessionExpiresInSeconds
  }
  const email = stringOrUndefined(storefront.email) ?? details.email ?? context?.customer?.email
  if (email) request.email = email
  const name = details.name ?? personName(context?.customer)
  if (name) request.payment_data.name = name
  if (details.nameKana) request.payment_data.name_kana = details.nameKana
  if (details.shippingAddress) request.payment_data.shipping_address = details.shippingAddress
  if (details.billingAddress) request.payment_data.billing_address = details.billingAddress
  const lineItems = komojuLineItems(details.lines, request.amount, request.currency)
  if (lineItems) request.line_items = lineItems
  if (details.customerPayment) {
    const { metadata, ...fields } = customerPaymentFields(details.customerPayment, request.payment_types)
    Object.assign(request, fields)
    request.metadata = { ...request.metadata, ...metadata }
  }
  return request
}

/**
 * KOMOJU's `customer` mode: saves a card or PayPay without paying (amount 0, as KOMOJU's
 * `CreateSessionRequestWithCustomerMode` allows), from a signed-in customer's account
 * page. Pure, as `buildSessionRequest`.
 */
export function buildSaveRequest(input: {
  currency: string
  data: Record<string, unknown>
  options: ResolvedKomojuOptions
  customerPayment: CustomerPayment
  email?: string
}): SaveSessionRequest {
  const storefront = input.data as StorefrontSessionInput
  const options = withStoreSettings(input.options, storefront.komoju_store_settings)
  const fields = customerPaymentFields(input.customerPayment, resolvePaymentTypes(storefront.payment_types, options.paymentTypes))
  return {
    ...fields,
    mode: "customer",
    amount: 0,
    currency: input.currency,
    return_url: resolveReturnUrl(storefront.return_url, options.returnUrl),
    default_locale: resolveLocale(storefront.locale, options.defaultLocale),
    ...(input.email ? { email: input.email } : {}),
  }
}

/**
 * A cart without a shipping address is not offered the methods that need one (Paidy):
 * KOMOJU would refuse the session. If nothing else would remain, the shopper must add
 * an address first, and is told so.
 */
export function payableWithAddress(types: string[], hasShippingAddress: boolean): string[] {
  if (hasShippingAddress) return types
  const payable = types.filter((type) => !NEEDS_SHIPPING_ADDRESS.includes(type))
  if (!payable.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${types.join(", ")} needs a shipping address: add one to the cart before paying`
    )
  }
  return payable
}

/** Admin settings win over `medusa-config.ts` options; only values KOMOJU accepts are taken. */
export function withStoreSettings(
  options: ResolvedKomojuOptions,
  settings: StoreSettings | undefined
): ResolvedKomojuOptions {
  if (!settings) return options
  const resolved = { ...options }
  if (Array.isArray(settings.payment_types) && settings.payment_types.length) {
    resolved.paymentTypes = settings.payment_types
  }
  if ((KomojuLocales as readonly unknown[]).includes(settings.default_locale)) {
    resolved.defaultLocale = settings.default_locale as KomojuLocale
  }
  if (settings.capture_mode === "auto" || settings.capture_mode === "manual") {
    resolved.captureMode = settings.capture_mode
  }
  const expiry = settings.session_expires_in_seconds
  if (Number.isInteger(expiry) && expiry! > 0 && expiry! <= SESSION_EXPIRY_MAX_SECONDS) {
    resolved.sessionExpiresInSeconds = expiry
  }
  return resolved
}

/**
 * KOMOJU rejects a reused `external_order_num`, and one cart may need several sessions
 * (a retry after "back to merchant", a changed amount). The cart id stays readable in
 * KOMOJU's dashboard; the suffix comes from Medusa's payment session id (random part of
 * its ULID) and the revision, so it is unique per attempt yet stable across retries.
 */
export function externalOrderNum(
  base: string | undefined,
  medusaSessionId: string | undefined,
  revision: number
): string {
  const suffix = (medusaSessionId ?? "").slice(-8).toLowerCase() || randomSuffix()
  return [base ?? "medusa", suffix, revision > 0 ? `r${revision}` : undefined]
    .filter(Boolean)
    .join("-")
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10)
}

/**
 * The storefront's return URL, as sent; else the `returnUrl` option, with the cart id
 * added as `cart_id` (unless the option already names one). A storefront whose payment
 * step sends no `data` (Medusa's starters) thus still learns, on the way back, which
 * cart to complete: its cart cookie is usually SameSite=Strict, and browsers do not send
 * it on KOMOJU's cross-site redirect back.
 */
export function resolveReturnUrl(
  fromStorefront: unknown,
  fallback: string | undefined,
  cartId?: string
): string {
  const sent = stringOrUndefined(fromStorefront)
  const candidate = sent ?? fallback
  if (!candidate) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "KOMOJU needs a return_url: send data.return_url when creating the payment session, or set the provider's `returnUrl` option"
    )
  }
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `return_url is not a URL: ${candidate}`)
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "return_url must be an http(s) URL")
  }
  if (sent || !cartId || url.searchParams.has(RETURN_URL_CART_PARAM)) {
    return candidate
  }
  url.searchParams.set(RETURN_URL_CART_PARAM, cartId)
  return url.toString()
}

function resolveLocale(fromStorefront: unknown, fallback: KomojuLocale): KomojuLocale {
  const wanted = stringOrUndefined(fromStorefront)?.slice(0, 2).toLowerCase()
  return (KomojuLocales as readonly string[]).includes(wanted ?? "")
    ? (wanted as KomojuLocale)
    : fallback
}

/**
 * A storefront may narrow the configured payment types, never widen them. Without a
 * configured list, KOMOJU offers every method active on the account, and a storefront
 * list is passed through (KOMOJU rejects types the account does not have).
 */
export function resolvePaymentTypes(
  fromStorefront: unknown,
  configured: string[] | undefined
): string[] | undefined {
  if (fromStorefront === undefined || fromStorefront === null) {
    return configured
  }
  if (
    !Array.isArray(fromStorefront) ||
    !fromStorefront.every((t): t is string => typeof t === "string" && t.length > 0)
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "data.payment_types must be a list of KOMOJU payment types"
    )
  }
  const wanted = [...new Set(fromStorefront)]
  if (!configured) {
    return wanted.length ? wanted : undefined
  }
  const allowed = wanted.filter((type) => configured.includes(type))
  if (!allowed.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `None of the requested payment types (${wanted.join(", ")}) is offered; this store offers ${configured.join(", ")}`
    )
  }
  return allowed
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined
}
