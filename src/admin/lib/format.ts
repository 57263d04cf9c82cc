/**
 * Money and dates for the admin's locale. Amounts come two ways: KOMOJU's integer minor
 * units (payment amounts) and Medusa's major units (refunds).
 */

function currencyFormat(currency: string, locale: string) {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() })
}

/**
 * KOMOJU's minor units to money text: 1200 JPY is ¥1,200, 1999 USD is $19.99. The
 * currency's ISO digits (Intl) agree with KOMOJU's: 0 for JPY, KRW and VND, 2 for the
 * other currencies KOMOJU accepts.
 */
export function formatMinorUnits(amount: number, currency: string, locale: string): string {
  return currencyFormat(currency, locale).format(minorToMajor(amount, currency))
}

/** How many decimals the currency's major units take: 0 for JPY, 2 for USD. */
export function fractionDigits(currency: string): number {
  return currencyFormat(currency, "en").resolvedOptions().maximumFractionDigits ?? 0
}

/** KOMOJU's minor units as the major units an admin types (1999 USD → 19.99). */
export function minorToMajor(amount: number, currency: string): number {
  return amount / 10 ** fractionDigits(currency)
}

export function formatMajorUnits(amount: number, currency: string, locale: string): string {
  return currencyFormat(currency, locale).format(amount)
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso))
}
