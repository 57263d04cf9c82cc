import type { ValidCard } from "./card"
import { cardBrand } from "./card"
import { randomDigits } from "./ids"
import { DEFAULT_KONBINI_STORE, kindOf, type KonbiniStore, type PaymentTypeCode } from "./payment-types"
import type { BankTransferDetails, CardDetails, KonbiniDetails, PayEasyDetails, PaymentDetails } from "./types"

export type DetailsInput = {
  type: PaymentTypeCode
  paymentId: string
  email: string | null
  card?: ValidCard
  store?: KonbiniStore
  publicUrl: string
  /** A cash payment's deadline, in KOMOJU's time format. */
  deadline: string | null
}

/** `payment_details` as KOMOJU fills it for each method (numbers are made up, formats are not). */
export function buildPaymentDetails(input: DetailsInput): PaymentDetails {
  const { type, email } = input
  const instructions_url = `${input.publicUrl}/instructions/${input.paymentId}`
  if (kindOf(type) === "card") {
    const card = input.card
    if (!card) throw new Error("a card payment needs a card")
    const details: CardDetails = { type, email, brand: cardBrand(card.number), last_four_digits: card.number.slice(-4), month: card.month, year: card.year }
    return details
  }
  if (type === "konbini") {
    const store = input.store ?? DEFAULT_KONBINI_STORE
    const details: KonbiniDetails = {
      type,
      email,
      store,
      receipt: randomDigits(13),
      confirmation_code: store === "seven-eleven" ? null : randomDigits(6),
      instructions_url,
    }
    return details
  }
  if (type === "bank_transfer") {
    const details: BankTransferDetails = {
      type,
      email,
      order_id: randomDigits(8),
      bank_name: "サンドボックス銀行",
      account_branch_name: "本店営業部",
      account_type: "普通",
      account_number: randomDigits(7),
      account_name: "コモジユ サンドボックス",
      instructions_url,
      ...(input.deadline ? { payment_deadline: input.deadline } : {}),
    }
    return details
  }
  if (type === "pay_easy") {
    const details: PayEasyDetails = {
      type,
      email,
      bank_id: "58191",
      customer_id: randomDigits(12),
      confirmation_id: randomDigits(8),
      instructions_url,
      payment_url: `${input.publicUrl}/pay_easy/${input.paymentId}`,
    }
    return details
  }
  return { type, email }
}
