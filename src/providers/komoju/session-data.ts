import { MedusaError } from "@medusajs/framework/utils"
import type {
  KomojuCaptureMode,
  KomojuPayment,
  KomojuPaymentStatus,
  KomojuSession,
} from "../../lib/komoju"

/**
 * What the provider keeps in Medusa's payment session (and payment) `data`. The
 * storefront reads `session_url`; the admin reads the payment summary. No card numbers,
 * no e-mail, no names: only ids and what a merchant needs to recognise the payment.
 */
export type KomojuSessionData = {
  /** Medusa's payment session id (the payment module adds it on initiate). */
  session_id?: string
  cart_id?: string
  komoju_session_id: string
  /** The hosted page: send the customer here. */
  session_url: string
  external_order_num: string
  /**
   * What Medusa asked KOMOJU for, in minor units and upper case: every session and
   * payment KOMOJU reports is checked against it.
   */
  amount: number
  currency: string
  capture_mode: KomojuCaptureMode
  return_url: string
  /** How often the session was replaced for a new amount (0 for the first). */
  revision: number
  /** `test` or `live`, from the secret key. */
  mode: "test" | "live"
  komoju_payment_id?: string
  komoju_payment_status?: KomojuPaymentStatus
  /**
   * What KOMOJU charged: a method may charge in another currency than the session's
   * (an exchange rate on the hosted page); refunds and `amount_refunded` are in it.
   */
  komoju_payment_amount?: number
  komoju_payment_currency?: string
  payment_type?: string
  payment_details?: KomojuPaymentSummary
  amount_refunded?: number
  refunds?: { id: string; amount: number; created_at: string }[]
  /**
   * KOMOJU refund ids that a Medusa refund already stands for: ours, and those made in
   * KOMOJU's dashboard once mirrored. A KOMOJU refund outside this list is still to be
   * recorded in Medusa, never to be made again.
   */
  komoju_refunds_recorded?: string[]
}

/**
 * The parts of KOMOJU's `payment_details` a shopper needs to pay and a merchant needs to
 * recognise the payment (field names as in KOMOJU's SDK); nothing personal: the account
 * a bank transfer goes to is KOMOJU's, not the shopper's.
 */
export type KomojuPaymentSummary = {
  /** Card. */
  brand?: string
  last_four_digits?: string
  /** Konbini. */
  store?: string
  receipt?: string
  confirmation_code?: string
  instructions_url?: string
  /** Bank transfer. */
  bank_name?: string
  account_branch_name?: string
  account_type?: string
  account_number?: string
  account_name?: string
  order_id?: string
  /** Pay-easy. */
  bank_id?: string
  customer_id?: string
  confirmation_id?: string
  payment_url?: string
  payment_deadline?: string | null
}

const SUMMARY_FIELDS = [
  "brand", "last_four_digits", "store", "receipt", "confirmation_code", "instructions_url",
  "bank_name", "account_branch_name", "account_type", "account_number", "account_name", "order_id",
  "bank_id", "customer_id", "confirmation_id", "payment_url",
] as const satisfies readonly (keyof KomojuPaymentSummary)[]

export function readSessionData(data: Record<string, unknown> | undefined): KomojuSessionData {
  if (!data || typeof data.komoju_session_id !== "string") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "This payment session has no KOMOJU session (komoju_session_id is missing from its data)"
    )
  }
  return data as KomojuSessionData
}

export function hasKomojuSession(data: Record<string, unknown> | undefined): boolean {
  return typeof data?.komoju_session_id === "string"
}

export function withSession(
  data: KomojuSessionData,
  session: KomojuSession
): KomojuSessionData {
  return session.payment ? withPayment(data, session.payment) : data
}

export function withPayment(
  data: KomojuSessionData,
  payment: KomojuPayment
): KomojuSessionData {
  const details = payment.payment_details ?? undefined
  const summary: KomojuPaymentSummary = dropEmpty({
    ...Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, textOf(details?.[field])])),
    payment_deadline: payment.payment_deadline ?? undefined,
  })
  return {
    ...data,
    komoju_payment_id: payment.id,
    komoju_payment_status: payment.status,
    komoju_payment_amount: payment.amount,
    komoju_payment_currency: payment.currency,
    payment_type: details?.type,
    payment_details: summary,
    amount_refunded: payment.amount_refunded ?? 0,
    refunds: (payment.refunds ?? []).map((refund) => ({
      id: refund.id,
      amount: refund.amount,
      created_at: refund.created_at,
    })),
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined
}

function dropEmpty<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== "")
  ) as T
}
