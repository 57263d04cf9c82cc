/** What a shopper needs to pay a konbini, bank transfer or Pay-easy order. */
export type KomojuPaymentInstructions = {
  paymentType?: string
  /** Konbini: the chain, the receipt number and (except 7-Eleven) a confirmation code. */
  store?: string
  receipt?: string
  confirmationCode?: string
  /** Bank transfer: the account to pay into, and the reference to quote. */
  bankTransfer?: {
    bankName?: string
    branchName?: string
    accountType?: string
    accountNumber?: string
    accountName?: string
    reference?: string
  }
  /** Pay-easy: the numbers to enter at an ATM or in online banking. */
  payEasy?: { billerNumber?: string; customerNumber?: string; confirmationNumber?: string }
  /** KOMOJU's page with the instructions. */
  instructionsUrl?: string
  /** Pay-easy: KOMOJU's page where the shopper pays through their bank. */
  paymentUrl?: string
  /** ISO time after which the payment expires and the order is cancelled. */
  paymentDeadline?: string
}

/** Reads the instructions from a KOMOJU payment session's `data` (see KomojuSessionData). */
export function paymentInstructions(
  data: Record<string, unknown> | null | undefined
): KomojuPaymentInstructions {
  const details = (data?.payment_details ?? {}) as Record<string, unknown>
  const text = (value: unknown) => (typeof value === "string" && value ? value : undefined)
  const present = <T extends object>(value: T) => (Object.values(value).some(Boolean) ? value : undefined)
  return dropUndefined({
    paymentType: text(data?.payment_type),
    store: text(details.store),
    receipt: text(details.receipt),
    confirmationCode: text(details.confirmation_code),
    bankTransfer: present({
      bankName: text(details.bank_name),
      branchName: text(details.account_branch_name),
      accountType: text(details.account_type),
      accountNumber: text(details.account_number),
      accountName: text(details.account_name),
      reference: text(details.order_id),
    }),
    payEasy: present({
      billerNumber: text(details.bank_id),
      customerNumber: text(details.customer_id),
      confirmationNumber: text(details.confirmation_id),
    }),
    instructionsUrl: text(details.instructions_url),
    paymentUrl: text(details.payment_url),
    paymentDeadline: text(details.payment_deadline),
  })
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
