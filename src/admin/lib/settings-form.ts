/** The settings page's editable state and how it maps to the API. Pure. */
import type {
  KomojuCaptureMode,
  KomojuLocale,
  KomojuPaymentTypeInfo,
  KomojuScope,
  KomojuSettings,
  KomojuSettingsUpdate,
} from "./types"

export type SettingsDraft = {
  /** null: the provider option from medusa-config.ts. */
  payment_types: string[] | null
  default_locale: KomojuLocale | null
  capture_mode: KomojuCaptureMode | null
  /** The input's text, so that a half-typed number survives; "" is the default. */
  session_expires_in_seconds: string
  scopes: KomojuScope[]
}

export function draftFromSettings(settings: KomojuSettings): SettingsDraft {
  return {
    payment_types: settings.payment_types,
    default_locale: settings.default_locale,
    capture_mode: settings.capture_mode,
    session_expires_in_seconds: settings.session_expires_in_seconds?.toString() ?? "",
    scopes: settings.scopes,
  }
}

/**
 * The whole draft, every time: the server checks the combination (a region's types
 * against the global list) and replaces the scoped rows with what it is sent. Range
 * checks on the expiry are the server's too, so its message is the one shown.
 */
export function updateFromDraft(draft: SettingsDraft): KomojuSettingsUpdate {
  const expiry = draft.session_expires_in_seconds.trim()
  return {
    payment_types: draft.payment_types,
    default_locale: draft.default_locale,
    capture_mode: draft.capture_mode,
    session_expires_in_seconds: expiry === "" ? null : Number(expiry),
    scopes: draft.scopes,
  }
}

export function sameDraft(a: SettingsDraft, b: SettingsDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Adds or removes one type, keeping the catalog's order so lists read the same everywhere. */
export function toggleType(
  selected: readonly string[],
  id: string,
  catalog: readonly KomojuPaymentTypeInfo[]
): string[] {
  if (selected.includes(id)) return selected.filter((selectedId) => selectedId !== id)
  const rank = (typeId: string) => {
    const index = catalog.findIndex((type) => type.id === typeId)
    return index < 0 ? catalog.length : index
  }
  return [...selected, id].sort((a, b) => rank(a) - rank(b))
}

export function acceptsCurrency(type: KomojuPaymentTypeInfo, currency: string): boolean {
  return type.currencies.includes(currency.toUpperCase())
}

/** What a newly added region starts with: the store-wide types its currency accepts. */
export function initialRegionTypes(
  storeWide: readonly string[],
  catalog: readonly KomojuPaymentTypeInfo[],
  currency: string
): string[] {
  return storeWide.filter((id) => {
    const type = catalog.find((candidate) => candidate.id === id)
    return !!type && acceptsCurrency(type, currency)
  })
}
