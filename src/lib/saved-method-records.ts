import { MedusaError } from "@medusajs/framework/utils"

/** The saved-method rows the provider reads, as the plugin's module keeps them. */
export type SavedMethodRecord = {
  id: string
  /** Medusa's payment provider, `pp_komoju_<id>`. */
  provider_id: string
  mode: string
  komoju_customer_id: string
  customer_id: string | null
  external_customer_id: string | null
  payment_type: string | null
  brand: string | null
  last_four: string | null
  exp_month: number | null
  exp_year: number | null
  confirmed_at: Date | null
  created_at: Date
}

export type SavedMethodRecords = {
  listKomojuSavedMethods(filters: { customer_id: string }, config?: { order?: Record<string, "ASC" | "DESC"> }): Promise<SavedMethodRecord[]>
  forgetSavedMethod(komojuCustomerId: string): Promise<void>
}

/**
 * Where the payment provider finds the customers' saved methods. Medusa gives a provider
 * the payment module's container only, without the plugin's module, which keeps the
 * rows; the module makes itself known here when Medusa builds it, in the same process.
 */
let current: SavedMethodRecords | undefined

export function useSavedMethodRecords(records: SavedMethodRecords): void {
  current = records
}

export function savedMethodRecords(): SavedMethodRecords {
  if (!current) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Saved KOMOJU methods need the plugin's komoju module: register medusa-payment-komoju in medusa-config.ts's plugins"
    )
  }
  return current
}
