/**
 * What a refund request to a bank account must look like before it goes to KOMOJU: the
 * account holder's name in half-width katakana and the account's digits. One set of
 * rules for the admin route's validator and the admin's form, so the form refuses what
 * the route would. Pure and dependency-free (the admin bundle imports it).
 */
import { isHalfWidthKatakanaName, isKatakanaName, normalizeKatakanaName, toHalfWidthKatakana } from "./kana"
import { KomojuBankAccountTypes, type KomojuBankAccountType } from "./komoju/constants"

export const BANK_ACCOUNT_TYPES = KomojuBankAccountTypes
export type BankAccountType = KomojuBankAccountType

/** Zengin's lengths: a 4-digit bank code, a 3-digit branch number, a 7-digit account number. */
export const DIGITS = { bank_code: 4, branch_number: 3, account_number: 7 } as const
export type DigitField = keyof typeof DIGITS

/** Digits stored for display: enough to tell accounts apart, too few to use one. */
export const ACCOUNT_LAST_DIGITS = 3

/**
 * The account holder's name as KOMOJU takes it (half-width katakana), from what an
 * admin typed: full-width or half-width katakana, or hiragana, spaces of either width.
 * Undefined when it is not a katakana name (kanji, Latin letters, ・ which half width
 * lacks as a name character).
 */
export function accountHolderName(input: string): string | undefined {
  const full = normalizeKatakanaName(input)
  if (!isKatakanaName(full)) return undefined
  const half = toHalfWidthKatakana(full)
  return isHalfWidthKatakanaName(half) ? half : undefined
}

/**
 * Digits as an admin may type them: full-width digits (０-９) as ASCII, spaces around
 * dropped. Anything else is left for `isDigits` to refuse.
 */
export function normalizeDigits(input: string): string {
  return input.trim().replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
}

/** Whether `value` (normalized) is exactly the digits `field` takes. */
export function isDigits(value: string, field: DigitField): boolean {
  return new RegExp(`^[0-9]{${DIGITS[field]}}$`).test(value)
}

export function accountLastDigits(accountNumber: string): string {
  return accountNumber.slice(-ACCOUNT_LAST_DIGITS)
}

/** What the admin fills in, as text (the form's state, or a request body's strings). */
export type RefundRequestInput = {
  customer_name: string
  bank_name: string
  bank_code?: string
  branch_name?: string
  branch_number: string
  account_number: string
}

export type RefundRequestField = keyof RefundRequestInput
export type RefundRequestProblem = "required" | "not_katakana" | "digits"

/** Each field that is wrong, and why; empty when the account can be sent. */
export function refundRequestProblems(input: RefundRequestInput): Partial<Record<RefundRequestField, RefundRequestProblem>> {
  const problems: Partial<Record<RefundRequestField, RefundRequestProblem>> = {}
  if (!input.customer_name.trim()) problems.customer_name = "required"
  else if (!accountHolderName(input.customer_name)) problems.customer_name = "not_katakana"
  if (!input.bank_name.trim()) problems.bank_name = "required"
  for (const field of Object.keys(DIGITS) as DigitField[]) {
    const value = normalizeDigits(input[field] ?? "")
    if (!value) {
      if (field !== "bank_code") problems[field] = "required"
    } else if (!isDigits(value, field)) problems[field] = "digits"
  }
  return problems
}
