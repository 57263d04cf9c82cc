import { PaymentSessionStatus } from "@medusajs/framework/utils"
import type { KomojuPayment, KomojuSession } from "../../../lib/komoju"
import { paymentStatusToMedusa, sessionMismatch, sessionStatusToMedusa } from "../status"

function payment(status: string, type = "credit_card"): KomojuPayment {
  return {
    id: "pay1",
    resource: "payment",
    status: status as KomojuPayment["status"],
    amount: 1000,
    total: 1000,
    currency: "JPY",
    payment_details: { type },
  }
}

function session(overrides: Partial<KomojuSession>): KomojuSession {
  return {
    id: "sess1",
    resource: "session",
    mode: "payment",
    amount: 1000,
    currency: "JPY",
    session_url: "https://komoju.test/sessions/sess1",
    return_url: "https://shop.test/return",
    default_locale: "ja",
    payment_methods: [],
    payment: null,
    status: "pending",
    expired: false,
    created_at: "2020-12-09T18:26:59.000+09:00",
    completed_at: null,
    cancelled_at: null,
    ...overrides,
  }
}

describe("paymentStatusToMedusa", () => {
  it.each([
    ["captured", "credit_card", PaymentSessionStatus.CAPTURED],
    ["refunded", "credit_card", PaymentSessionStatus.CAPTURED],
    ["authorized", "credit_card", PaymentSessionStatus.AUTHORIZED],
    ["authorized", "paypay", PaymentSessionStatus.AUTHORIZED],
    ["authorized", "konbini", PaymentSessionStatus.PENDING_AUTHORIZATION],
    ["authorized", "bank_transfer", PaymentSessionStatus.PENDING_AUTHORIZATION],
    ["authorized", "pay_easy", PaymentSessionStatus.PENDING_AUTHORIZATION],
    ["pending", "credit_card", PaymentSessionStatus.PENDING],
    ["cancelled", "credit_card", PaymentSessionStatus.CANCELED],
    ["expired", "konbini", PaymentSessionStatus.CANCELED],
    ["failed", "credit_card", PaymentSessionStatus.ERROR],
  ])("maps a %s %s payment to %s", (status, type, expected) => {
    expect(paymentStatusToMedusa(payment(status, type))).toBe(expected)
  })
})

describe("sessionStatusToMedusa", () => {
  it("reports a new session as pending", () => {
    expect(sessionStatusToMedusa(session({}))).toBe(PaymentSessionStatus.PENDING)
  })

  it("reports a session the customer left with 'back to merchant' as canceled", () => {
    expect(sessionStatusToMedusa(session({ status: "cancelled" }))).toBe(
      PaymentSessionStatus.CANCELED
    )
  })

  it("reports an expired unpaid session as canceled", () => {
    expect(sessionStatusToMedusa(session({ expired: true }))).toBe(PaymentSessionStatus.CANCELED)
  })

  it("reports a completed session by its payment", () => {
    expect(
      sessionStatusToMedusa(session({ status: "completed", payment: payment("captured") }))
    ).toBe(PaymentSessionStatus.CAPTURED)
  })

  it.each(["failed", "pending"])("reports a cancelled session whose declined payment is %s as canceled, free to pay again", (status) => {
    expect(sessionStatusToMedusa(session({ status: "cancelled", payment: payment(status) }))).toBe(
      PaymentSessionStatus.CANCELED
    )
  })

  it("reports an expired session whose declined payment stayed pending as canceled", () => {
    expect(sessionStatusToMedusa(session({ expired: true, payment: payment("pending") }))).toBe(PaymentSessionStatus.CANCELED)
  })
})

describe("sessionMismatch", () => {
  it("accepts the session and payment Medusa asked for", () => {
    expect(sessionMismatch({ amount: 1000, currency: "JPY" }, session({ payment: payment("captured") }))).toBeUndefined()
  })

  it("names a session of another amount or currency", () => {
    expect(sessionMismatch({ amount: 999, currency: "JPY" }, session({}))).toBe("asked 999 JPY, session holds 1000 JPY")
    expect(sessionMismatch({ amount: 1000, currency: "USD" }, session({}))).toBe("asked 1000 USD, session holds 1000 JPY")
  })

  it("accepts a payment in the currency and amount the session offered for its method", () => {
    const cny = { ...payment("captured", "alipay"), amount: 48, currency: "CNY" }
    const offered = session({ payment_methods: [{ type: "alipay", currency: "CNY", amount: 48, exchange_rate: 0.048 }], payment: cny })
    expect(sessionMismatch({ amount: 1000, currency: "JPY" }, offered)).toBeUndefined()
  })

  it("names a payment in a currency or amount the session did not offer", () => {
    const cny = { ...payment("captured", "alipay"), amount: 47, currency: "CNY" }
    expect(sessionMismatch({ amount: 1000, currency: "JPY" }, session({ payment: cny }))).toBe(
      "asked 1000 JPY, payment holds 47 CNY, a currency the session did not offer"
    )
    const offered = session({ payment_methods: [{ type: "alipay", currency: "CNY", amount: 48 }], payment: cny })
    expect(sessionMismatch({ amount: 1000, currency: "JPY" }, offered)).toBe("asked 1000 JPY, payment holds 47 CNY; the session offered 48 CNY")
  })

  it("names a payment of another amount", () => {
    expect(sessionMismatch({ amount: 1000, currency: "JPY" }, session({ payment: { ...payment("captured"), amount: 10 } }))).toBe(
      "asked 1000 JPY, payment holds 10 JPY"
    )
  })
})
