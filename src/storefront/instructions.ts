/** What a shopper needs to pay a konbini, bank transfer or Pay-easy order at the counter. */
export type KomojuPaymentInstructions = {
  paymentType?: string
  store?: string
  receipt?: string
  confirmationCode?: string
  instructionsUrl?: string
  /** ISO time after which the payment expires and the order is cancelled. */
  paymentDeadline?: string
}

/** Reads the instructions from a KOMOJU payment session's `data` (see KomojuSessionData). */
export function paymentInstructions(
  data: Record<string, unknown> | null | undefined
): KomojuPaymentInstructions {
  const details = (data?.payment_details ?? {}) as Record<string, unknown>
  const text = (value: unknown) => (typeof value === "string" && value ? value : undefined)
  return {
    paymentType: text(data?.payment_type),
    store: text(details.store),
    receipt: text(details.receipt),
    confirmationCode: text(details.confirmation_code),
    instructionsUrl: text(details.instructions_url),
    paymentDeadline: text(details.payment_deadline),
  }
}
