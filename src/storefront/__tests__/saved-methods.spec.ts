import Medusa, { FetchError } from "@medusajs/js-sdk"
import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import {
  deleteSavedMethod,
  describeSavedMethod,
  KomojuCheckoutError,
  listSavedMethods,
  payWithSavedMethod,
  payWithSavedMethodLabel,
  startKomojuPayment,
  type KomojuSavedMethod,
  type PaymentSessionStarterLike,
  type StoreClientLike,
} from ".."

const visa: KomojuSavedMethod = {
  id: "kpm_1",
  payment_type: "credit_card",
  brand: "visa",
  last_four: "4242",
  month: 8,
  year: 2039,
  created_at: "2026-12-02T03:00:00.000Z",
}
const paypay: KomojuSavedMethod = {
  id: "kpm_2",
  payment_type: "paypay",
  brand: null,
  last_four: null,
  month: null,
  year: null,
  created_at: "2026-12-01T03:00:00.000Z",
}

function fakeStarter(providerId = "pp_komoju_komoju") {
  const initiatePaymentSession = jest.fn(async () => ({
    payment_collection: {
      id: "paycol_1",
      payment_sessions: [
        {
          id: "payses_1",
          provider_id: providerId,
          status: "pending",
          data: { komoju_session_id: "sess_1", session_url: "https://komoju.test/sessions/sess_1" },
        },
      ],
    },
  }))
  const sdk: PaymentSessionStarterLike = { store: { payment: { initiatePaymentSession } } }
  return { sdk, initiatePaymentSession }
}

describe("startKomojuPayment's savePaymentMethod", () => {
  it("asks Medusa to save the method paid with", async () => {
    const { sdk, initiatePaymentSession } = fakeStarter()
    await startKomojuPayment(sdk, { id: "cart_1" }, { returnUrl: "https://shop.test/r", savePaymentMethod: true })
    expect(initiatePaymentSession).toHaveBeenCalledWith(
      { id: "cart_1" },
      { provider_id: "pp_komoju_komoju", data: { return_url: "https://shop.test/r", save_payment_method: true } }
    )
  })

  it("sends nothing about saving unless asked", async () => {
    const { sdk, initiatePaymentSession } = fakeStarter()
    await startKomojuPayment(sdk, { id: "cart_1" }, { returnUrl: "https://shop.test/r", savePaymentMethod: false })
    expect(initiatePaymentSession).toHaveBeenCalledWith(
      { id: "cart_1" },
      { provider_id: "pp_komoju_komoju", data: { return_url: "https://shop.test/r" } }
    )
  })
})

describe("payWithSavedMethod", () => {
  it("opens a KOMOJU session on the saved method and gives the hosted page, as startKomojuPayment does", async () => {
    const { sdk, initiatePaymentSession } = fakeStarter()
    const started = await payWithSavedMethod(sdk, { id: "cart_1" }, "kpm_1", { returnUrl: "https://shop.test/r", locale: "en" })
    expect(initiatePaymentSession).toHaveBeenCalledWith(
      { id: "cart_1" },
      {
        provider_id: "pp_komoju_komoju",
        data: { return_url: "https://shop.test/r", komoju_saved_method_id: "kpm_1", locale: "en" },
      }
    )
    expect(started).toMatchObject({
      sessionUrl: "https://komoju.test/sessions/sess_1",
      paymentSessionId: "payses_1",
      komojuSessionId: "sess_1",
    })
  })

  it("uses the provider id it is given", async () => {
    const { sdk, initiatePaymentSession } = fakeStarter("pp_komoju_jp")
    const started = await payWithSavedMethod(sdk, { id: "cart_1" }, "kpm_1", { returnUrl: "https://shop.test/r", providerId: "pp_komoju_jp" })
    expect(initiatePaymentSession).toHaveBeenCalledWith({ id: "cart_1" }, expect.objectContaining({ provider_id: "pp_komoju_jp" }))
    expect(started.paymentSessionId).toBe("payses_1")
  })

  it("fails clearly when Medusa returns no KOMOJU session", async () => {
    const { sdk, initiatePaymentSession } = fakeStarter()
    initiatePaymentSession.mockResolvedValueOnce({ payment_collection: { id: "paycol_1", payment_sessions: [] } })
    await expect(payWithSavedMethod(sdk, { id: "cart_1" }, "kpm_1", { returnUrl: "https://s.test" })).rejects.toBeInstanceOf(
      KomojuCheckoutError
    )
  })

  it("lets Medusa's 404 through for a method that is not the customer's", async () => {
    const { sdk, initiatePaymentSession } = fakeStarter()
    initiatePaymentSession.mockRejectedValueOnce(new FetchError("saved payment method not found", "Not Found", 404))
    await expect(payWithSavedMethod(sdk, { id: "cart_1" }, "kpm_9", { returnUrl: "https://s.test" })).rejects.toMatchObject({
      status: 404,
      message: "saved payment method not found",
    })
  })
})

/** A store API stand-in on localhost, so that the js-sdk's own client makes the requests. */
async function storeApi(answer: (method: string, path: string) => { status: number; body: unknown }) {
  const requests: { method: string; path: string; headers: IncomingHttpHeaders }[] = []
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method!, path: req.url!, headers: req.headers })
    const { status, body } = answer(req.method!, req.url!)
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body))
  })
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening))
  const sdk = new Medusa({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publishableKey: "pk_test",
    auth: { jwtTokenStorageMethod: "memory" },
  })
  await sdk.client.setToken("customer-token")
  const close = () => new Promise((closed) => server.close(closed))
  return { sdk, requests, close }
}

describe("listSavedMethods and deleteSavedMethod, through the js-sdk", () => {
  let api: Awaited<ReturnType<typeof storeApi>>
  afterEach(() => api?.close())

  it("lists the signed-in customer's methods with the sdk's publishable key and token", async () => {
    api = await storeApi(() => ({ status: 200, body: { payment_methods: [visa, paypay] } }))
    await expect(listSavedMethods(api.sdk)).resolves.toEqual([visa, paypay])
    expect(api.requests).toEqual([
      {
        method: "GET",
        path: "/store/komoju/payment-methods",
        headers: expect.objectContaining({ "x-publishable-api-key": "pk_test", authorization: "Bearer customer-token" }),
      },
    ])
  })

  it("throws the sdk's 401 without a signed-in customer", async () => {
    api = await storeApi(() => ({ status: 401, body: { type: "unauthorized", message: "Unauthorized" } }))
    await expect(listSavedMethods(api.sdk)).rejects.toMatchObject({ status: 401 })
  })

  it("deletes a method by its id, escaped into the path", async () => {
    api = await storeApi(() => ({ status: 200, body: { id: "kpm/1", object: "komoju_payment_method", deleted: true } }))
    await expect(deleteSavedMethod(api.sdk, "kpm/1")).resolves.toEqual({ id: "kpm/1", object: "komoju_payment_method", deleted: true })
    expect(api.requests).toMatchObject([{ method: "DELETE", path: "/store/komoju/payment-methods/kpm%2F1" }])
  })

  it("throws the sdk's 404 for a method that is not the customer's", async () => {
    api = await storeApi(() => ({ status: 404, body: { type: "not_found", message: "saved payment method not found" } }))
    await expect(deleteSavedMethod(api.sdk, "kpm_9")).rejects.toMatchObject({ status: 404, message: "saved payment method not found" })
  })

  it("takes any client with the sdk's fetch", async () => {
    const fetch = jest.fn(async () => ({ payment_methods: [paypay] }))
    const client: StoreClientLike = { client: { fetch: fetch as StoreClientLike["client"]["fetch"] } }
    await expect(listSavedMethods(client)).resolves.toEqual([paypay])
  })
})

describe("describeSavedMethod", () => {
  it("names a card by brand, last four and expiry", () => {
    expect(describeSavedMethod(visa, "ja")).toBe("Visa •••• 4242 (08/39)")
    expect(describeSavedMethod({ ...visa, brand: "american_express", last_four: "0005", month: 12, year: 2030 }, "en")).toBe(
      "American Express •••• 0005 (12/30)"
    )
  })

  it("says PayPay for PayPay", () => {
    expect(describeSavedMethod(paypay, "ko")).toBe("PayPay")
  })

  it("calls a card of no known brand a card, in the shopper's language, and leaves out what it does not know", () => {
    const plain = { ...visa, brand: null, month: null, year: null }
    expect(describeSavedMethod(plain, "ja")).toBe("カード •••• 4242")
    expect(describeSavedMethod(plain, "en-US")).toBe("Card •••• 4242")
    expect(describeSavedMethod(plain, "ko-KR")).toBe("카드 •••• 4242")
    expect(describeSavedMethod(plain)).toBe("カード •••• 4242")
    expect(describeSavedMethod({ ...visa, brand: "unionpay" }, "en")).toBe("unionpay •••• 4242 (08/39)")
  })
})

describe("payWithSavedMethodLabel", () => {
  it("puts the method in the shopper's sentence", () => {
    expect(payWithSavedMethodLabel(visa, "ja")).toBe("Visa •••• 4242 (08/39) で支払う")
    expect(payWithSavedMethodLabel(paypay, "en")).toBe("Pay with PayPay")
    expect(payWithSavedMethodLabel(visa, "ko")).toBe("Visa •••• 4242 (08/39)(으)로 결제")
  })
})
