import { summarizeKomojuPayment, type OrderPaymentRecords } from "../order-summary"

const session = (status: string, data: Record<string, unknown>) => ({
  id: "payses_1",
  provider_id: "pp_komoju_komoju",
  status,
  data: { komoju_session_id: "sess_1", amount: 1200, currency: "JPY", mode: "test", ...data },
})

const payment = (overrides: Partial<OrderPaymentRecords["payments"][number]> = {}) => ({
  id: "pay_medusa_1",
  provider_id: "pp_komoju_komoju",
  amount: 1200,
  currency_code: "jpy",
  captured_at: null,
  canceled_at: null,
  data: { komoju_payment_id: "pay_k1", komoju_payment_status: "authorized", payment_type: "credit_card" },
  refunds: [],
  ...overrides,
})

describe("summarizeKomojuPayment", () => {
  it("is null for an order paid without KOMOJU", () => {
    expect(
      summarizeKomojuPayment({ payment_sessions: [{ id: "ps", provider_id: "pp_system_default", status: "authorized", data: {} }], payments: [] }, null)
    ).toBeNull()
  })

  it("shows a konbini order waiting for cash, with its receipt and no Medusa payment yet", () => {
    const summary = summarizeKomojuPayment(
      {
        payment_sessions: [
          session("pending_authorization", {
            komoju_payment_id: "pay_k2",
            komoju_payment_status: "authorized",
            payment_type: "konbini",
            payment_details: { store: "lawson", receipt: "123" },
          }),
        ],
        payments: [],
      },
      "https://komoju.com"
    )
    expect(summary).toMatchObject({
      medusa_status: "awaiting",
      payment_id: null,
      payment_type: "konbini",
      payment_details: { store: "lawson", receipt: "123" },
      dashboard_url: "https://komoju.com/admin/payments/pay_k2",
      can_capture: false,
      can_cancel: false,
    })
  })

  it("offers capture and cancel for a held card authorization", () => {
    const summary = summarizeKomojuPayment({ payment_sessions: [session("authorized", {})], payments: [payment()] }, "http://127.0.0.1:4010")
    expect(summary).toMatchObject({
      medusa_status: "authorized",
      payment_id: "pay_medusa_1",
      komoju_payment_id: "pay_k1",
      can_capture: true,
      can_cancel: true,
      dashboard_url: "http://127.0.0.1:4010/admin/payments/pay_k1",
    })
  })

  it("shows a captured payment with its refunds and nothing to capture", () => {
    const refunds = [{ id: "ref_1", amount: 300, note: null, created_at: "2026-11-23T10:00:00Z" }]
    const summary = summarizeKomojuPayment(
      { payment_sessions: [session("authorized", {})], payments: [payment({ captured_at: "2026-11-23T10:00:00Z", refunds })] },
      null
    )
    expect(summary).toMatchObject({ medusa_status: "captured", refunds, can_capture: false, can_cancel: false, dashboard_url: null })
  })
})
