import { cardBrandName, cardExpiry, describeSavedMethod, savedMethodTitle } from "../saved-payment-methods"
import type { KomojuSavedPaymentMethod } from "../types"

const visa: KomojuSavedPaymentMethod = {
  id: "kpm_1",
  payment_type: "credit_card",
  brand: "visa",
  last_four: "4242",
  month: 8,
  year: 2039,
  created_at: "2026-12-02T03:00:00.000Z",
}

const paypay: KomojuSavedPaymentMethod = {
  ...visa,
  id: "kpm_2",
  payment_type: "paypay",
  brand: null,
  last_four: null,
  month: null,
  year: null,
}

describe("saved payment methods on the customer page", () => {
  it("names KOMOJU's card brands as printed on the cards", () => {
    expect(cardBrandName("visa")).toBe("Visa")
    expect(cardBrandName("master")).toBe("Mastercard")
    expect(cardBrandName("american_express")).toBe("American Express")
    expect(cardBrandName("jcb")).toBe("JCB")
    expect(cardBrandName("union_pay")).toBe("Union Pay")
  })

  it("writes the expiry as MM/YY", () => {
    expect(cardExpiry(8, 2039)).toBe("08/39")
    expect(cardExpiry(12, 2030)).toBe("12/30")
    expect(cardExpiry(1, 2100)).toBe("01/00")
    expect(cardExpiry(null, 2039)).toBeNull()
    expect(cardExpiry(8, null)).toBeNull()
  })

  it("tells a card from PayPay", () => {
    expect(describeSavedMethod(visa)).toEqual({ kind: "card", name: "Visa", lastFour: "4242", expiry: "08/39" })
    expect(describeSavedMethod(paypay)).toEqual({ kind: "paypay" })
  })

  it("says which method in one line", () => {
    expect(savedMethodTitle(describeSavedMethod(visa), "Card")).toBe("Visa •••• 4242")
    expect(savedMethodTitle(describeSavedMethod(paypay), "Card")).toBe("PayPay")
    expect(savedMethodTitle(describeSavedMethod({ ...visa, brand: null }), "カード")).toBe("カード •••• 4242")
    expect(savedMethodTitle(describeSavedMethod({ ...visa, last_four: null }), "Card")).toBe("Visa")
  })
})
