import type { KomojuPayment } from "../../../lib/komoju"
import type { CheckoutState } from "../checkout-state"
import { decideLapsedPayment, decideRefundsToRecord } from "../decisions"

const refund = (id: string, amount: number) => ({
  id,
  resource: "refund" as const,
  amount,
  currency: "JPY",
  payment: "pay_1",
  description: null,
  created_at: "2026-11-23T10:00:00.000+09:00",
})

function komojuPayment(overrides: Partial<KomojuPayment> = {}): KomojuPayment {
  return {
    id: "pay_1",
    resource: "payment",
    status: "expired",
    amount: 1200,
    total: 1200,
    currency: "JPY",
    session: "sess_1",
    ...overrides,
  }
}

function state(overrides: Partial<CheckoutState> = {}): CheckoutState {
  return {
    paymentSessionId: "payses_1",
    paymentSessionStatus: "pending_authorization",
    amount: 1200,
    currencyCode: "jpy",
    data: {},
    komojuSessionId: "sess_1",
    paymentCollectionId: "paycol_1",
    cartId: "cart_1",
    order: { id: "order_1", status: "pending", paymentStatus: "awaiting" },
    ...overrides,
  }
}

describe("decideLapsedPayment", () => {
  it("cancels an order whose konbini payment expired", () => {
    expect(decideLapsedPayment(state(), komojuPayment())).toEqual({ action: "cancel_order" })
  })

  it("cancels an order whose held card authorization was cancelled", () => {
    const s = state({ payment: { id: "pay_m", capturedAt: null, recordedRefundIds: [] } })
    expect(decideLapsedPayment(s, komojuPayment({ status: "cancelled" }))).toEqual({ action: "cancel_order" })
  })

  it("leaves a paid order alone", () => {
    const s = state({ payment: { id: "pay_m", capturedAt: new Date(), recordedRefundIds: [] } })
    expect(decideLapsedPayment(s, komojuPayment())).toMatchObject({ action: "ignore", reason: expect.stringContaining("is paid") })
  })

  it("does nothing twice for an order already canceled", () => {
    const s = state({ order: { id: "order_1", status: "canceled" } })
    expect(decideLapsedPayment(s, komojuPayment())).toMatchObject({ action: "ignore" })
  })

  it("leaves an open cart alone", () => {
    expect(decideLapsedPayment(state({ order: undefined }), komojuPayment())).toMatchObject({
      action: "ignore",
      reason: expect.stringContaining("cart stays open"),
    })
  })

  it("ignores an event of a superseded KOMOJU session of the same cart", () => {
    expect(decideLapsedPayment(state({ komojuSessionId: "sess_2" }), komojuPayment())).toMatchObject({
      action: "ignore",
      reason: expect.stringContaining("superseded"),
    })
  })

  it("ignores an event whose payment session was replaced", () => {
    expect(decideLapsedPayment(undefined, komojuPayment())).toMatchObject({ action: "ignore" })
  })
})

describe("decideRefundsToRecord", () => {
  const paid = (recordedRefundIds: string[]) =>
    state({ payment: { id: "pay_m", capturedAt: new Date(), recordedRefundIds } })

  it("records a refund made in KOMOJU's dashboard", () => {
    const decision = decideRefundsToRecord(paid([]), komojuPayment({ status: "refunded", refunds: [refund("rf_1", 1200)] }))
    expect(decision).toMatchObject({ action: "record_refunds", refunds: [{ id: "rf_1", amount: 1200 }] })
  })

  it("records only the refunds Medusa does not have", () => {
    const decision = decideRefundsToRecord(
      paid(["rf_1"]),
      komojuPayment({ status: "captured", refunds: [refund("rf_1", 300), refund("rf_2", 200)] })
    )
    expect(decision).toMatchObject({ action: "record_refunds", refunds: [{ id: "rf_2" }] })
  })

  it("changes nothing for the second event of one refund", () => {
    const decision = decideRefundsToRecord(paid(["rf_1"]), komojuPayment({ refunds: [refund("rf_1", 1200)] }))
    expect(decision).toMatchObject({ action: "ignore", reason: "every KOMOJU refund is already recorded" })
  })

  it("ignores a refund of a payment Medusa never recorded", () => {
    expect(decideRefundsToRecord(state(), komojuPayment({ refunds: [refund("rf_1", 1)] }))).toMatchObject({
      action: "ignore",
    })
  })
})
