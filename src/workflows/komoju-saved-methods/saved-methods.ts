import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { KomojuError, type KomojuClient, type KomojuPayment } from "../../lib/komoju"
import { komojuAccount, komojuProviderIdOf, komojuProviders, KOMOJU_PROVIDER_PREFIX } from "../../lib/komoju-provider-config"
import type { SavedMethodRecord } from "../../lib/saved-method-records"
import { KOMOJU_MODULE } from "../../modules/komoju"
import type { SavedMethodAccount } from "../../modules/komoju/saved-method-statements"
import type { KomojuModuleService } from "../../modules/komoju/service"
import { komojuMode } from "../../providers/komoju/options"
import { accountHolderFor, eraseSavedMethodRow } from "../../providers/komoju/account-holders"
import { savedMethodLinkOf, savedSourceOf } from "../../providers/komoju/saved-methods"

/** A saved method as the store and admin routes show it: display fields only. */
export type SavedMethodView = {
  id: string
  payment_type: string
  brand: string | null
  last_four: string | null
  month: number | null
  year: number | null
  created_at: string
}

/** A row of `komoju_saved_method`. */
export type SavedMethodRow = SavedMethodRecord

/** How long a method KOMOJU has not yet confirmed is looked up again when its owner lists methods. */
const CONFIRM_LOOKUP_WINDOW_MS = 24 * 3600_000
const CONFIRM_LOOKUPS_PER_LIST = 3

export function savedMethodView(row: SavedMethodRow): SavedMethodView {
  return {
    id: row.id,
    payment_type: row.payment_type ?? "credit_card",
    brand: row.brand,
    last_four: row.last_four,
    month: row.exp_month,
    year: row.exp_year,
    created_at: new Date(row.created_at).toISOString(),
  }
}

type Account = { providerId: string; account: SavedMethodAccount; client: KomojuClient }

/** The KOMOJU account a row (or a delivery) belongs to, as configured now. */
function accountOf(container: MedusaContainer, medusaProviderId: string): Account | undefined {
  const id = komojuProviderIdOf(medusaProviderId)
  if (!id) return undefined
  try {
    const { options, client } = komojuAccount(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE), id, logger(container))
    return { providerId: medusaProviderId, account: { provider_id: medusaProviderId, mode: komojuMode(options) }, client }
  } catch {
    return undefined // the provider is no longer registered: its methods are not offered
  }
}

/** The mode of the KOMOJU provider (the first registered one): the admin widget shows it. */
export function savedMethodsMode(container: MedusaContainer): "test" | "live" | null {
  const id = firstProviderId(container)
  return id ? accountOf(container, `${KOMOJU_PROVIDER_PREFIX}${id}`)?.account.mode ?? null : null
}

/** The account a `komoju_<id>` webhook delivery came to. */
export function accountOfDelivery(container: MedusaContainer, provider: string): Account | undefined {
  return accountOf(container, `${KOMOJU_PROVIDER_PREFIX}${provider.replace(/^komoju_/, "")}`)
}

/**
 * The methods a customer may use now: confirmed by KOMOJU, of a registered provider in
 * its current mode, newest first. A method whose confirmation has not arrived (a lost or
 * late `customer.updated`) is looked up at KOMOJU, a few per call.
 */
export async function customerSavedMethods(container: MedusaContainer, customerId: string): Promise<SavedMethodRow[]> {
  const rows = await rowsOf(container, customerId)
  const unconfirmed = rows
    .filter((row) => !row.confirmed_at && Date.now() - new Date(row.created_at).getTime() < CONFIRM_LOOKUP_WINDOW_MS)
    .slice(0, CONFIRM_LOOKUPS_PER_LIST)
  if (unconfirmed.length) {
    await Promise.all(unconfirmed.map((row) => refreshFromKomoju(container, row)))
    return (await rowsOf(container, customerId)).filter((row) => row.confirmed_at)
  }
  return rows.filter((row) => row.confirmed_at)
}

async function rowsOf(container: MedusaContainer, customerId: string): Promise<SavedMethodRow[]> {
  const rows = (await komoju(container).listKomojuSavedMethods(
    { customer_id: customerId },
    { order: { created_at: "DESC" } }
  )) as SavedMethodRow[]
  return rows.filter((row) => accountOf(container, row.provider_id)?.account.mode === row.mode)
}

/** One of the customer's usable methods, or a 404 that says nothing about anybody else's. */
export async function customerSavedMethod(container: MedusaContainer, customerId: string, id: string): Promise<SavedMethodRow> {
  const row = (await customerSavedMethods(container, customerId)).find((method) => method.id === id)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Saved payment method not found")
  return row
}

/**
 * A `customer`-mode session through Medusa's payment module (the provider's
 * `savePaymentMethod`), its KOMOJU customer recorded for the signed-in customer at once:
 * `customer.updated` then confirms it, once the shopper saved a method on KOMOJU's page.
 */
export async function saveWithoutPaying(
  container: MedusaContainer,
  customerId: string,
  input: { providerId?: string; returnUrl?: string; currencyCode?: string; locale?: string }
): Promise<{ session_url: string; komoju_session_id: string }> {
  const providerId = input.providerId ?? `${KOMOJU_PROVIDER_PREFIX}${firstProviderId(container) ?? "komoju"}`
  const account = accountOf(container, providerId)
  if (!account) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${providerId} is not a registered KOMOJU provider`)
  const settings = await komoju(container).resolveSettings({ currencyCode: input.currencyCode })
  const saved = await container.resolve(Modules.PAYMENT).createPaymentMethods({
    provider_id: providerId,
    context: { account_holder: accountHolderFor(customerId) as never },
    data: {
      return_url: input.returnUrl,
      currency_code: input.currencyCode,
      locale: input.locale,
      ...(Object.keys(settings).length ? { komoju_store_settings: settings } : {}),
    },
  })
  const data = saved.data as { komoju_session_id: string; session_url: string; komoju_customer_id: string; external_customer_id: string }
  await komoju(container).linkSavedMethod({
    ...account.account,
    komoju_customer_id: data.komoju_customer_id,
    customer_id: customerId,
    external_customer_id: data.external_customer_id,
    payment_type: null,
    brand: null,
    last_four: null,
    exp_month: null,
    exp_year: null,
  })
  return { session_url: data.session_url, komoju_session_id: data.komoju_session_id }
}

function firstProviderId(container: MedusaContainer): string | undefined {
  return komojuProviders(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))[0]?.id
}

/** Erases a method at KOMOJU (its customer and the one-click memory), then here. */
export async function eraseSavedMethod(container: MedusaContainer, row: SavedMethodRow, about: string): Promise<void> {
  const account = accountOf(container, row.provider_id)
  if (!account) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${row.provider_id} is not registered: its saved method cannot be erased at KOMOJU`)
  logger(container).info(`KOMOJU saved method ${row.id}: erasing, ${about}`)
  await eraseSavedMethodRow(komoju(container), account.client, logger(container), row)
}

/** Every method a customer saved, whatever its mode or state: a deleted Medusa customer leaves nothing at KOMOJU. */
export async function eraseCustomerSavedMethods(container: MedusaContainer, customerId: string): Promise<number> {
  const rows = (await komoju(container).listKomojuSavedMethods({ customer_id: customerId })) as SavedMethodRow[]
  for (const row of rows) await eraseSavedMethod(container, row, `customer ${customerId} was deleted`)
  return rows.length
}

/**
 * A payment read back from KOMOJU that saved a method (a `customer_payment` session the
 * plugin made) names the Medusa customer it is for: the method becomes theirs.
 */
export async function linkSavedMethodOfPayment(
  container: MedusaContainer,
  account: Account,
  payment: KomojuPayment,
  about: string
): Promise<void> {
  const link = savedMethodLinkOf(payment)
  if (!link) return
  const owner = await komoju(container).linkSavedMethod({
    ...account.account,
    komoju_customer_id: link.komojuCustomerId,
    customer_id: link.customerId,
    external_customer_id: link.externalCustomerId,
    payment_type: link.payment_type,
    brand: link.brand,
    last_four: link.last_four,
    exp_month: link.exp_month,
    exp_year: link.exp_year,
  })
  if (owner !== link.customerId) {
    logger(container).error(`${about}: KOMOJU customer ${link.komojuCustomerId} already belongs to Medusa customer ${owner}; not given to ${link.customerId}`)
  }
}

/**
 * `customer.updated` / `customer.deleted`: the customer is read back from KOMOJU (the
 * body decides nothing); a saved source confirms the method, a customer KOMOJU no longer
 * has is forgotten.
 */
export async function syncSavedMethod(container: MedusaContainer, account: Account, komojuCustomerId: string, about: string): Promise<void> {
  let customer
  try {
    customer = await account.client.retrieveCustomer(komojuCustomerId)
  } catch (error) {
    if (!(error instanceof KomojuError && error.httpStatus === 404)) throw error
    await komoju(container).forgetSavedMethod(komojuCustomerId)
    logger(container).info(`${about}: KOMOJU no longer has customer ${komojuCustomerId}; its saved method is forgotten`)
    return
  }
  const source = savedSourceOf(customer)
  if (!source) {
    logger(container).info(`${about}: KOMOJU customer ${komojuCustomerId} has nothing saved yet`)
    return
  }
  await komoju(container).confirmSavedMethod(account.account, komojuCustomerId, source)
  logger(container).info(`${about}: KOMOJU customer ${komojuCustomerId} holds a saved ${source.payment_type}`)
}

async function refreshFromKomoju(container: MedusaContainer, row: SavedMethodRow): Promise<void> {
  const account = accountOf(container, row.provider_id)
  if (!account) return
  await syncSavedMethod(container, account, row.komoju_customer_id, `saved method ${row.id} looked up`).catch((error) =>
    logger(container).warn(`KOMOJU customer ${row.komoju_customer_id} could not be read: ${(error as Error).message}`)
  )
}

function komoju(container: MedusaContainer): KomojuModuleService {
  return container.resolve(KOMOJU_MODULE)
}

function logger(container: MedusaContainer): Logger {
  return container.resolve(ContainerRegistrationKeys.LOGGER)
}
