import type { Locale } from "../constants"
import { isCurrency, toMajorUnits } from "../currencies"

const INTL_LOCALES: Record<Locale, string> = { ja: "ja-JP", en: "en-US", ko: "ko-KR" }

/** 8888 JPY → "￥8,888"; 1234 USD → "$12.34" (minor units, per the currency's decimals). */
export function formatAmount(amount: number, currency: string, locale: Locale): string {
  if (!isCurrency(currency)) return `${amount} ${currency}`
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: "currency", currency }).format(toMajorUnits(amount, currency))
}

/** Deadlines are Japanese times, shown as such whatever the reader's zone. */
export function formatDeadline(time: string, locale: Locale): string {
  return `${new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(time))} (JST)`
}
