import type { KomojuPayment, KomojuRefund } from "../../../lib/komoju"
import type { CheckoutState } from "../checkout-state"
import { decideNextStep, medusaAmountOf, nobodyHasPaidYet, refundsToRecord, type KomojuAttempt } from "../decisions"

const refund = (id: string, amount: number, description: string | null = null, currency = "JPY"): KomojuRefund => ({
  id,
  resource: "refund",
  amount,
  currency,
  payment: "pay_1",
  description,
  created_at: "2026-11-23T10:00:00.000+09:00",
})

function payment(status: KomojuPayment["status"], overrides: Partial<KomojuPayment> = {}): KomojuPayment {
  return {
    id: "pay_1",
    resource: "payment",
    status,
    amount: 1200,
    total: 1200,
    currency: "JPY",
    session: "sess_1",
    payment_details: { type: "credit_card" },
    refunds: [],
    ...overrides,
  }
}

const konbini = { payment_details: { type: "konbini" } }

function state(overrides: Partial<CheckoutState> = {}): CheckoutState {
  return {
    paymentSessionId: "payses_1",
    paymentSessionStatus: "authorized",
    amount: 1200,
    currencyCode: "jpy",
    data: {},
    komojuSessionId: "sess_1",
    cartId: "cart_1",
    ...overrides,
  }
}

const placed = { id: "order_1", status: "pending" }
const canceled = { id: "order_1", status: "canceled" }
function medusaPayment(overrides: Partial<NonNullable<CheckoutState["payment"]>> = {}): NonNullable<CheckoutState["payment"]> {
  return { id: "pay_m", canceled: false, capturedAmount: 1200, refundedAmount: 0, recordedRefundIds: [], medusaRefundIds: [], ...overrides }
}

const facts = { noticeKinds: [] as string[] }
const next = (komoju: KomojuAttempt, medusa: CheckoutState | undefined, f = facts) => decideNextStep(komoju, medusa, f)

describe("decideNextStep: payments made", () => {
  it("places the order of a captured card payment nobody came back for", () => {
    expect(next({ payment: payment("captured") }, state({ paymentSessionStatus: "pending" }))).toEqual({ action: "capture" })
  })

  it("places the order of an authorized payment (a held card, a konbini receipt) nobody came back for", () => {
    expect(next({ payment: payment("authorized") }, state({ paymentSessionStatus: "pending" }))).toEqual({ action: "authorize" })
    expect(next({ payment: payment("authorized", konbini) }, state({ paymentSessionStatus: "pending" }))).toEqual({ action: "authorize" })
  })

  it("captures in Medusa a konbini payment the customer paid at the counter", () => {
    expect(next({ payment: payment("captured", konbini) }, state({ order: placed, paymentSessionStatus: "pending_authorization" }))).toEqual({
      action: "capture",
    })
  })

  it("captures in Medusa a held card captured in KOMOJU's dashboard", () => {
    expect(next({ payment: payment("captured") }, state({ order: placed, payment: medusaPayment({ capturedAmount: 0 }) }))).toEqual({
      action: "capture",
    })
  })

  it("does nothing more once Medusa records the capture: a repeated or late event changes nothing", () => {
    expect(next({ payment: payment("captured") }, state({ order: placed, payment: medusaPayment() }))).toMatchObject({ action: "none" })
  })

  it("does nothing for an authorized event arriving after the capture", () => {
    expect(next({ payment: payment("captured") }, state({ order: placed, payment: medusaPayment() }))).toMatchObject({ action: "none" })
    expect(next({ payment: payment("authorized", konbini) }, state({ order: placed, paymentSessionStatus: "pending_authorization" }))).toMatchObject({
      action: "none",
    })
  })

  it("accepts a payment captured in part through Medusa", () => {
    const partly = payment("captured", { amount: 700, total: 700 })
    expect(next({ payment: partly }, state({ order: placed, payment: medusaPayment({ capturedAmount: 700 }) }))).toMatchObject({ action: "none" })
  })
})

describe("decideNextStep: what is never acted on", () => {
  it("ignores a payment whose Medusa payment session was replaced, and raises the alarm if it was paid", () => {
    expect(next({ payment: payment("cancelled") }, undefined)).toMatchObject({ action: "none" })
    expect(next({ payment: payment("captured") }, undefined)).toMatchObject({ action: "none", alarm: true })
  })

  it("ignores a superseded KOMOJU session of the same cart", () => {
    expect(next({ payment: payment("cancelled", { session: "sess_old" }) }, state({ order: placed }))).toMatchObject({
      action: "none",
      reason: expect.stringContaining("superseded by sess_1"),
    })
  })

  it("never places an order for a payment of another amount than Medusa asked", () => {
    expect(next({ payment: payment("captured", { amount: 1, total: 1 }) }, state({ paymentSessionStatus: "pending" }))).toMatchObject({
      action: "none",
      alarm: true,
      reason: expect.stringContaining("is for 1 JPY, Medusa asked 1200"),
    })
  })

  it.each(["pending", "failed"] as const)("does nothing for a declined card payment (%s): the cart stays open", (status) => {
    expect(next({ payment: payment(status) }, state({ paymentSessionStatus: "pending" }))).toMatchObject({ action: "none" })
  })
})

describe("decideNextStep: payments that lapse", () => {
  it("cancels an order whose konbini payment expired", () => {
    expect(next({ payment: payment("expired", konbini) }, state({ order: placed, paymentSessionStatus: "pending_authorization" }))).toEqual({
      action: "cancel_order",
    })
  })

  it("closes the payment session once its order is cancelled", () => {
    expect(next({ payment: payment("expired", konbini) }, state({ order: canceled, paymentSessionStatus: "pending_authorization" }))).toEqual({
      action: "mark_session_canceled",
    })
    expect(next({ payment: payment("expired", konbini) }, state({ order: canceled, paymentSessionStatus: "canceled" }))).toMatchObject({
      action: "none",
    })
  })

  it("leaves a paid order alone when an expiry arrives late", () => {
    expect(next({ payment: payment("expired") }, state({ order: placed, payment: medusaPayment() }))).toMatchObject({ action: "none" })
  })

  it("closes an abandoned session KOMOJU expired, so it is not read again", () => {
    expect(next({ session: { id: "sess_1", status: "pending", expired: true }, payment: null }, state({ paymentSessionStatus: "pending" }))).toEqual({
      action: "mark_session_canceled",
    })
  })

  it.each(["pending", "failed"] as const)(
    "closes a session the shopper left with 'back to merchant' after a decline (payment %s)",
    (status) => {
      const attempt = { session: { id: "sess_1", status: "cancelled" as const, expired: false }, payment: payment(status) }
      expect(next(attempt, state({ paymentSessionStatus: "pending" }))).toEqual({ action: "mark_session_canceled" })
    }
  )

  it("leaves an open session nobody paid yet alone", () => {
    expect(next({ session: { id: "sess_1", status: "pending", expired: false }, payment: null }, state({ paymentSessionStatus: "pending" }))).toMatchObject({
      action: "none",
    })
  })
})

describe("decideNextStep: cancelled orders", () => {
  it("cancels the KOMOJU payment of a cancelled order still waiting for cash, or a held card", () => {
    expect(next({ payment: payment("authorized", konbini) }, state({ order: canceled, paymentSessionStatus: "pending_authorization" }))).toEqual({
      action: "cancel_komoju_payment",
    })
    expect(next({ payment: payment("authorized") }, state({ order: canceled, payment: medusaPayment({ capturedAmount: 0 }) }))).toEqual({
      action: "cancel_komoju_payment",
    })
  })

  it("records in Medusa a capture KOMOJU made after the order was cancelled, then refunds a card", () => {
    expect(next({ payment: payment("captured") }, state({ order: canceled, payment: medusaPayment({ capturedAmount: 0 }) }))).toEqual({ action: "capture" })
    expect(next({ payment: payment("captured") }, state({ order: canceled, payment: medusaPayment() }))).toEqual({
      action: "refund_after_cancel",
      amount: 1200,
    })
  })

  it("flags a cash payment made after the order was cancelled for a refund request, once", () => {
    const medusa = state({ order: canceled, payment: medusaPayment() })
    expect(next({ payment: payment("captured", konbini) }, medusa)).toEqual({ action: "flag_refund_request", amount: 1200 })
    expect(next({ payment: payment("captured", konbini) }, medusa, { noticeKinds: ["captured_after_cancel_needs_refund_request"] })).toMatchObject({
      action: "none",
    })
  })

  it("refunds nothing more once the cancelled order's payment is refunded", () => {
    const komoju = payment("refunded", { amount_refunded: 1200, refunds: [refund("rf_1", 1200, "medusa:ref_1")] })
    expect(next({ payment: komoju }, state({ order: canceled, payment: medusaPayment({ refundedAmount: 1200, medusaRefundIds: ["ref_1"] }) }))).toMatchObject({
      action: "none",
    })
  })
})

describe("decideNextStep: refunds made in KOMOJU", () => {
  it("records a refund made in KOMOJU's dashboard", () => {
    const komoju = payment("captured", { amount_refunded: 500, refunds: [refund("rf_dash", 500)] })
    expect(next({ payment: komoju }, state({ order: placed, payment: medusaPayment() }))).toEqual({
      action: "record_refund",
      refund: refund("rf_dash", 500),
      medusaAmount: 500,
    })
  })

  it("changes nothing for the second event of one refund", () => {
    const komoju = payment("refunded", { amount_refunded: 1200, refunds: [refund("rf_dash", 1200)] })
    expect(next({ payment: komoju }, state({ order: placed, payment: medusaPayment({ recordedRefundIds: ["rf_dash"], refundedAmount: 1200 }) }))).toMatchObject({
      action: "none",
    })
  })

  it("never records an admin's refund a second time, even before Medusa finished writing it", () => {
    const komoju = payment("captured", { refunds: [refund("rf_admin", 300, "medusa:ref_admin")] })
    expect(next({ payment: komoju }, state({ order: placed, payment: medusaPayment({ medusaRefundIds: ["ref_admin"] }) }))).toMatchObject({
      action: "none",
    })
  })
})

describe("refundsToRecord", () => {
  it("records a refund Medusa made whose Medusa refund is gone: the money moved", () => {
    const komoju = payment("captured", { refunds: [refund("rf_orphan", 300, "medusa:ref_gone")] })
    expect(refundsToRecord(komoju, medusaPayment()).map((r) => r.id)).toEqual(["rf_orphan"])
  })
})

describe("medusaAmountOf", () => {
  it("takes a refund in the session's currency as it is", () => {
    expect(medusaAmountOf(refund("rf", 300), payment("captured"), state())).toBe(300)
  })

  it("records no more than Medusa captured when KOMOJU also refunded its method fee", () => {
    const withFee = payment("refunded", { total: 1390, payment_method_fee: 190, refunds: [refund("rf", 1390)] })
    expect(medusaAmountOf(withFee.refunds![0], withFee, state({ payment: medusaPayment() }))).toBe(1200)
  })

  it("counts a refund of a payment charged in another currency in proportion", () => {
    const cny = payment("captured", { currency: "CNY", amount: 6000, total: 6000, amount_refunded: 1500, refunds: [refund("rf", 1500, null, "CNY")] })
    expect(medusaAmountOf(cny.refunds![0], cny, state({ payment: medusaPayment() }))).toBe(300)
  })

  it("lets the refund that completes a foreign-currency refund take what remains, so totals meet", () => {
    const first = refund("rf_1", 1999, null, "CNY")
    const last = refund("rf_2", 4001, null, "CNY")
    const cny = payment("refunded", { currency: "CNY", amount: 6000, total: 6000, amount_refunded: 6000, refunds: [first, last] })
    const medusa = state({ payment: medusaPayment({ recordedRefundIds: ["rf_1"], refundedAmount: 400 }) })
    expect(medusaAmountOf(last, cny, medusa)).toBe(800)
  })
})

describe("nobodyHasPaidYet: an open session nobody paid needs no look at Medusa", () => {
  const open = { session: { id: "sess_1", status: "pending" as const, expired: false }, payment: null }

  it("is true for an open, unpaid session, and decideNextStep agrees in every Medusa state", () => {
    expect(nobodyHasPaidYet(open)).toBe(true)
    const states = [
      undefined,
      state({ paymentSessionStatus: "pending" }),
      state({ paymentSessionStatus: "pending", order: placed }),
      state({ paymentSessionStatus: "pending", order: canceled }),
      state({ order: placed, payment: medusaPayment() }),
      state({ paymentSessionStatus: "canceled" }),
      state({ komojuSessionId: "sess_other" }),
    ]
    for (const medusa of states) expect(next(open, medusa).action).toBe("none")
  })

  it("is false once there is a payment, or the session is over", () => {
    expect(nobodyHasPaidYet({ ...open, payment: payment("pending") })).toBe(false)
    expect(nobodyHasPaidYet({ session: { ...open.session, expired: true }, payment: null })).toBe(false)
    expect(nobodyHasPaidYet({ session: { ...open.session, status: "cancelled" as never }, payment: null })).toBe(false)
    expect(nobodyHasPaidYet({ payment: null })).toBe(false)
  })
})
