import { z } from "@medusajs/framework/zod"
import { KomojuLocales, SESSION_EXPIRY_MAX_SECONDS } from "../../../lib/komoju"

const paymentTypes = z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1, "choose at least one payment type")

export const AdminUpdateKomojuSettings = z
  .object({
    /** null = back to the provider option. */
    payment_types: paymentTypes.nullable().optional(),
    default_locale: z.enum(KomojuLocales).nullable().optional(),
    capture_mode: z.enum(["auto", "manual"]).nullable().optional(),
    session_expires_in_seconds: z.number().int().min(60).max(SESSION_EXPIRY_MAX_SECONDS).nullable().optional(),
    /** Per region or currency payment types; replaces every scoped row. */
    scopes: z
      .array(
        z.object({
          scope_type: z.enum(["region", "currency"]),
          scope_id: z.string().min(1),
          payment_types: paymentTypes,
        })
      )
      .optional(),
  })
  .strict()

export type AdminUpdateKomojuSettingsType = z.infer<typeof AdminUpdateKomojuSettings>
