import { generateEntityId } from "@medusajs/framework/utils"
import type { SavedMethodDisplay } from "../../providers/komoju/saved-methods"

/**
 * The saved-method table's writes, one statement each: a payment that saved a method
 * and KOMOJU's `customer.updated` are read back in either order (and by several workers
 * at once), and each fills its own columns of the one row per KOMOJU customer.
 */

export type SqlExecutor = { execute<T>(sql: string, params?: unknown[], method?: "all" | "get" | "run"): Promise<T> }

export type SavedMethodAccount = { provider_id: string; mode: "test" | "live" }

export type SavedMethodLink = SavedMethodAccount &
  SavedMethodDisplay & { komoju_customer_id: string; customer_id: string; external_customer_id: string }

const INSERT_COLUMNS = "id, provider_id, mode, komoju_customer_id, customer_id, external_customer_id, payment_type, brand, last_four, exp_month, exp_year, confirmed_at"

/**
 * A payment names whose method it saved. The owner is set once and never changed (a
 * second claim on the same KOMOJU customer is refused, and reported), and display fields
 * read from KOMOJU's customer are kept over the payment's. Returns the owner the row has.
 */
export async function linkSavedMethod(sql: SqlExecutor, link: SavedMethodLink): Promise<string | null> {
  const [row] = await sql.execute<{ customer_id: string | null }[]>(
    `insert into komoju_saved_method (${INSERT_COLUMNS})
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)
     on conflict (komoju_customer_id) where deleted_at is null do update set
       customer_id = coalesce(komoju_saved_method.customer_id, excluded.customer_id),
       external_customer_id = coalesce(komoju_saved_method.external_customer_id, excluded.external_customer_id),
       payment_type = coalesce(komoju_saved_method.payment_type, excluded.payment_type),
       brand = case when komoju_saved_method.confirmed_at is null then excluded.brand else komoju_saved_method.brand end,
       last_four = case when komoju_saved_method.confirmed_at is null then excluded.last_four else komoju_saved_method.last_four end,
       exp_month = case when komoju_saved_method.confirmed_at is null then excluded.exp_month else komoju_saved_method.exp_month end,
       exp_year = case when komoju_saved_method.confirmed_at is null then excluded.exp_year else komoju_saved_method.exp_year end,
       updated_at = now()
     returning customer_id`,
    [
      generateEntityId(undefined, "kjsm"), link.provider_id, link.mode, link.komoju_customer_id, link.customer_id,
      link.external_customer_id, link.payment_type, link.brand, link.last_four, link.exp_month, link.exp_year,
    ]
  )
  return row?.customer_id ?? null
}

/** KOMOJU's customer shows the method saved: its display fields win, and it may be offered. */
export async function confirmSavedMethod(
  sql: SqlExecutor,
  account: SavedMethodAccount,
  komojuCustomerId: string,
  source: SavedMethodDisplay
): Promise<void> {
  await sql.execute(
    `insert into komoju_saved_method (${INSERT_COLUMNS})
     values (?, ?, ?, ?, null, null, ?, ?, ?, ?, ?, now())
     on conflict (komoju_customer_id) where deleted_at is null do update set
       payment_type = excluded.payment_type, brand = excluded.brand, last_four = excluded.last_four,
       exp_month = excluded.exp_month, exp_year = excluded.exp_year,
       confirmed_at = coalesce(komoju_saved_method.confirmed_at, now()), updated_at = now()`,
    [
      generateEntityId(undefined, "kjsm"), account.provider_id, account.mode, komojuCustomerId,
      source.payment_type, source.brand, source.last_four, source.exp_month, source.exp_year,
    ],
    "run"
  )
}

/** KOMOJU no longer has the customer: the method is forgotten (soft-deleted). */
export async function forgetSavedMethod(sql: SqlExecutor, komojuCustomerId: string): Promise<void> {
  await sql.execute(
    `update komoju_saved_method set deleted_at = now(), updated_at = now() where komoju_customer_id = ? and deleted_at is null`,
    [komojuCustomerId],
    "run"
  )
}
