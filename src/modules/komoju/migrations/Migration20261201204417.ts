import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201204417 extends Migration {

  /**
   * The webhook ledger becomes the inbox: a delivery is done only once processed, and
   * refusals are counted per day instead of a row per request. The old ledger held
   * health figures only, so it is replaced rather than converted.
   */
  override async up(): Promise<void> {
    this.addSql(`drop table if exists "komoju_webhook_delivery" cascade;`);
    this.addSql(`create table if not exists "komoju_webhook_delivery" ("id" text not null, "delivery_id" text not null, "provider" text not null, "event_type" text not null, "komoju_payment_id" text null, "medusa_payment_session_id" text null, "status" text check ("status" in ('received', 'processing', 'processed', 'failed')) not null default 'received', "attempts" integer not null default 0, "last_error" text null, "received_at" timestamptz not null, "claimed_at" timestamptz null, "processed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "komoju_webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_webhook_delivery_deleted_at" ON "komoju_webhook_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_komoju_webhook_delivery_delivery_id_unique" ON "komoju_webhook_delivery" ("delivery_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_webhook_delivery_status_received_at" ON "komoju_webhook_delivery" ("status", "received_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "komoju_webhook_refusal" ("id" text not null, "day" text not null, "count" integer not null default 0, "last_reason" text null, "last_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "komoju_webhook_refusal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_webhook_refusal_deleted_at" ON "komoju_webhook_refusal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_komoju_webhook_refusal_day_unique" ON "komoju_webhook_refusal" ("day") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "komoju_order_notice" ("id" text not null, "order_id" text not null, "komoju_payment_id" text not null, "kind" text check ("kind" in ('captured_after_cancel_refunded', 'captured_after_cancel_needs_refund_request')) not null, "amount" integer not null, "currency" text not null, "message" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "komoju_order_notice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_order_notice_deleted_at" ON "komoju_order_notice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_order_notice_order_id" ON "komoju_order_notice" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_komoju_order_notice_order_id_komoju_payment_id_kind_unique" ON "komoju_order_notice" ("order_id", "komoju_payment_id", "kind") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "komoju_order_notice" cascade;`);
    this.addSql(`drop table if exists "komoju_webhook_refusal" cascade;`);
    this.addSql(`drop table if exists "komoju_webhook_delivery" cascade;`);
    this.addSql(`create table if not exists "komoju_webhook_delivery" ("id" text not null, "delivery_id" text null, "event_type" text null, "outcome" text check ("outcome" in ('accepted', 'refused')) not null, "reason" text null, "received_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "komoju_webhook_delivery_pkey" primary key ("id"));`);
  }

}
