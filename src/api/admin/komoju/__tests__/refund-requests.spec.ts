import { newRefundRequestOf, refundRequestRefusal } from "../refund-requests"

const request = (id: string, created_at: string, overrides: Record<string, unknown> = {}) => ({
  id,
  payment: "pay_k1",
  customer_name: "ﾔﾏﾀﾞ ﾀﾛｳ",
  bank_name: "みずほ銀行",
  bank_code: null,
  branch_name: null,
  branch_number: "001",
  account_number: "0123456",
  status: "pending" as const,
  created_at,
  ...overrides,
})

const payment = (overrides: Record<string, unknown> = {}) =>
  ({ id: "pay_k1", resource: "payment", status: "captured", currency: "JPY", payment_details: { type: "konbini" }, ...overrides }) as never

const sent = { bank_name: "みずほ銀行", branch_number: "001", account_number: "0123456" }

describe("refundRequestRefusal", () => {
  it("takes a paid konbini payment", () => expect(refundRequestRefusal(payment(), "jpy")).toBeUndefined())

  it("sends a card payment to Medusa's refund", () => {
    expect(refundRequestRefusal(payment({ payment_details: { type: "credit_card" } }), "jpy")).toMatch(/credit_card: refund it with Medusa's refund/)
  })

  it.each(["authorized", "refunded", "cancelled"])("refuses a %s payment", (status) => {
    expect(refundRequestRefusal(payment({ status }), "jpy")).toMatch(new RegExp(`is ${status}`))
  })
})

describe("newRefundRequestOf", () => {
  it("is the entry not recorded yet, for the account sent", () => {
    const answer = payment({ refund_requests: [request("rr_1", "2026-12-01T10:00:00Z"), request("rr_2", "2026-12-01T11:00:00Z")] })
    expect(newRefundRequestOf(answer, new Set(["rr_1"]), sent)?.id).toBe("rr_2")
  })

  it("is none on a replay whose request is recorded", () => {
    const answer = payment({ refund_requests: [request("rr_1", "2026-12-01T10:00:00Z")] })
    expect(newRefundRequestOf(answer, new Set(["rr_1"]), sent)).toBeUndefined()
  })

  it("skips a request for another account (made in KOMOJU's dashboard)", () => {
    const answer = payment({
      refund_requests: [request("rr_dash", "2026-12-01T12:00:00Z", { account_number: "7654321" }), request("rr_2", "2026-12-01T11:00:00Z")],
    })
    expect(newRefundRequestOf(answer, new Set(), sent)?.id).toBe("rr_2")
  })
})
