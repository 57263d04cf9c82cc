import { Scenario } from "./constants"

/** KOMOJU's published test numbers. */
export const TEST_CARDS = {
  success: "4111111111111111",
  insufficientFunds: "4123111111111000",
  /** 3-D Secure is not simulated: this one simply succeeds. */
  threeDSecureSuccess: "4100000000000100",
} as const

/** Cards whose payment fails, and why (the reason is the event's `reason`). */
const DECLINES: Record<string, string> = {
  [TEST_CARDS.insufficientFunds]: Scenario.InsufficientFunds,
}

export function declineReason(cardNumber: string): string | null {
  return DECLINES[cardNumber] ?? null
}

export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]+/g, "")
}

export function isLuhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false
  let sum = 0
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

export function cardBrand(number: string): string {
  if (number.startsWith("4")) return "visa"
  if (/^(5[1-5]|2[2-7])/.test(number)) return "master"
  if (/^3[47]/.test(number)) return "american_express"
  if (/^35/.test(number)) return "jcb"
  if (/^3(0[0-5]|[68])/.test(number)) return "diners_club"
  return "unknown"
}

export type CardInput = { number: string; expiry?: string; month?: number; year?: number; cvc?: string }
export type CardField = "number" | "expiry" | "cvc"
export type ValidCard = { number: string; month: number; year: number }

/**
 * Checks what a card form checks: a Luhn-valid number, an expiry this month or later,
 * a 3–4 digit CVC (when one is given; the control API may omit it).
 */
export function validateCard(input: CardInput, now: Date): { card: ValidCard } | { invalid: CardField } {
  const number = normalizeCardNumber(input.number)
  if (!isLuhnValid(number)) return { invalid: "number" }
  let month = input.month
  let year = input.year
  if (input.expiry !== undefined) {
    const match = input.expiry.trim().match(/^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/)
    if (!match) return { invalid: "expiry" }
    month = Number(match[1])
    year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2])
  }
  month ??= 12
  year ??= now.getUTCFullYear() + 3
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth()
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year * 12 + (month - 1) < thisMonth) {
    return { invalid: "expiry" }
  }
  if (input.cvc !== undefined && !/^\d{3,4}$/.test(input.cvc.trim())) return { invalid: "cvc" }
  return { card: { number, month, year } }
}
