import { MedusaError } from "@medusajs/framework/utils"
import { KomojuError, SAVEABLE_PAYMENT_TYPES, type CreateSessionRequest, type KomojuClient, type KomojuCustomer, type KomojuPayment } from "../../lib/komoju"

/**
 * Saved cards and PayPay. KOMOJU keeps them, one KOMOJU customer per saved method, made
 * by a `customer_payment` session (pay and save); its hosted page also remembers the
 * method for one-click under the merchant's `external_customer_id`. Paying with a saved
 * method is another `customer_payment` session naming that customer and that id: the
 * page offers the method preselected, with one button, and runs 3-D Secure itself (which
 * Japanese card payments require), so the payment is an ordinary session payment for
 * every other part of the plugin.
 */

/**
 * What the store middleware decided for a signed-in customer's session, handed to the
 * provider in memory with the checkout details (a client cannot put it in `data`).
 */
export type CustomerPayment = {
  /** Medusa's customer, who saves or owns the method. */
  customerId: string
  /** The one-click id: new for a method being saved, the saved method's otherwise. */
  externalCustomerId: string
  /** Paying with a saved method: its KOMOJU customer and payment type. */
  komojuCustomerId?: string
  paymentType?: string
}

/** Session metadata that names, on the payment KOMOJU reports, whose method it saved. */
export const METADATA_SAVED_FOR = "medusa_customer_id"
export const METADATA_EXTERNAL_CUSTOMER_ID = "komoju_external_customer_id"

/** The session fields that save (or pay with) a customer's method. Pure. */
export function customerPaymentFields(
  payment: CustomerPayment,
  offered: string[] | undefined
): Pick<CreateSessionRequest, "mode" | "external_customer_id" | "customer_id" | "payment_types" | "metadata"> {
  if (payment.paymentType && offered && !offered.includes(payment.paymentType)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This checkout does not offer ${payment.paymentType}, the saved method's payment type`)
  }
  return {
    mode: "customer_payment",
    external_customer_id: payment.externalCustomerId,
    ...(payment.komojuCustomerId ? { customer_id: payment.komojuCustomerId } : {}),
    payment_types: saveableTypes(payment.paymentType ? [payment.paymentType] : offered),
    metadata: { [METADATA_SAVED_FOR]: payment.customerId, [METADATA_EXTERNAL_CUSTOMER_ID]: payment.externalCustomerId },
  }
}

function saveableTypes(offered: string[] | undefined): string[] {
  const types = (offered ?? SAVEABLE_PAYMENT_TYPES).filter((type) => SAVEABLE_PAYMENT_TYPES.includes(type))
  if (!types.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `KOMOJU can save only ${SAVEABLE_PAYMENT_TYPES.join(" and ")}, and this checkout offers ${offered?.join(", ") || "neither"}`
    )
  }
  return types
}

/** What a shopper recognises a saved method by (KOMOJU's field names mapped to ours). */
export type SavedMethodDisplay = {
  payment_type: string | null
  brand: string | null
  last_four: string | null
  exp_month: number | null
  exp_year: number | null
}

/**
 * A payment made through a `customer_payment` session, read back from KOMOJU: whose
 * method it saved (the metadata the plugin set), under which ids, and what it looks like.
 * Undefined for any other payment. Pure.
 */
export function savedMethodLinkOf(payment: KomojuPayment):
  | ({ komojuCustomerId: string; customerId: string; externalCustomerId: string } & SavedMethodDisplay)
  | undefined {
  const customerId = payment.metadata?.[METADATA_SAVED_FOR]
  const externalCustomerId = payment.metadata?.[METADATA_EXTERNAL_CUSTOMER_ID]
  if (!payment.customer || !customerId || !externalCustomerId) return undefined
  const details = payment.payment_details
  return {
    komojuCustomerId: payment.customer,
    customerId,
    externalCustomerId,
    payment_type: details?.type ?? null,
    brand: details?.brand ?? null,
    last_four: details?.last_four_digits ?? null,
    exp_month: details?.month ?? null,
    exp_year: details?.year ?? null,
  }
}

/** The saved source of a KOMOJU customer, or undefined while nothing is saved. Pure. */
export function savedSourceOf(customer: KomojuCustomer): SavedMethodDisplay | undefined {
  const source = customer.source
  if (!source?.type) return undefined
  return {
    payment_type: source.type,
    brand: source.brand ?? null,
    last_four: source.last_four_digits ?? null,
    exp_month: source.month ?? null,
    exp_year: source.year ?? null,
  }
}

/** What erasing one saved method at KOMOJU needs. */
export type KomojuSavedMethodIds = { komoju_customer_id: string; external_customer_id: string | null }

/**
 * Erases a saved method at KOMOJU: its customer (with the saved source) and the hosted
 * page's one-click memory. Both calls are deletes; what KOMOJU no longer has (404) is
 * already erased, so a retry after a partial failure completes the erasure.
 */
export async function eraseAtKomoju(client: KomojuClient, method: KomojuSavedMethodIds): Promise<void> {
  await goneIsFine(client.deleteCustomer(method.komoju_customer_id))
  if (method.external_customer_id) await goneIsFine(client.deleteExternalCustomer(method.external_customer_id))
}

async function goneIsFine(call: Promise<unknown>): Promise<void> {
  try {
    await call
  } catch (error) {
    if (!(error instanceof KomojuError && error.httpStatus === 404)) throw error
  }
}
