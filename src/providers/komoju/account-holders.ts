import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { Logger, SavePaymentMethodInput, SavePaymentMethodOutput } from "@medusajs/framework/types"
import type { KomojuClient } from "../../lib/komoju"
import type { SavedMethodRecord, SavedMethodRecords } from "../../lib/saved-method-records"
import { komojuCurrency } from "./money"
import type { ResolvedKomojuOptions } from "./options"
import { eraseAtKomoju } from "./saved-methods"
import { buildSaveRequest } from "./session-request"

/**
 * Medusa's account holders for KOMOJU. KOMOJU has no customer that holds several
 * methods (one KOMOJU customer holds one saved source), so the account holder is the
 * Medusa customer itself: its id is the customer's, nothing is made at KOMOJU until a
 * method is saved, and the methods are the plugin's saved-method rows, each naming its
 * own KOMOJU customer.
 */

export const ACCOUNT_HOLDER_CUSTOMER_KEY = "medusa_customer_id"

export function accountHolderFor(customerId: string | undefined): { id: string; data: Record<string, unknown> } {
  if (!customerId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A KOMOJU account holder needs the Medusa customer it is for")
  }
  return { id: customerId, data: { [ACCOUNT_HOLDER_CUSTOMER_KEY]: customerId } }
}

type AccountHolderLike = { data?: Record<string, unknown> | null; external_id?: string } | undefined

/** The Medusa customer behind an account holder Medusa passes back (its data, or its external id). */
export function customerOfAccountHolder(holder: AccountHolderLike): string | undefined {
  const fromData = holder?.data?.[ACCOUNT_HOLDER_CUSTOMER_KEY]
  return typeof fromData === "string" ? fromData : holder?.external_id
}

/** The methods KOMOJU confirmed saved for the customer, in this provider's mode, as Medusa lists payment methods. */
export async function listSavedMethods(
  records: SavedMethodRecords,
  customerId: string,
  mode: string
): Promise<{ id: string; data: Record<string, unknown> }[]> {
  return (await usableRows(records, customerId, mode)).map((row) => ({
    id: row.id,
    data: {
      payment_type: row.payment_type,
      brand: row.brand,
      last_four: row.last_four,
      exp_month: row.exp_month,
      exp_year: row.exp_year,
      komoju_customer_id: row.komoju_customer_id,
    },
  }))
}

/**
 * Saves a card or PayPay without a purchase: a `customer`-mode session on KOMOJU's page.
 * KOMOJU makes the customer with the session, so its id is known at once; the caller
 * records it for the customer, and `customer.updated` confirms it once the shopper has
 * saved the method on the page.
 */
export async function saveWithoutPaying(
  client: KomojuClient,
  options: ResolvedKomojuOptions,
  logger: Pick<Logger, "info">,
  { context, data = {} }: SavePaymentMethodInput
): Promise<SavePaymentMethodOutput> {
  const customerId = customerOfAccountHolder(context?.account_holder as AccountHolderLike)
  if (!customerId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Saving a KOMOJU payment method needs the signed-in customer's account holder")
  }
  const externalCustomerId = generateEntityId(undefined, "medusa")
  const request = buildSaveRequest({
    currency: komojuCurrency(typeof data.currency_code === "string" ? data.currency_code : "jpy"),
    data,
    options,
    customerPayment: { customerId, externalCustomerId },
    email: context?.customer?.email,
  })
  const session = await client.createSession(request, { idempotencyKey: context?.idempotency_key })
  if (!session.customer_id) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `KOMOJU session ${session.id} in customer mode names no customer`)
  }
  logger.info(`KOMOJU session ${session.id} saves a method for customer ${customerId} (KOMOJU customer ${session.customer_id})`)
  return {
    id: session.customer_id,
    data: {
      komoju_session_id: session.id,
      session_url: session.session_url,
      komoju_customer_id: session.customer_id,
      external_customer_id: externalCustomerId,
    },
  }
}

/** Erases one of the customer's methods at KOMOJU, then the row; a method that is not theirs is not found. */
export async function deleteSavedMethod(
  records: SavedMethodRecords,
  client: KomojuClient,
  logger: Logger,
  customerId: string | undefined,
  methodId: string
): Promise<void> {
  const rows = customerId ? await records.listKomojuSavedMethods({ customer_id: customerId }) : []
  const row = rows.find((candidate) => candidate.id === methodId)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Saved payment method not found")
  await eraseSavedMethodRow(records, client, logger, row)
}

/** Erases every method of the customer at KOMOJU (the account holder is being deleted). */
export async function deleteAllSavedMethods(
  records: SavedMethodRecords,
  client: KomojuClient,
  logger: Logger,
  customerId: string
): Promise<void> {
  for (const row of await records.listKomojuSavedMethods({ customer_id: customerId })) {
    await eraseSavedMethodRow(records, client, logger, row)
  }
}

async function usableRows(records: SavedMethodRecords, customerId: string, mode: string): Promise<SavedMethodRecord[]> {
  const rows = await records.listKomojuSavedMethods({ customer_id: customerId }, { order: { created_at: "DESC" } })
  return rows.filter((row) => row.mode === mode && row.confirmed_at)
}

/** KOMOJU first: a row is forgotten only once KOMOJU holds nothing of it. */
export async function eraseSavedMethodRow(
  records: Pick<SavedMethodRecords, "forgetSavedMethod">,
  client: KomojuClient,
  logger: Pick<Logger, "info">,
  row: Pick<SavedMethodRecord, "id" | "komoju_customer_id" | "external_customer_id">
): Promise<void> {
  await eraseAtKomoju(client, row)
  await records.forgetSavedMethod(row.komoju_customer_id)
  logger.info(`KOMOJU saved method ${row.id} (KOMOJU customer ${row.komoju_customer_id}) erased`)
}
