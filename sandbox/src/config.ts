import type { DeclineView } from "./api-version"
import { DEFAULTS } from "./constants"
import type { ErrorStatus } from "./faults"
import type { KeyReuse } from "./idempotency"
import type { PaymentUpdatedOrder } from "./payment-events"
import type { CrossCurrency } from "./pricing"
import { DEFAULT_ENABLED_PAYMENT_TYPES, type CashTypeCode, type PaymentTypeCode } from "./payment-types"

export type TimeoutMode = "hold" | "reset"

/** How webhooks are delivered, and how badly (each fault a probability from 0 to 1). */
export type WebhookConfig = {
  /** Deliver an event twice (same body, same X-Komoju-ID). */
  duplicate_rate: number
  /** Hold an event back and send it after the next one (or after `reorder_max_hold_ms`). */
  reorder_rate: number
  reorder_max_hold_ms: number
  /** Never deliver an event (logged as dropped). */
  drop_rate: number
  /** Wait `delay_ms` before delivering an event. */
  delay_rate: number
  delay_ms: number
  /** Attempts per delivery, the first included; non-2xx answers and network errors are retried. */
  max_attempts: number
  /** Backoff before retry n is retry_base_ms × 2^(n-1), capped at retry_max_ms. */
  retry_base_ms: number
  retry_max_ms: number
  /** How long one attempt may take before it counts as a network error. */
  timeout_ms: number
}

/**
 * Days a cash payment waits for the customer; the deadline is 23:59:59 JST of the last
 * day. Konbini and bank transfer are settings of a KOMOJU account (dashboard, "Expiry
 * days"); Pay-easy has none published, so the sandbox keeps 3 like konbini.
 */
export type ExpiryDays = Record<CashTypeCode, number>

/** Shares of API requests hit by each fault, from 0 to 1, summing to at most 1. */
export type FaultRates = {
  /** Answered `error_status` (5xx) without being processed. */
  error_rate: number
  /** No answer, not processed. */
  timeout_rate: number
  /** Processed, then the answer is lost: the case idempotency keys exist for. */
  lost_answer_rate: number
}

/** Everything that can change while the sandbox runs (`GET`/`PATCH /_sandbox/config`). */
export type SandboxConfig = {
  webhook_url: string | null
  webhook_secret: string
  /** Methods "activated on the account": what a session offers without payment_types. */
  enabled_payment_types: PaymentTypeCode[]
  /** Processing time added to every API request (it counts as in flight for idempotency). */
  latency_ms: number
  /** Rates for every endpoint without its own in `endpoint_faults`. */
  error_rate: number
  timeout_rate: number
  lost_answer_rate: number
  /** Rates per endpoint, e.g. `{"POST /payments/:id/refund": {"lost_answer_rate": 0.5}}`; they replace the global rates there. */
  endpoint_faults: Record<string, Partial<FaultRates>>
  /** Status of an `error` fault: 500, 502, 503 or 504, with KOMOJU's code for it. */
  error_status: ErrorStatus
  /** `hold`: keep the socket open for timeout_hold_ms, then drop it; `reset`: drop it at once. */
  timeout_mode: TimeoutMode
  timeout_hold_ms: number
  /** The next n API requests get that fault, whatever the rates (deterministic tests). */
  next_errors: number
  next_timeouts: number
  next_lost_answers: number
  /** Faults hit only requests whose "METHOD /path" (after /api/v1) matches this regex. */
  fault_path_pattern: string | null
  /**
   * Status of missing and malformed parameters. KOMOJU's error page gives 422 for
   * "missing or invalid parameters"; its codes table also has bad_request 400.
   */
  parameter_error_status: 400 | 422
  /**
   * Code of capture / refund / cancel refused for the object's state: KOMOJU's published
   * `unprocessable_entity`, or the `not_capturable` / `not_refundable` /
   * `not_cancellable` its plugins check for. 422 either way.
   */
  state_error_codes: "unprocessable_entity" | "detailed"
  /**
   * An idempotency key reused for another endpoint or body: `conflict` answers 409,
   * `replay` answers the key's first response. KOMOJU's page leaves this case open.
   */
  idempotency_key_reuse: KeyReuse
  /**
   * What the account's default API version reports for a declined card payment:
   * `pending` (KOMOJU's API today) or `failed` (a future version). Webhooks, unpinned
   * requests and the control API follow it.
   */
  declined_payment_status: DeclineView
  /** The first API version reporting `failed`: a request pinning it or a later one sees `failed`, earlier ones `pending`. */
  failed_status_api_version: string | null
  /** Send payment.failed when a payment attempt is declined (its data shows the status above). */
  payment_failed_on_decline: boolean
  /** payment.updated beside every payment event: `after` it, `before` it, or `off`. */
  payment_updated_event: PaymentUpdatedOrder
  /** Methods that charge in another currency, e.g. `{"alipay": {"currency": "CNY", "exchange_rate": 0.048}}`. */
  cross_currency: Partial<Record<PaymentTypeCode, CrossCurrency>>
  /** A customer fee per method in minor units of the currency it charges in, e.g. `{"konbini": 190}`. */
  payment_method_fees: Partial<Record<PaymentTypeCode, number>>
  /** Tax added to each payment's amount (rounded down), from 0 to 1. */
  tax_rate: number
  /**
   * `strict`: a session's line items must add up (Σ amount × quantity) to its amount, or
   * it is refused with 422 invalid_parameter `line_items`; `off`: they are shown as given.
   * KOMOJU does not say whether it checks.
   */
  line_items_total: "strict" | "off"
  /**
   * Paidy needs a shipping address: a session naming `paidy` in payment_types without
   * payment_data[shipping_address] is refused (422 missing_parameter), one that does not
   * name its types leaves Paidy out. `false`: Paidy is offered like any other method.
   */
  paidy_requires_shipping_address: boolean
  /**
   * What a refund request rejected by KOMOJU sends: `none` (KOMOJU lists no refund
   * request events, and the payment's status does not change) or `payment.updated`.
   */
  refund_request_rejected_event: "none" | "payment.updated"
  /**
   * The customer modes need `external_customer_id` (422 missing_parameter otherwise).
   * KOMOJU's SDK marks it optional (a customer is made either way); `false` follows it.
   */
  customer_modes_require_external_customer_id: boolean
  /**
   * Which saved cards `POST /payments` with `customer` refuses until a secure token has
   * passed 3-D Secure: `challenge_cards` (KOMOJU's 3-D Secure challenge test cards),
   * `all`, or `none`. KOMOJU does not say when a saved card needs it.
   */
  saved_card_three_d_secure: "challenge_cards" | "all" | "none"
  /**
   * `DELETE /customers/:id` also erases the hosted page's one-click card of the
   * customer's external_customer_id (`true`), or only the customer (`false`, default:
   * KOMOJU's one-click and its customers are separate stores, each with its own delete).
   */
  customer_delete_erases_one_click: boolean
  /**
   * A declined `POST /payments` without a session (a saved customer, a secure token):
   * `error` answers 402 with the reason as code and records nothing; `payment` records
   * the declined payment (reported as declined cards are), sends payment.failed and
   * answers it. KOMOJU's direct payment guide: "the payment's status … or an error object".
   */
  direct_charge_decline: "error" | "payment"
  expiry_days: ExpiryDays
  webhook: WebhookConfig
}

/** A settings change: any top-level setting, nested groups in part. */
export type ConfigPatch = Partial<Omit<SandboxConfig, "webhook" | "expiry_days">> & {
  webhook?: Partial<WebhookConfig>
  expiry_days?: Partial<ExpiryDays>
}

export function defaultConfig(): SandboxConfig {
  return {
    webhook_url: null,
    webhook_secret: DEFAULTS.webhookSecret,
    enabled_payment_types: [...DEFAULT_ENABLED_PAYMENT_TYPES],
    latency_ms: 0,
    error_rate: 0,
    timeout_rate: 0,
    lost_answer_rate: 0,
    endpoint_faults: {},
    error_status: 503,
    timeout_mode: "hold",
    timeout_hold_ms: 30_000,
    next_errors: 0,
    next_timeouts: 0,
    next_lost_answers: 0,
    fault_path_pattern: null,
    parameter_error_status: 422,
    state_error_codes: "unprocessable_entity",
    idempotency_key_reuse: "conflict",
    declined_payment_status: "pending",
    failed_status_api_version: null,
    payment_failed_on_decline: true,
    payment_updated_event: "after",
    cross_currency: {},
    payment_method_fees: {},
    tax_rate: 0,
    line_items_total: "strict",
    paidy_requires_shipping_address: true,
    refund_request_rejected_event: "none",
    customer_modes_require_external_customer_id: true,
    saved_card_three_d_secure: "challenge_cards",
    customer_delete_erases_one_click: false,
    direct_charge_decline: "error",
    expiry_days: { konbini: 3, bank_transfer: 14, pay_easy: 3 },
    webhook: {
      duplicate_rate: 0,
      reorder_rate: 0,
      reorder_max_hold_ms: 5_000,
      drop_rate: 0,
      delay_rate: 1,
      delay_ms: 0,
      max_attempts: 5,
      retry_base_ms: 1_000,
      retry_max_ms: 60_000,
      timeout_ms: 10_000,
    },
  }
}
