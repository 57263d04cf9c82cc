/** Settings as stored, one row per scope. */
export type KomojuSettingRow = {
  scope_type: "global" | "region" | "currency"
  scope_id: string
  payment_types: string[] | null
  default_locale: string | null
  capture_mode: string | null
  session_expires_in_seconds: number | null
}

/** What applies to one payment session; absent fields fall back to provider options. */
export type EffectiveKomojuSettings = {
  payment_types?: string[]
  default_locale?: string
  capture_mode?: string
  session_expires_in_seconds?: number
}

/**
 * The most specific scope wins for payment types (region, then currency, then global);
 * locale, capture mode and expiry are store-wide. Pure, so the rule is tested alone.
 */
export function effectiveSettings(
  rows: KomojuSettingRow[],
  scope: { regionId?: string; currencyCode?: string }
): EffectiveKomojuSettings {
  const find = (type: KomojuSettingRow["scope_type"], id = "") =>
    rows.find((row) => row.scope_type === type && row.scope_id === id)
  const global = find("global")
  const byRegion = scope.regionId ? find("region", scope.regionId) : undefined
  const byCurrency = scope.currencyCode ? find("currency", scope.currencyCode.toLowerCase()) : undefined
  const paymentTypes =
    byRegion?.payment_types ?? byCurrency?.payment_types ?? global?.payment_types ?? undefined
  return dropNull({
    payment_types: paymentTypes ?? undefined,
    default_locale: global?.default_locale ?? undefined,
    capture_mode: global?.capture_mode ?? undefined,
    session_expires_in_seconds: global?.session_expires_in_seconds ?? undefined,
  })
}

function dropNull<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T
}
