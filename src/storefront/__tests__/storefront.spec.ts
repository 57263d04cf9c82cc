import Medusa from "@medusajs/js-sdk"
import {
  paymentInstructions,
  completeKomojuCheckout,
  KomojuCheckoutError,
  readKomojuReturn,
  startKomojuPayment,
  type CartLike,
  type CompleteCartResponseLike,
  type PaymentSessionStarterLike,
  type StoreSdkLike,
} from ".."

const komojuSession = (status: string, data: Record<string, unknown> = {}) => ({
  id: "payses_1",
  provider_id: "pp_komoju_komoju",
  status,
  data: { komoju_session_id: "sess_1", session_url: "https://komoju.test/sessions/sess_1", ...data },
})

function fakeSdk(complete?: CompleteCartResponseLike | Error, cart?: CartLike) {
  const initiatePaymentSession = jest.fn(async () => ({
    payment_collection: { id: "paycol_1", payment_sessions: [komojuSession("pending")] },
  }))
  const completeCart = jest.fn(async () => {
    if (complete instanceof Error) throw complete
    return complete!
  })
  const retrieve = jest.fn(async () => ({ cart: cart! }))
  const sdk: StoreSdkLike = {
    store: { payment: { initiatePaymentSession }, cart: { complete: completeCart, retrieve } },
  }
  return { sdk, initiatePaymentSession, completeCart, retrieve }
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

  it("takes a storefront's own server action in place of the js-sdk", async () => {
    const { initiatePaymentSession } = fakeSdk()
    // e.g. Medusa's Next.js starters' `initiatePaymentSession` in src/lib/data/cart.ts
    const viaServerAction: PaymentSessionStarterLike = { store: { payment: { initiatePaymentSession } } }
    const started = await startKomojuPayment(viaServerAction, { id: "cart_1" }, { returnUrl: "https://shop.test/r" })
    expect(started.sessionUrl).toBe("https://komoju.test/sessions/sess_1")
  })

  it("accepts the js-sdk's Medusa client as it is", () => {
    const sdk: StoreSdkLike = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_test" })
    expect(sdk.store.cart.complete).toEqual(expect.any(Function))
  })
})

describe("readKomojuReturn", () => {
  it("reads the session id KOMOJU appends", () => {
    expect(readKomojuReturn("https://shop.test/komoju/return?session_id=sess_1")).toEqual({ komojuSessionId: "sess_1", cartId: null })
    expect(readKomojuReturn("/komoju/return?lang=ja&session_id=sess_2")).toEqual({ komojuSessionId: "sess_2", cartId: null })
  })

  it("reads the cart id the return URL names", () => {
    expect(readKomojuReturn("https://shop.test/komoju/return?cart_id=cart_1&session_id=sess_1")).toEqual({
      komojuSessionId: "sess_1",
      cartId: "cart_1",
    })
  })

  it("gives null when the shopper did not come from KOMOJU", () => {
    expect(readKomojuReturn("https://shop.test/komoju/return")).toEqual({ komojuSessionId: null, cartId: null })
  })
})

function httpError(status: number, message: string) {
  return Object.assign(new Error(message), { status })
}

describe("completeKomojuCheckout", () => {
  const cart = (status: string, data: Record<string, unknown> = {}): CartLike => ({
    id: "cart_1",
    payment_collection: { id: "paycol_1", payment_sessions: [komojuSession(status, data)] },
  })
  const paidOrder = (captured: number, authorized = captured) => ({
    id: "order_1",
    payment_collections: [{ id: "paycol_1", captured_amount: captured, authorized_amount: authorized }],
  })

  it("reports a captured order as paid", async () => {
    const { sdk } = fakeSdk({ type: "order", order: paidOrder(2900) })
    await expect(completeKomojuCheckout(sdk, "cart_1")).resolves.toMatchObject({ status: "paid", order: { id: "order_1" } })
  })

  it("reports a held card authorization as paid", async () => {
    const { sdk } = fakeSdk({ type: "order", order: paidOrder(0, 2900) })
    await expect(completeKomojuCheckout(sdk, "cart_1")).resolves.toMatchObject({ status: "paid" })
  })

  it("reports a konbini order as awaiting payment, with the receipt from the payment session", async () => {
    const { sdk, retrieve } = fakeSdk(
      { type: "order", order: paidOrder(0) },
      cart("pending_authorization", {
        payment_type: "konbini",
        payment_details: { store: "lawson", receipt: "123-456", payment_deadline: "2026-11-26T14:59:59Z" },
      })
    )
    await expect(completeKomojuCheckout(sdk, "cart_1")).resolves.toEqual({
      status: "awaiting_payment",
      order: paidOrder(0),
      instructions: {
        paymentType: "konbini",
        store: "lawson",
        receipt: "123-456",
        paymentDeadline: "2026-11-26T14:59:59Z",
      },
    })
    expect(retrieve).toHaveBeenCalledWith("cart_1", expect.objectContaining({ fields: expect.stringContaining("payment_sessions") }))
  })

  it.each([
    ["canceled", "cancelled"],
    ["error", "failed"],
    ["pending", "pending"],
  ])("reports a %s KOMOJU session as %s when Medusa refuses to complete, keeping the cart", async (sessionStatus, status) => {
    const { sdk } = fakeSdk(httpError(400, "Session was not authorized with the provider."), cart(sessionStatus))
    await expect(completeKomojuCheckout(sdk, "cart_1")).resolves.toMatchObject({
      status,
      cart: { id: "cart_1" },
      message: "Session was not authorized with the provider.",
    })
  })

  it("asks again while the webhook is completing the same cart", async () => {
    const { sdk, completeCart } = fakeSdk({ type: "order", order: paidOrder(1700) })
    completeCart.mockRejectedValueOnce(httpError(409, "Cart is already being completed by another request"))
    await expect(completeKomojuCheckout(sdk, "cart_1", { pauseMs: 1 })).resolves.toMatchObject({ status: "paid" })
    expect(completeCart).toHaveBeenCalledTimes(2)
  })

  it("lets a network failure through instead of calling it a failed payment", async () => {
    const { sdk } = fakeSdk(new TypeError("fetch failed"), cart("error"))
    await expect(completeKomojuCheckout(sdk, "cart_1")).rejects.toThrow("fetch failed")
  })

  it("keeps Medusa's message when it answers with the cart", async () => {
    const { sdk } = fakeSdk({ type: "cart", cart: cart("error"), error: { message: "declined" } }, cart("error"))
    await expect(completeKomojuCheckout(sdk, "cart_1")).resolves.toMatchObject({ status: "failed", message: "declined" })
  })
})

describe("paymentInstructions", () => {
  it("reads a bank transfer's account and reference, with KOMOJU's field names", () => {
    expect(
      paymentInstructions({
        payment_type: "bank_transfer",
        payment_details: {
          bank_name: "サンドボックス銀行",
          account_branch_name: "本店営業部",
          account_type: "普通",
          account_number: "1234567",
          account_name: "コモジュ",
          order_id: "12345678",
          instructions_url: "https://komoju.test/instructions/pay_1",
          payment_deadline: "2026-12-15T14:59:59Z",
        },
      })
    ).toEqual({
      paymentType: "bank_transfer",
      bankTransfer: { bankName: "サンドボックス銀行", branchName: "本店営業部", accountType: "普通", accountNumber: "1234567", accountName: "コモジュ", reference: "12345678" },
      instructionsUrl: "https://komoju.test/instructions/pay_1",
      paymentDeadline: "2026-12-15T14:59:59Z",
    })
  })

  it("reads Pay-easy's numbers and payment page", () => {
    expect(
      paymentInstructions({
        payment_type: "pay_easy",
        payment_details: { bank_id: "58191", customer_id: "123456789012", confirmation_id: "12345678", payment_url: "https://komoju.test/pay_easy/pay_1" },
      })
    ).toEqual({
      paymentType: "pay_easy",
      payEasy: { billerNumber: "58191", customerNumber: "123456789012", confirmationNumber: "12345678" },
      paymentUrl: "https://komoju.test/pay_easy/pay_1",
    })
  })
})

