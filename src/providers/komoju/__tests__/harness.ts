import nock from "nock"
import { KomojuProviderService } from "../service"
import type { CaptureRecords } from "../capture"
import type { KomojuProviderOptions } from "../options"
import type { KomojuSessionData } from "../session-data"

export const API = "https://komoju.test/api/v1"
export const WEBHOOK_SECRET = "whsec_unit"

export function makeLogger() {
  return { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() }
}

/** Medusa's capture records as the payment module would hold them: id → major units. */
export function captureRecords(amounts: Record<string, number | string>): CaptureRecords {
  return {
    retrieve: async (id) => {
      if (!(id in amounts)) throw new Error(`Capture with id: ${id} was not found`)
      return { id, raw_amount: { value: String(amounts[id]), precision: 20 } }
    },
  }
}

export function makeProvider(options: Partial<KomojuProviderOptions> = {}, captures?: CaptureRecords) {
  const logger = makeLogger()
  const provider = new KomojuProviderService({ logger: logger as never, captureService: captures }, {
    secretKey: "sk_test_unit",
    webhookSecret: WEBHOOK_SECRET,
    apiUrl: API,
    maxRetries: 0,
    ...options,
  })
  return { provider, logger }
}

/** What Medusa stores for a session created by `initiatePayment` (1200 JPY asked). */
export const storedData: KomojuSessionData = {
  session_id: "payses_1",
  cart_id: "cart_1",
  komoju_session_id: "sess_1",
  session_url: "https://komoju.test/sessions/sess_1",
  external_order_num: "cart_1-abcd1234",
  amount: 1200,
  currency: "JPY",
  capture_mode: "auto",
  return_url: "https://shop.test/return",
  revision: 0,
  mode: "test",
}

/** Every KOMOJU call a test makes must be one it set up, and every one set up must be made. */
export function useNock() {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([])
    nock.cleanAll()
  })
  afterAll(() => nock.enableNetConnect())
}

/**
 * The two codes KOMOJU may answer a capture, refund or cancel of a payment in the wrong
 * state with: the published `unprocessable_entity`, or the detailed one its plugins see.
 */
export function stateErrors(detailed: "not_capturable" | "not_refundable" | "not_cancellable") {
  return [
    ["unprocessable_entity, KOMOJU's published code", "unprocessable_entity"],
    [`${detailed}, the code KOMOJU's plugins see`, detailed],
  ] as const
}
