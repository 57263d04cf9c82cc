import type { KomojuPayment, KomojuSession } from "../../../lib/komoju"

/** KOMOJU objects in KOMOJU's shape (see the seed pages), for provider tests. */
export function komojuPayment(overrides: Partial<KomojuPayment> = {}): KomojuPayment {
  return {
    id: "pay_1",
    resource: "payment",
    status: "captured",
    amount: 1200,
    tax: 0,
    payment_method_fee: 0,
    total: 1200,
    currency: "JPY",
    session: "sess_1",
    external_order_num: "cart_1-abcd1234",
    metadata: { medusa_payment_session_id: "payses_1", medusa_cart_id: "cart_1" },
    payment_details: { type: "credit_card", brand: "visa", last_four_digits: "1111", email: "a@b.c" },
    payment_deadline: null,
    captured_at: "2026-11-23T10:00:00.000+09:00",
    amount_refunded: 0,
    refunds: [],
    created_at: "2026-11-23T10:00:00.000+09:00",
    ...overrides,
  }
}

export function komojuSession(overrides: Partial<KomojuSession> = {}): KomojuSession {
  return {
    id: "sess_1",
    resource: "session",
    mode: "payment",
    amount: 1200,
    currency: "JPY",
    session_url: "https://komoju.test/sessions/sess_1",
    return_url: "https://shop.test/return",
    default_locale: "ja",
    payment_methods: [{ type: "credit_card" }],
    payment: null,
    payment_data: { external_order_num: "cart_1-abcd1234", capture: "auto" },
    metadata: { medusa_payment_session_id: "payses_1", medusa_cart_id: "cart_1" },
    status: "pending",
    expired: false,
    created_at: "2026-11-23T10:00:00.000+09:00",
    completed_at: null,
    cancelled_at: null,
    ...overrides,
  }
}
