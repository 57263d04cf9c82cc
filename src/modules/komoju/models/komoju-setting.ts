import { model } from "@medusajs/framework/utils"

/**
 * Admin-chosen KOMOJU settings. One `global` row holds the store-wide choices; rows
 * scoped to a region or a currency narrow the payment types there (konbini only in
 * JPY, say). A null field means "use the provider option from medusa-config.ts".
 */
export const KomojuSetting = model
  .define("komoju_setting", {
    id: model.id({ prefix: "kjset" }).primaryKey(),
    scope_type: model.enum(["global", "region", "currency"]),
    /** Region id or lower-case currency code; empty for the global row. */
    scope_id: model.text().default(""),
    payment_types: model.json<string[]>().nullable(),
    default_locale: model.text().nullable(),
    capture_mode: model.text().nullable(),
    session_expires_in_seconds: model.number().nullable(),
  })
  .indexes([{ on: ["scope_type", "scope_id"], unique: true }])
