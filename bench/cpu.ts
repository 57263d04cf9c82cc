import { performance } from "node:perf_hooks"
import type { KomojuClient, KomojuPayment, KomojuSession } from "../src/lib/komoju"
import { eventPayment, isValidSignature, parseEvent, signBody } from "../src/lib/komoju"
import { KomojuProviderService } from "../src/providers/komoju/service"
import { komojuPayment, komojuSession } from "../src/providers/komoju/__tests__/komoju-objects"
import { median, round } from "./stats"

/**
 * The plugin's own CPU per provider method, and for a webhook's signature check, without
 * network: the provider runs against a stub `KomojuClient` answering from memory at
 * once. Each figure is the median over batches of the mean time per call, in µs.
 */
export async function benchCpu({ batches = 15, perBatch = 1000 } = {}) {
  const paid = komojuPayment({ status: "captured" })
  const held = komojuPayment({ status: "authorized", captured_at: null })
  const client = stubClient({ session: komojuSession({ status: "completed", payment: paid }), held })
  const provider = new StubbedProvider(client)
  const created = await provider.initiatePayment(initiateInput())
  const data = { ...created.data, session_id: "payses_1" } as Record<string, unknown>
  const manual = { ...data, capture_mode: "manual", komoju_payment_id: held.id }
  const paidData = { ...data, komoju_payment_id: paid.id }

  const methods: Record<string, () => Promise<unknown>> = {
    initiatePayment: () => provider.initiatePayment(initiateInput()),
    updatePayment: () => provider.updatePayment({ amount: 1700, currency_code: "jpy", data }),
    authorizePayment: () => provider.authorizePayment({ data }),
    getPaymentStatus: () => provider.getPaymentStatus({ data }),
    retrievePayment: () => provider.retrievePayment({ data: paidData }),
    capturePayment: () => provider.capturePayment({ data: manual, context: { idempotency_key: "capt_1" } }),
    refundPayment: () => provider.refundPayment({ amount: 500, data: paidData, context: { idempotency_key: `ref_${Math.random()}` } }),
    cancelPayment: () => provider.cancelPayment({ data: { ...data, komoju_session_id: "sess_open" } }),
  }
  const body = Buffer.from(JSON.stringify({ id: "evt_1", type: "payment.captured", resource: "event", data: paid, created_at: paid.created_at, reason: null, details: {} }))
  const secret = "whsec_sandbox"
  const signature = signBody(body, secret)
  const sync: Record<string, () => unknown> = {
    "webhook signature (HMAC-SHA256, constant time)": () => isValidSignature(body, signature, secret),
    "webhook signature + parse": () => {
      if (!isValidSignature(body, signature, secret)) throw new Error("bad signature")
      return eventPayment(parseEvent(body)!)
    },
  }

  const results: Record<string, number> = {}
  for (const [name, call] of Object.entries(methods)) results[name] = await timeAsync(call, batches, perBatch)
  for (const [name, call] of Object.entries(sync)) results[name] = timeSync(call, batches, perBatch * 10)
  return { unit: "µs per call", body_bytes: body.length, batches, per_batch: perBatch, methods: results }
}

async function timeAsync(call: () => Promise<unknown>, batches: number, perBatch: number): Promise<number> {
  for (let i = 0; i < perBatch; i++) await call()
  const means: number[] = []
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now()
    for (let i = 0; i < perBatch; i++) await call()
    means.push(((performance.now() - t0) * 1000) / perBatch)
  }
  return round(median(means), 2)
}

function timeSync(call: () => unknown, batches: number, perBatch: number): number {
  for (let i = 0; i < perBatch; i++) call()
  const means: number[] = []
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now()
    for (let i = 0; i < perBatch; i++) call()
    means.push(((performance.now() - t0) * 1000) / perBatch)
  }
  return round(median(means), 2)
}

/** What the payment module passes on initiate, with what the store middleware adds. */
function initiateInput() {
  return {
    amount: 1700,
    currency_code: "jpy",
    data: {
      session_id: "payses_1",
      cart_id: "cart_1",
      email: "buyer@example.jp",
      return_url: "https://shop.test/return",
      komoju_store_settings: { payment_types: ["credit_card", "konbini"], capture_mode: "auto" },
    },
    context: { idempotency_key: "payses_1" },
  }
}

const quiet = { info() {}, warn() {}, error() {}, debug() {} }

class StubbedProvider extends KomojuProviderService {
  constructor(client: KomojuClient) {
    super({ logger: quiet as never, captureService: { retrieve: async (id) => ({ id, raw_amount: { value: "1700", precision: 20 } }) } }, {
      secretKey: "sk_test_bench",
      webhookSecret: "whsec_sandbox",
      apiUrl: "http://komoju.invalid/api/v1",
    })
    Object.defineProperty(this, "client_", { value: client })
  }
}

function never(what: string): never {
  throw new Error(`the bench measures no ${what} call`)
}

/** KOMOJU answering from memory: every call resolves at once with a shallow copy of a prepared object. */
function stubClient({ session, held }: { session: KomojuSession; held: KomojuPayment }): KomojuClient {
  const amount = 1700
  const paid: KomojuPayment = { ...session.payment!, amount, total: amount }
  const authorized: KomojuPayment = { ...held, amount, total: amount }
  const completed: KomojuSession = { ...session, amount, payment: paid }
  const open: KomojuSession = { ...session, amount, status: "pending", payment: null }
  return {
    createSession: async (body) => ({ ...open, amount: body.amount, currency: body.currency }),
    retrieveSession: async (id) => (id === "sess_open" ? { ...open, id } : { ...completed }),
    cancelSession: async (id) => ({ ...open, id, status: "cancelled" }),
    retrievePayment: async (id) => (id === held.id ? { ...authorized } : { ...paid }),
    listPayments: async () => ({ data: [], total: 0, page: 1, per_page: 100, last_page: 1 }) as never,
    capturePayment: async () => ({ ...authorized, status: "captured" }),
    refundPayment: async (_id, body) => ({
      ...paid,
      amount_refunded: body.amount,
      refunds: [{ id: "ref_1", amount: body.amount, currency: "JPY", description: body.description, created_at: paid.created_at! } as never],
    }),
    cancelPayment: async () => ({ ...authorized, status: "cancelled" }),
    createRefundRequest: async () => ({ ...paid }),
    retrieveCustomer: async () => never("customers"),
    deleteCustomer: async () => never("customers"),
    deleteExternalCustomer: async () => never("external customers"),
  }
}
