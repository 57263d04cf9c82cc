import { useTranslation } from "react-i18next"
import type { TranslationKey } from "../i18n"

/** Groups of labels for values KOMOJU or Medusa send (statuses, konbini chains). */
type LabelGroup =
  | "komoju.order.komojuStatuses"
  | "komoju.order.medusaStatuses"
  | "komoju.order.stores"
  | "komoju.order.notices"

export type Translate = (key: TranslationKey, values?: Record<string, string | number>) => string

/**
 * The plugin's strings in the admin's language, through the dashboard's own i18next
 * instance (resources from ../i18n), so a language change in the admin applies at once.
 */
export function useKomojuTranslation() {
  const { t, i18n } = useTranslation()
  const translate: Translate = (key, values) => t(key, values)
  /** A label for a value from the server; `fallback` (the value) when it is one we do not know. */
  const label = (group: LabelGroup, value: string, values?: Record<string, string | number>, fallback = value) =>
    i18n.exists(`${group}.${value}`) ? t(`${group}.${value}`, values) : fallback
  const locale = i18n.resolvedLanguage || i18n.language || "en"
  return {
    t: translate,
    label,
    /** For dates and money: the admin's language, e.g. "ja" or "en". */
    locale,
    /** Which name of a payment type comes first: KOMOJU's names exist in these two. */
    nameLanguage: (locale.startsWith("ja") ? "ja" : "en") as "ja" | "en",
  }
}
