/**
 * KOMOJU's currencies, exactly the enum of its OpenAPI-generated SDKs
 * (komoju-node-sdk `models/currency.ts`), in that order, and how many decimals their
 * smallest unit hides. KOMOJU's zero-decimal currencies are JPY, KRW and VND; every
 * other one is ×100 (IDR included: KOMOJU counts it in hundredths like the rest).
 */
export const CURRENCIES = {
  JPY: { decimals: 0 },
  USD: { decimals: 2 },
  EUR: { decimals: 2 },
  TWD: { decimals: 2 },
  KRW: { decimals: 0 },
  PLN: { decimals: 2 },
  GBP: { decimals: 2 },
  HKD: { decimals: 2 },
  SGD: { decimals: 2 },
  NZD: { decimals: 2 },
  AUD: { decimals: 2 },
  IDR: { decimals: 2 },
  MYR: { decimals: 2 },
  PHP: { decimals: 2 },
  THB: { decimals: 2 },
  CNY: { decimals: 2 },
  BRL: { decimals: 2 },
  CHF: { decimals: 2 },
  CAD: { decimals: 2 },
  VND: { decimals: 0 },
} as const satisfies Record<string, { decimals: 0 | 2 }>

export type CurrencyCode = keyof typeof CURRENCIES

export const ALL_CURRENCIES = Object.keys(CURRENCIES) as CurrencyCode[]

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
