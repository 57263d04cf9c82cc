/**
 * Currencies the sandbox accepts and how many decimals their smallest unit hides.
 * KOMOJU's zero-decimal currencies are JPY, KRW and VND; every other one is ×100.
 */
export const CURRENCIES = {
  JPY: { decimals: 0 },
  KRW: { decimals: 0 },
  VND: { decimals: 0 },
  USD: { decimals: 2 },
  EUR: { decimals: 2 },
  GBP: { decimals: 2 },
  AUD: { decimals: 2 },
  CAD: { decimals: 2 },
  NZD: { decimals: 2 },
  CHF: { decimals: 2 },
  HKD: { decimals: 2 },
  SGD: { decimals: 2 },
  TWD: { decimals: 2 },
  CNY: { decimals: 2 },
  THB: { decimals: 2 },
  PLN: { decimals: 2 },
} as const satisfies Record<string, { decimals: 0 | 2 }>

export type CurrencyCode = keyof typeof CURRENCIES

export function isCurrency(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code)
}

export function minorUnitsPerMajor(currency: CurrencyCode): 1 | 100 {
  return CURRENCIES[currency].decimals === 0 ? 1 : 100
}

/** For display only (amounts are kept and computed as integers in minor units). */
export function toMajorUnits(amount: number, currency: CurrencyCode): number {
  return amount / minorUnitsPerMajor(currency)
}
