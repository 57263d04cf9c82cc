import { z } from "@medusajs/framework/zod"
import { KomojuLocales, SESSION_EXPIRY_MAX_SECONDS } from "../../../lib/komoju"
import { MEDUSA_REFUND_DESCRIPTION_PREFIX } from "../../../providers/komoju/refunds"
import { accountHolderName, BANK_ACCOUNT_TYPES, DIGITS, isDigits, normalizeDigits, type DigitField } from "../../../lib/refund-request-rules"

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

const digitsOf = (field: DigitField) =>
  z
    .string()
    .transform(normalizeDigits)
    .refine((value) => isDigits(value, field), `${field} must be ${DIGITS[field]} digits`)

const text = (max: number) => z.string().trim().min(1).max(max)

/**
 * A refund of a cash payment to the customer's bank account. `amount` is in the order
 * currency's major units, as the admin sees them; `request_id` is made by the form once
 * per submission and becomes KOMOJU's idempotency key, so a double click or a retry
 * makes one request.
 */
export const AdminCreateKomojuRefundRequest = z
  .object({
    amount: z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/, "amount must be a number")]),
    customer_name: z.string().transform((value, ctx) => {
      const name = accountHolderName(value)
      if (name) return name
      ctx.addIssue({
        code: "custom",
        message: "customer_name must be the account holder's name in katakana (full-width, half-width or hiragana), as the bank registers it",
      })
      return z.NEVER
    }),
    bank_name: text(100),
    bank_code: digitsOf("bank_code").optional(),
    branch_name: text(100).optional(),
    branch_number: digitsOf("branch_number"),
    account_type: z.enum(BANK_ACCOUNT_TYPES),
    account_number: digitsOf("account_number"),
    include_payment_method_fee: z.boolean().default(false),
    // KOMOJU gives the refund it pays the request's description; this prefix would make
    // it look like a refund Medusa made, and it would never be recorded on the order.
    description: text(255)
      .refine((value) => !value.startsWith(MEDUSA_REFUND_DESCRIPTION_PREFIX), `description may not start with "${MEDUSA_REFUND_DESCRIPTION_PREFIX}"`)
      .optional(),
    request_id: z.string().uuid(),
  })
  .strict()

export type AdminCreateKomojuRefundRequestType = z.infer<typeof AdminCreateKomojuRefundRequest>
