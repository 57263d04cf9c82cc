/**
 * The refund request form's state and how it maps to the route's body, with the same
 * rules the route applies (../../lib/refund-request-rules). Pure.
 */
import {
  accountHolderName,
  DIGITS,
  normalizeDigits,
  refundRequestProblems,
  type RefundRequestField,
  type RefundRequestProblem,
} from "../../lib/refund-request-rules"
import type { KomojuRefundRequestBody } from "./types"

export type RefundRequestDraft = {
  /** The input's text, in major units. */
  amount: string
  customer_name: string
  bank_name: string
  bank_code: string
  branch_name: string
  branch_number: string
  account_type: KomojuRefundRequestBody["account_type"]
  account_number: string
  include_payment_method_fee: boolean
  description: string
}

/** `amount`: not above zero or above what is left; `precision`: finer than the currency's smallest unit. */
export type DraftProblems = Partial<Record<RefundRequestField | "amount", RefundRequestProblem | "amount" | "precision">>

/** An empty form, its amount what is left to refund (major units). */
export function emptyDraft(refundable: number | null): RefundRequestDraft {
  return {
    amount: refundable !== null && refundable > 0 ? String(refundable) : "",
    customer_name: "",
    bank_name: "",
    bank_code: "",
    branch_name: "",
    branch_number: "",
    account_type: "normal",
    account_number: "",
    include_payment_method_fee: false,
    description: "",
  }
}

/**
 * What is wrong with the draft, field by field; `refundable` is the most it may ask and
 * `fractionDigits` the decimals the currency takes (major units). The route rounds an
 * amount to the currency's smallest unit: 500.5 JPY would refund 501, so it is refused here.
 */
export function draftProblems(draft: RefundRequestDraft, refundable: number | null, fractionDigits: number): DraftProblems {
  const problems: DraftProblems = refundRequestProblems(draft)
  const text = draft.amount.trim()
  const decimal = /^\d+(?:\.(\d*))?$/.exec(text)
  const amount = Number(text)
  if (!decimal || !Number.isFinite(amount) || amount <= 0 || (refundable !== null && amount > refundable)) {
    problems.amount = "amount"
  } else if ((decimal[1] ?? "").replace(/0+$/, "").length > fractionDigits) {
    problems.amount = "precision"
  }
  return problems
}

/** The half-width name the route will send, to show beside the field; empty while it is not a katakana name. */
export function namePreview(draft: RefundRequestDraft): string {
  return accountHolderName(draft.customer_name) ?? ""
}

/** The route's body; `requestId` is made once per submission (KOMOJU's idempotency key). */
export function bodyFromDraft(draft: RefundRequestDraft, requestId: string): KomojuRefundRequestBody {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined)
  const bankCode = normalizeDigits(draft.bank_code)
  return {
    amount: Number(draft.amount),
    customer_name: draft.customer_name,
    bank_name: draft.bank_name.trim(),
    ...(bankCode ? { bank_code: bankCode } : {}),
    ...(optional(draft.branch_name) ? { branch_name: optional(draft.branch_name) } : {}),
    branch_number: normalizeDigits(draft.branch_number),
    account_type: draft.account_type,
    account_number: normalizeDigits(draft.account_number),
    include_payment_method_fee: draft.include_payment_method_fee,
    ...(optional(draft.description) ? { description: optional(draft.description) } : {}),
    request_id: requestId,
  }
}

/**
 * A fresh submission id (a v4 UUID, as the route takes). `crypto.randomUUID` exists only
 * in secure contexts: an admin reached over plain HTTP at another host than localhost
 * lacks it, while `getRandomValues` is there in every context.
 */
export function newRequestId(random: Pick<Crypto, "getRandomValues"> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof random.randomUUID === "function") return random.randomUUID()
  const bytes = random.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** How many digits a digit field takes, for its error message. */
export function digitsOf(field: RefundRequestField | "amount"): number | undefined {
  return field in DIGITS ? DIGITS[field as keyof typeof DIGITS] : undefined
}
