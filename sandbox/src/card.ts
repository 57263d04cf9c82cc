import { DeclineReason } from "./constants"

/** KOMOJU's published test numbers (doc.komoju.com/docs/test-cards and its 3-D Secure test page). */
export const TEST_CARDS = {
  success: "4111111111111111",
  successMastercard: "5555555555554444",
  successJcb: "3530111333300000",
  successAmex: "378282246310005",
  successDiners: "30569309025904",
  insufficientFunds: "4123111111111000",
  exceedsLimit: "4123111111111018",
  badVerificationValue: "4123111111111034",
  cardExpired: "4123111111111042",
  cannotUseCard: "4123111111111059",
  /** KOMOJU's English page lists …1067 as the invalid card, its Japanese page …1075: both decline. */
  invalidCard: "4123111111111067",
  invalidCardJa: "4123111111111075",
  /** 3-D Secure passes without a challenge (also 5100000000000107, 3528000000000106). */
  threeDSecureSuccess: "4100000000000100",
  /** 3-D Secure passes after a challenge (password 123456; also 5100000000005007, 3528000000005006). */
  threeDSecureChallengeSuccess: "4100000000005000",
  /** 3-D Secure fails (also 5100000000500007, 3528000000500006). */
  threeDSecureFailure: "4100000000500000",
  /** 3-D Secure fails at the challenge (password 111111; also 5100000000300002, 3528000000300001). */
  threeDSecureChallengeFailure: "4100000000300005",
} as const

/**
 * Cards whose payment is declined, and why. The 3-D Secure challenge is not shown: a
 * challenge card has the outcome of its documented password.
 */
const DECLINES: Record<string, DeclineReason> = {
  [TEST_CARDS.insufficientFunds]: DeclineReason.InsufficientFunds,
  [TEST_CARDS.exceedsLimit]: DeclineReason.ExceedsLimit,
  [TEST_CARDS.badVerificationValue]: DeclineReason.BadVerificationValue,
  [TEST_CARDS.cardExpired]: DeclineReason.CardExpired,
  [TEST_CARDS.cannotUseCard]: DeclineReason.CardDeclined,
  [TEST_CARDS.invalidCard]: DeclineReason.InvalidNumber,
  [TEST_CARDS.invalidCardJa]: DeclineReason.InvalidNumber,
  [TEST_CARDS.threeDSecureFailure]: DeclineReason.ThreeDSecureFailed,
  "5100000000500007": DeclineReason.ThreeDSecureFailed,
  "3528000000500006": DeclineReason.ThreeDSecureFailed,
  [TEST_CARDS.threeDSecureChallengeFailure]: DeclineReason.ThreeDSecureFailed,
  "5100000000300002": DeclineReason.ThreeDSecureFailed,
  "3528000000300001": DeclineReason.ThreeDSecureFailed,
}

export function declineReason(cardNumber: string): DeclineReason | null {
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
