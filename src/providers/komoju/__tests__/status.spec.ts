import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { KomojuPayment, KomojuSession } from "../../../lib/komoju"
import { eventTypeToAction, paymentStatusToMedusa, sessionStatusToMedusa } from "../status"

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

  it("reports a cancelled session whose payment failed as an error", () => {
    expect(
      sessionStatusToMedusa(session({ status: "cancelled", payment: payment("failed") }))
    ).toBe(PaymentSessionStatus.ERROR)
  })
})

describe("eventTypeToAction", () => {
  it.each([
    ["payment.authorized", PaymentActions.AUTHORIZED],
    ["payment.captured", PaymentActions.SUCCESSFUL],
    ["payment.failed", PaymentActions.FAILED],
    ["payment.expired", PaymentActions.CANCELED],
    ["payment.cancelled", PaymentActions.CANCELED],
    ["payment.refunded", PaymentActions.NOT_SUPPORTED],
    ["payment.refund.created", PaymentActions.NOT_SUPPORTED],
    ["payment.updated", PaymentActions.NOT_SUPPORTED],
    ["ping", PaymentActions.NOT_SUPPORTED],
    ["customer.created", PaymentActions.NOT_SUPPORTED],
  ])("maps %s to %s", (type, action) => {
    expect(eventTypeToAction(type)).toBe(action)
  })
})
