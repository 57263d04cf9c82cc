import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123211243 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "komoju_setting" drop constraint if exists "komoju_setting_scope_type_scope_id_unique";`);
    this.addSql(`create table if not exists "komoju_setting" ("id" text not null, "scope_type" text check ("scope_type" in ('global', 'region', 'currency')) not null, "scope_id" text not null default '', "payment_types" jsonb null, "default_locale" text null, "capture_mode" text null, "session_expires_in_seconds" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "komoju_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_setting_deleted_at" ON "komoju_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_komoju_setting_scope_type_scope_id_unique" ON "komoju_setting" ("scope_type", "scope_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "komoju_webhook_delivery" ("id" text not null, "delivery_id" text null, "event_type" text null, "outcome" text check ("outcome" in ('accepted', 'refused')) not null, "reason" text null, "received_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "komoju_webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_webhook_delivery_deleted_at" ON "komoju_webhook_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_webhook_delivery_outcome_received_at" ON "komoju_webhook_delivery" ("outcome", "received_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "komoju_setting" cascade;`);

    this.addSql(`drop table if exists "komoju_webhook_delivery" cascade;`);
  }

}
