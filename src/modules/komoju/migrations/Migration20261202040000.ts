import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202040000 extends Migration {

  /** Refund requests sent to KOMOJU for cash payments; no bank account details beyond the last digits. */
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "komoju_refund_request" ("id" text not null, "order_id" text not null, "provider_id" text not null, "komoju_payment_id" text not null, "komoju_refund_request_id" text not null, "amount" integer not null, "currency" text not null, "bank_name" text not null, "account_last_digits" text not null, "include_payment_method_fee" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "komoju_refund_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_refund_request_deleted_at" ON "komoju_refund_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_komoju_refund_request_order_id" ON "komoju_refund_request" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_komoju_refund_request_komoju_refund_request_id_unique" ON "komoju_refund_request" ("komoju_refund_request_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "komoju_refund_request" cascade;`);
  }

}
