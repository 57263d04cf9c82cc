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

describe("summarizeKomojuPayment with refund requests", () => {
  const paidKonbini = (refunds: OrderPaymentRecords["payments"][number]["refunds"] = []) => ({
    payment_sessions: [session("authorized", { payment_type: "konbini", komoju_payment_id: "pay_k1", komoju_payment_status: "captured" })],
    payments: [
      payment({
        captured_at: "2026-12-01T10:00:00Z",
        data: { komoju_payment_id: "pay_k1", komoju_payment_status: "captured", payment_type: "konbini" },
        refunds,
      }),
    ],
  })
  const record = (id: string, amount: number, created_at: string) => ({
    komoju_refund_request_id: id,
    amount,
    currency: "JPY",
    bank_name: "みずほ銀行",
    account_last_digits: "456",
    created_at,
  })
  const komojuPayment = (statuses: Record<string, string>, status = "captured") =>
    ({
      id: "pay_k1",
      resource: "payment",
      status,
      refund_requests: Object.entries(statuses).map(([id, s]) => ({ id, status: s })),
    }) as never

  it("offers a refund request for a paid konbini payment, for all of it", () => {
    expect(summarizeKomojuPayment(paidKonbini(), null)).toMatchObject({ can_request_refund: true, refundable_amount: 1200, refund_requests: [] })
  })

  it("offers none for a card payment", () => {
    const summary = summarizeKomojuPayment(
      { payment_sessions: [session("authorized", {})], payments: [payment({ captured_at: "2026-12-01T10:00:00Z", data: { komoju_payment_status: "captured", payment_type: "credit_card" } })] },
      null
    )
    expect(summary).toMatchObject({ can_request_refund: false })
  })

  it("lists requests newest first with KOMOJU's status, counting pending ones and refunds against what is left", () => {
    const summary = summarizeKomojuPayment(paidKonbini([{ id: "ref_1", amount: 300, note: null, created_at: "2026-12-01T12:00:00Z" }]), null, [], {
      records: [record("rr_1", 300, "2026-12-01T11:00:00Z"), record("rr_2", 400, "2026-12-01T13:00:00Z"), record("rr_3", 100, "2026-12-01T14:00:00Z")],
      komojuPayment: komojuPayment({ rr_1: "completed", rr_2: "pending", rr_3: "rejected" }),
    })
    expect(summary!.refund_requests).toEqual([
      { id: "rr_3", amount: 100, currency: "JPY", bank_name: "みずほ銀行", account_last_digits: "456", status: "rejected", created_at: "2026-12-01T14:00:00Z" },
      expect.objectContaining({ id: "rr_2", status: "pending" }),
      expect.objectContaining({ id: "rr_1", status: "completed" }),
    ])
    expect(summary).toMatchObject({ refundable_amount: 1200 - 300 - 400, can_request_refund: true })
  })

  it("shows the status as unknown when KOMOJU could not be read, and counts the request as under way", () => {
    const summary = summarizeKomojuPayment(paidKonbini(), null, [], { records: [record("rr_1", 1200, "2026-12-01T11:00:00Z")], komojuPayment: null })
    expect(summary).toMatchObject({ refund_requests: [expect.objectContaining({ id: "rr_1", status: "unknown" })], refundable_amount: 0, can_request_refund: false })
  })

  it("takes KOMOJU's payment status when it was read: nothing more once refunded", () => {
    const summary = summarizeKomojuPayment(paidKonbini(), null, [], {
      records: [record("rr_1", 500, "2026-12-01T11:00:00Z")],
      komojuPayment: komojuPayment({ rr_1: "completed" }, "refunded"),
    })
    expect(summary).toMatchObject({ komoju_status: "refunded", can_request_refund: false })
  })
})
