import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202090000 extends Migration {

  /** Saved KOMOJU methods (ids and display fields only), and the customer a `customer.*` delivery is about. */
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "komoju_saved_method" ("id" text not null, "provider_id" text not null, "mode" text not null, "komoju_customer_id" text not null, "customer_id" text null, "external_customer_id" text null, "payment_type" text null, "brand" text null, "last_four" text null, "exp_month" integer null, "exp_year" integer null, "confirmed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "komoju_saved_method_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_saved_method_deleted_at" ON "komoju_saved_method" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_komoju_saved_method_komoju_customer_id_unique" ON "komoju_saved_method" ("komoju_customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_saved_method_customer_id" ON "komoju_saved_method" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "komoju_webhook_delivery" add column if not exists "komoju_customer_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "komoju_saved_method" cascade;`);
    this.addSql(`alter table if exists "komoju_webhook_delivery" drop column if exists "komoju_customer_id";`);
  }

}
