import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { useSavedMethodRecords, type SavedMethodRecords } from "../../lib/saved-method-records"
import { CHECKOUT_CONTEXT_SQL } from "./checkout-context-sql"
import { effectiveSettings, type EffectiveKomojuSettings, type KomojuSettingRow } from "./effective-settings"
import { KomojuOrderNotice } from "./models/komoju-order-notice"
import { KomojuRefundRequest } from "./models/komoju-refund-request"
import { KomojuSavedMethod } from "./models/komoju-saved-method"
import {
  confirmSavedMethod,
  forgetSavedMethod,
  linkSavedMethod,
  type SavedMethodAccount,
  type SavedMethodLink,
} from "./saved-method-statements"
import type { SavedMethodDisplay } from "../../providers/komoju/saved-methods"
import { KomojuSetting } from "./models/komoju-setting"
import { DeliveryStatus, KomojuWebhookDelivery } from "./models/komoju-webhook-delivery"
import { KomojuWebhookRefusal } from "./models/komoju-webhook-refusal"

/** The part of MikroORM's entity manager the ledger's atomic statements use. */
type SqlManager = { execute<T>(sql: string, params?: unknown[], method?: "all" | "get" | "run"): Promise<T> }

export type DeliveryRow = {
  id: string
  delivery_id: string
  provider: string
  event_type: string
  komoju_payment_id: string | null
  komoju_customer_id: string | null
  medusa_payment_session_id: string | null
  status: DeliveryStatus
  attempts: number
}

export type NewDelivery = Pick<DeliveryRow, "delivery_id" | "provider" | "event_type" | "komoju_payment_id" | "komoju_customer_id" | "medusa_payment_session_id">

export type NewRefundRequest = {
  order_id: string
  provider_id: string
  komoju_payment_id: string
  komoju_refund_request_id: string
  /** Minor units, in `currency`. */
  amount: number
  currency: string
  bank_name: string
  account_last_digits: string
  include_payment_method_fee: boolean
}

export type SettingsInput = {
  global: Partial<Omit<KomojuSettingRow, "scope_type" | "scope_id">>
  /** When given, replaces every region and currency row. */
  scopes?: { scope_type: "region" | "currency"; scope_id: string; payment_types: string[] }[]
}

/** What a new KOMOJU payment session needs from Medusa: its collection's cart and the admin settings. */
export type CheckoutContext = {
  /** Null when no payment collection has this id. */
  currency_code: string | null
  cart_id: string | null
  region_id: string | null
  locale: string | null
  /** The cart's lines (without totals) and addresses, as `checkout-context-sql.ts` reads them. */
  cart: Record<string, unknown> | null
  settings: KomojuSettingRow[]
}

const DELIVERY_COLUMNS = "id, delivery_id, provider, event_type, komoju_payment_id, komoju_customer_id, medusa_payment_session_id, status, attempts"

/**
 * The plugin's own data: admin settings, the webhook inbox and refusal counters, and
 * notices and refund requests on orders, customers' saved KOMOJU methods. The inbox's statements are single SQL statements so that two
 * servers receiving the same delivery, or two workers picking it up, cannot both win.
 */
export class KomojuModuleService extends MedusaService({
  KomojuSetting,
  KomojuWebhookDelivery,
  KomojuWebhookRefusal,
  KomojuOrderNotice,
  KomojuRefundRequest,
  KomojuSavedMethod,
}) {
  constructor(...args: ConstructorParameters<ReturnType<typeof MedusaService>>) {
    super(...args)
    useSavedMethodRecords(this as unknown as SavedMethodRecords)
  }

  async resolveSettings(scope: { regionId?: string; currencyCode?: string }): Promise<EffectiveKomojuSettings> {
    const rows = (await this.listKomojuSettings({})) as KomojuSettingRow[]
    return effectiveSettings(rows, scope)
  }

  /**
   * The cart of a payment collection (through Medusa's cart ↔ payment collection link),
   * its lines and addresses, and every admin settings row, in one statement
   * (`checkout-context-sql.ts`): the store middleware's one query per new KOMOJU
   * session. The settings are read afresh each time (a few rows, in the same round
   * trip), so a save applies to the next session on every server at once, with nothing
   * cached to invalidate. The statement reads Medusa's cart and payment tables,
   * so it needs them in the plugin's database, as Medusa keeps them by default; where it
   * fails, the caller falls back to Medusa's query API.
   */
  @InjectManager()
  async checkoutContext(paymentCollectionId: string, @MedusaContext() sharedContext: Context<SqlManager> = {}): Promise<CheckoutContext> {
    const [row] = await sharedContext.manager!.execute<CheckoutContext[]>(
      CHECKOUT_CONTEXT_SQL,
      [paymentCollectionId]
    )
    return row
  }

  /** The admin's settings, written in one transaction: all of it is saved, or none. */
  @InjectTransactionManager()
  async saveSettings(input: SettingsInput, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const rows = await this.listKomojuSettings({}, {}, sharedContext)
    const global = rows.find((row) => row.scope_type === "global")
    if (global) {
      await this.updateKomojuSettings({ id: global.id, ...input.global }, sharedContext)
    } else {
      await this.createKomojuSettings({ scope_type: "global", scope_id: "", ...input.global }, sharedContext)
    }
    if (!input.scopes) return
    const scoped = rows.filter((row) => row.scope_type !== "global").map((row) => row.id)
    if (scoped.length) await this.deleteKomojuSettings(scoped, sharedContext)
    if (input.scopes.length) await this.createKomojuSettings(input.scopes, sharedContext)
  }

  /**
   * Records a verified delivery unless KOMOJU's id is already known. Returns whether it
   * is new and the status it has now.
   */
  @InjectManager()
  async receiveDelivery(
    delivery: NewDelivery,
    @MedusaContext() sharedContext: Context<SqlManager> = {}
  ): Promise<{ isNew: boolean; delivery: DeliveryRow }> {
    const sql = sharedContext.manager!
    const inserted = await sql.execute<DeliveryRow[]>(
      `insert into komoju_webhook_delivery (id, delivery_id, provider, event_type, komoju_payment_id, komoju_customer_id, medusa_payment_session_id, status, attempts, received_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 0, now())
       on conflict (delivery_id) where deleted_at is null do nothing
       returning ${DELIVERY_COLUMNS}`,
      [
        generateEntityId(undefined, "kjwh"),
        delivery.delivery_id,
        delivery.provider,
        delivery.event_type,
        delivery.komoju_payment_id,
        delivery.komoju_customer_id,
        delivery.medusa_payment_session_id,
        DeliveryStatus.Received,
      ]
    )
    if (inserted[0]) return { isNew: true, delivery: inserted[0] }
    const [existing] = await sql.execute<DeliveryRow[]>(
      `select ${DELIVERY_COLUMNS} from komoju_webhook_delivery where delivery_id = ? and deleted_at is null`,
      [delivery.delivery_id]
    )
    return { isNew: false, delivery: existing }
  }

  /**
   * Takes a delivery for processing, if nobody has it: received, failed, or claimed by a
   * worker that has not finished within `staleAfterMs` (it died). One winner only.
   */
  @InjectManager()
  async claimDelivery(
    deliveryId: string,
    staleAfterMs: number,
    @MedusaContext() sharedContext: Context<SqlManager> = {}
  ): Promise<DeliveryRow | undefined> {
    const [claimed] = await sharedContext.manager!.execute<DeliveryRow[]>(
      `update komoju_webhook_delivery
          set status = ?, attempts = attempts + 1, claimed_at = now(), updated_at = now()
        where delivery_id = ? and deleted_at is null
          and (status in (?, ?) or (status = ? and claimed_at < now() - (? * interval '1 millisecond')))
        returning ${DELIVERY_COLUMNS}`,
      [DeliveryStatus.Processing, deliveryId, DeliveryStatus.Received, DeliveryStatus.Failed, DeliveryStatus.Processing, staleAfterMs]
    )
    return claimed
  }

  @InjectManager()
  async finishDelivery(
    id: string,
    outcome: { error?: string },
    @MedusaContext() sharedContext: Context<SqlManager> = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `update komoju_webhook_delivery
          set status = ?, last_error = ?, processed_at = case when ? then now() else processed_at end, updated_at = now()
        where id = ?`,
      [outcome.error ? DeliveryStatus.Failed : DeliveryStatus.Processed, outcome.error?.slice(0, 500) ?? null, !outcome.error, id],
      "run"
    )
  }

  /** Deliveries still not processed after `olderThanMs` (a lost event, a failure, a dead worker). */
  @InjectManager()
  async unfinishedDeliveries(
    { olderThanMs, maxAttempts, limit }: { olderThanMs: number; maxAttempts: number; limit: number },
    @MedusaContext() sharedContext: Context<SqlManager> = {}
  ): Promise<DeliveryRow[]> {
    return sharedContext.manager!.execute<DeliveryRow[]>(
      `select ${DELIVERY_COLUMNS} from komoju_webhook_delivery
        where deleted_at is null and status <> ? and attempts < ?
          and coalesce(claimed_at, received_at) < now() - (? * interval '1 millisecond')
        order by received_at limit ?`,
      [DeliveryStatus.Processed, maxAttempts, olderThanMs, limit]
    )
  }

  /** Counts a refused webhook request: one row per day, whatever the number of requests. */
  @InjectManager()
  async countRefusal(reason: string, @MedusaContext() sharedContext: Context<SqlManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `insert into komoju_webhook_refusal (id, day, count, last_reason, last_at)
       values (?, to_char(now() at time zone 'UTC', 'YYYY-MM-DD'), 1, ?, now())
       on conflict (day) where deleted_at is null
       do update set count = komoju_webhook_refusal.count + 1, last_reason = excluded.last_reason,
                     last_at = excluded.last_at, updated_at = now()`,
      [generateEntityId(undefined, "kjwr"), reason],
      "run"
    )
  }

  /** Forgets processed deliveries and old refusal counts; unfinished deliveries stay. */
  @InjectManager()
  async pruneWebhookLedger(
    { processedBefore, refusalsBefore }: { processedBefore: Date; refusalsBefore: Date },
    @MedusaContext() sharedContext: Context<SqlManager> = {}
  ): Promise<void> {
    const sql = sharedContext.manager!
    await sql.execute(`delete from komoju_webhook_delivery where status = ? and received_at < ?`, [DeliveryStatus.Processed, processedBefore], "run")
    await sql.execute(`delete from komoju_webhook_refusal where last_at < ?`, [refusalsBefore], "run")
  }

  /**
   * Records a refund request KOMOJU accepted unless its id is already recorded (an
   * idempotent replay of the same submission, or two servers answering it): one row per
   * KOMOJU request, whoever gets there first. Returns whether this call recorded it.
   */
  @InjectManager()
  async recordRefundRequest(row: NewRefundRequest, @MedusaContext() sharedContext: Context<SqlManager> = {}): Promise<boolean> {
    const inserted = await sharedContext.manager!.execute<{ id: string }[]>(
      `insert into komoju_refund_request (id, order_id, provider_id, komoju_payment_id, komoju_refund_request_id, amount, currency, bank_name, account_last_digits, include_payment_method_fee)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (komoju_refund_request_id) where deleted_at is null do nothing
       returning id`,
      [
        generateEntityId(undefined, "kjrr"),
        row.order_id,
        row.provider_id,
        row.komoju_payment_id,
        row.komoju_refund_request_id,
        row.amount,
        row.currency,
        row.bank_name,
        row.account_last_digits,
        row.include_payment_method_fee,
      ]
    )
    return inserted.length > 0
  }

  /** A payment read back from KOMOJU saved a customer's method; returns the row's owner (`saved-method-statements.ts`). */
  @InjectManager()
  async linkSavedMethod(link: SavedMethodLink, @MedusaContext() sharedContext: Context<SqlManager> = {}): Promise<string | null> {
    return linkSavedMethod(sharedContext.manager!, link)
  }

  /** KOMOJU's customer, read back, shows the method saved. */
  @InjectManager()
  async confirmSavedMethod(
    account: SavedMethodAccount,
    komojuCustomerId: string,
    source: SavedMethodDisplay,
    @MedusaContext() sharedContext: Context<SqlManager> = {}
  ): Promise<void> {
    await confirmSavedMethod(sharedContext.manager!, account, komojuCustomerId, source)
  }

  /** KOMOJU no longer has the customer (deleted there, or erased by the plugin). */
  @InjectManager()
  async forgetSavedMethod(komojuCustomerId: string, @MedusaContext() sharedContext: Context<SqlManager> = {}): Promise<void> {
    await forgetSavedMethod(sharedContext.manager!, komojuCustomerId)
  }

  /** When the last webhook was processed, how many wait or failed, and how many were refused. */
  async webhookHealth(): Promise<{
    last_processed_at: Date | null
    last_processed_event: string | null
    unfinished_count: number
    refused_count: number
    last_refused_at: Date | null
  }> {
    const [processed] = await this.listKomojuWebhookDeliveries(
      { status: DeliveryStatus.Processed },
      { order: { processed_at: "DESC" }, take: 1 }
    )
    const [, unfinished] = await this.listAndCountKomojuWebhookDeliveries(
      { status: [DeliveryStatus.Received, DeliveryStatus.Processing, DeliveryStatus.Failed] },
      { take: 1 }
    )
    const refusals = await this.listKomojuWebhookRefusals({}, { order: { last_at: "DESC" } })
    return {
      last_processed_at: processed?.processed_at ?? null,
      last_processed_event: processed?.event_type ?? null,
      unfinished_count: unfinished,
      refused_count: refusals.reduce((sum, row) => sum + row.count, 0),
      last_refused_at: refusals[0]?.last_at ?? null,
    }
  }
}

export default KomojuModuleService
