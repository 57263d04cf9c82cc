import type { Locale } from "./i18n/messages"

const INTL_LOCALES: Record<Locale, string> = { ja: "ja-JP", en: "en-US", ko: "ko-KR" }

/** Medusa v2 amounts are in major units (1200 JPY, 11.99 USD): no division here. */
export function formatMoney(amount: number | null | undefined, currencyCode: string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount ?? 0)
}

/** Konbini and bank transfer deadlines are Japanese business deadlines: shown in Japan time. */
export function formatDeadline(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Tokyo",
    timeZoneName: "short",
  }).format(new Date(iso))
}

/** "日本" / "Japan" / "일본" from an ISO 3166 code, in the shopper's language. */
export function countryName(iso2: string, locale: Locale): string {
  return new Intl.DisplayNames([INTL_LOCALES[locale]], { type: "region" }).of(iso2.toUpperCase()) ?? iso2
}
