import Medusa from "@medusajs/js-sdk"
import {
  completeKomojuCheckout,
  KomojuCheckoutError,
  readKomojuReturn,
  startKomojuPayment,
  type CompleteCartResponseLike,
  type StoreSdkLike,
} from ".."

const komojuSession = (status: string, data: Record<string, unknown> = {}) => ({
  id: "payses_1",
  provider_id: "pp_komoju_komoju",
  status,
  data: { komoju_session_id: "sess_1", session_url: "https://komoju.test/sessions/sess_1", ...data },
})

function fakeSdk(complete?: CompleteCartResponseLike) {
  const initiatePaymentSession = jest.fn(async () => ({
    payment_collection: { id: "paycol_1", payment_sessions: [komojuSession("pending")] },
  }))
  const completeCart = jest.fn(async () => complete!)
  const sdk: StoreSdkLike = {
    store: { payment: { initiatePaymentSession }, cart: { complete: completeCart } },
  }
  return { sdk, initiatePaymentSession, completeCart }
}

describe("startKomojuPayment", () => {
  it("asks Medusa for a KOMOJU session with the return URL, locale and types, and gives the hosted page", async () => {
    const { sdk, initiatePaymentSession } = fakeSdk()
    const started = await startKomojuPayment(sdk, { id: "cart_1" }, {
      returnUrl: "https://shop.test/komoju/return",
      locale: "en",
      paymentTypes: ["konbini"],
    })
    expect(initiatePaymentSession).toHaveBeenCalledWith(
      { id: "cart_1" },
      {
        provider_id: "pp_komoju_komoju",
        data: { return_url: "https://shop.test/komoju/return", locale: "en", payment_types: ["konbini"] },
      }
    )
    expect(started).toMatchObject({
      sessionUrl: "https://komoju.test/sessions/sess_1",
      paymentSessionId: "payses_1",
      komojuSessionId: "sess_1",
    })
  })

  it("fails clearly when Medusa returns no KOMOJU session", async () => {
    const { sdk, initiatePaymentSession } = fakeSdk()
    initiatePaymentSession.mockResolvedValueOnce({ payment_collection: { id: "paycol_1", payment_sessions: [] } })
    await expect(startKomojuPayment(sdk, { id: "cart_1" }, { returnUrl: "https://s.test" })).rejects.toBeInstanceOf(
      KomojuCheckoutError
    )
  })

  it("accepts the js-sdk's Medusa client as it is", () => {
    const sdk: StoreSdkLike = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_test" })
    expect(sdk.store.cart.complete).toEqual(expect.any(Function))
  })
})

describe("readKomojuReturn", () => {
  it("reads the session id KOMOJU appends", () => {
    expect(readKomojuReturn("https://shop.test/komoju/return?session_id=sess_1")).toEqual({ komojuSessionId: "sess_1" })
    expect(readKomojuReturn("/komoju/return?lang=ja&session_id=sess_2")).toEqual({ komojuSessionId: "sess_2" })
  })

  it("gives null when the shopper did not come from KOMOJU", () => {
    expect(readKomojuReturn("https://shop.test/komoju/return")).toEqual({ komojuSessionId: null })
  })
})

describe("completeKomojuCheckout", () => {
  const cart = (status: string) => ({
    id: "cart_1",
    payment_collection: { id: "paycol_1", payment_sessions: [komojuSession(status)] },
  })

  it("reports a captured order as paid", async () => {
    const { sdk } = fakeSdk({ type: "order", order: { id: "order_1", payment_status: "captured" } })
    await expect(completeKomojuCheckout(sdk, "cart_1")).resolves.toMatchObject({ status: "paid", order: { id: "order_1" } })
  })

  it("reports a konbini order as awaiting payment, with the receipt", async () => {
    const order = {
      id: "order_2",
      payment_status: "awaiting",
      payment_collections: [
        {
          id: "paycol_1",
          payment_sessions: [
            komojuSession("pending_authorization", {
              payment_type: "konbini",
              payment_details: { store: "lawson", receipt: "123-456", payment_deadline: "2026-11-26T14:59:59Z" },
            }),
          ],
        },
      ],
    }
    const { sdk } = fakeSdk({ type: "order", order })
    await expect(completeKomojuCheckout(sdk, "cart_1")).resolves.toEqual({
      status: "awaiting_payment",
      order,
      instructions: {
        paymentType: "konbini",
        store: "lawson",
        receipt: "123-456",
        paymentDeadline: "2026-11-26T14:59:59Z",
      },
    })
  })

  it.each([
    ["canceled", "cancelled"],
    ["error", "failed"],
    ["pending", "pending"],
  ])("reports a %s KOMOJU session as %s, keeping the cart", async (sessionStatus, status) => {
    const { sdk } = fakeSdk({ type: "cart", cart: cart(sessionStatus), error: { message: "not authorized" } })
    await expect(completeKomojuCheckout(sdk, "cart_1")).resolves.toMatchObject({
      status,
      cart: { id: "cart_1" },
      message: "not authorized",
    })
  })
})
