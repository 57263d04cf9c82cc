import { buildSessionRequest, externalOrderNum, resolvePaymentTypes, withStoreSettings } from "../session-request"
import { resolveOptions } from "../options"

const options = resolveOptions({ secretKey: "sk_test_1", webhookSecret: "w" })

function build(overrides: Partial<Parameters<typeof buildSessionRequest>[0]> = {}) {
  return buildSessionRequest({
    amount: 1200,
    currency: "JPY",
    data: { cart_id: "cart_01ABC", return_url: "https://shop.test/komoju/return" },
    medusaPaymentSessionId: "payses_01JXYZ0000000000ABCD1234",
    revision: 0,
    options,
    ...overrides,
  })
}

describe("buildSessionRequest", () => {
  it("sends the cart as external_order_num with a per-attempt suffix and Medusa ids as metadata", () => {
    expect(build()).toEqual({
      amount: 1200,
      currency: "JPY",
      return_url: "https://shop.test/komoju/return",
      default_locale: "ja",
      payment_data: { external_order_num: "cart_01ABC-abcd1234", capture: "auto" },
      metadata: {
        medusa_payment_session_id: "payses_01JXYZ0000000000ABCD1234",
        medusa_cart_id: "cart_01ABC",
      },
    })
  })

  it("uses the storefront's locale, e-mail and payment types", () => {
    const request = build({
      data: {
        cart_id: "cart_1",
        return_url: "https://shop.test/r",
        locale: "en-US",
        email: "buyer@example.com",
        payment_types: ["konbini", "credit_card"],
      },
    })
    expect(request).toMatchObject({
      default_locale: "en",
      email: "buyer@example.com",
      payment_types: ["konbini", "credit_card"],
    })
  })

  it("falls back to the customer's e-mail and name from Medusa's context", () => {
    const request = build({
      context: {
        customer: { id: "cus_1", email: "taro@example.jp", first_name: "太郎", last_name: "山田" },
      },
    })
    expect(request.email).toBe("taro@example.jp")
    expect(request.payment_data.name).toBe("山田 太郎")
  })

  it("falls back to the configured return URL, locale, capture mode and expiry", () => {
    const request = build({
      data: { cart_id: "cart_1" },
      options: resolveOptions({
        secretKey: "sk_test_1",
        webhookSecret: "w",
        returnUrl: "https://shop.test/default-return",
        defaultLocale: "ko",
        captureMode: "manual",
        sessionExpiresInSeconds: 3600,
        paymentTypes: ["credit_card"],
      }),
    })
    expect(request).toMatchObject({
      return_url: "https://shop.test/default-return?cart_id=cart_1",
      default_locale: "ko",
      expires_in_seconds: 3600,
      payment_types: ["credit_card"],
      payment_data: { capture: "manual" },
    })
  })

  it("adds the cart id to the configured return URL, keeping its own query and any cart_id it names", () => {
    const withOption = (returnUrl: string, data: Record<string, unknown> = { cart_id: "cart_01ABC" }) =>
      build({ data, options: resolveOptions({ secretKey: "sk_test_1", webhookSecret: "w", returnUrl }) }).return_url
    expect(withOption("https://shop.test/api/komoju/return")).toBe("https://shop.test/api/komoju/return?cart_id=cart_01ABC")
    expect(withOption("https://shop.test/return?lang=ja#top")).toBe("https://shop.test/return?lang=ja&cart_id=cart_01ABC#top")
    expect(withOption("https://shop.test/return?cart_id=fixed")).toBe("https://shop.test/return?cart_id=fixed")
    // Without a cart (a payment collection of no cart), the option is used as it is.
    expect(withOption("https://shop.test/return", {})).toBe("https://shop.test/return")
  })

  it("keeps the storefront's own return URL exactly as sent, even with the option set", () => {
    const request = build({
      data: { cart_id: "cart_01ABC", return_url: "https://shop.test/mine?x=1" },
      options: resolveOptions({ secretKey: "sk_test_1", webhookSecret: "w", returnUrl: "https://shop.test/option" }),
    })
    expect(request.return_url).toBe("https://shop.test/mine?x=1")
  })

  it("ignores a locale KOMOJU does not have", () => {
    expect(build({ data: { cart_id: "c", return_url: "https://s.test", locale: "fr" } }).default_locale).toBe("ja")
  })

  it("refuses to start without any return URL", () => {
    expect(() => build({ data: { cart_id: "cart_1" } })).toThrow("KOMOJU needs a return_url")
  })

  it("refuses a return URL that is not http(s)", () => {
    expect(() => build({ data: { return_url: "javascript:alert(1)" } })).toThrow(
      "return_url must be an http(s) URL"
    )
  })
})

describe("externalOrderNum", () => {
  it("gives a replaced session a different number than the first", () => {
    const first = externalOrderNum("cart_1", "payses_01JXYZ0000000000ABCD1234", 0)
    const second = externalOrderNum("cart_1", "payses_01JXYZ0000000000ABCD1234", 1)
    expect(first).toBe("cart_1-abcd1234")
    expect(second).toBe("cart_1-abcd1234-r1")
  })

  it("gives two payment sessions of one cart different numbers", () => {
    expect(externalOrderNum("cart_1", "payses_01A00000000000000000000001", 0)).not.toBe(
      externalOrderNum("cart_1", "payses_01A00000000000000000000002", 0)
    )
  })
})

describe("resolvePaymentTypes", () => {
  it("lets the storefront narrow the configured types", () => {
    expect(resolvePaymentTypes(["konbini"], ["credit_card", "konbini"])).toEqual(["konbini"])
  })

  it("never lets the storefront widen them", () => {
    expect(resolvePaymentTypes(["credit_card", "paypay"], ["credit_card"])).toEqual(["credit_card"])
    expect(() => resolvePaymentTypes(["paypay"], ["credit_card"])).toThrow(
      "None of the requested payment types (paypay) is offered"
    )
  })

  it("passes the storefront's list when nothing is configured", () => {
    expect(resolvePaymentTypes(["paypay"], undefined)).toEqual(["paypay"])
  })

  it("refuses a list that is not a list of names", () => {
    expect(() => resolvePaymentTypes("konbini", undefined)).toThrow("data.payment_types must be a list")
  })
})

describe("withStoreSettings", () => {
  it("lets the admin's settings override the provider options", () => {
    const request = build({
      data: {
        cart_id: "cart_1",
        return_url: "https://shop.test/r",
        komoju_store_settings: {
          payment_types: ["konbini"],
          default_locale: "en",
          capture_mode: "manual",
          session_expires_in_seconds: 600,
        },
      },
    })
    expect(request).toMatchObject({
      payment_types: ["konbini"],
      default_locale: "en",
      expires_in_seconds: 600,
      payment_data: { capture: "manual" },
    })
  })

  it("still lets the storefront narrow the admin's payment types, not widen them", () => {
    const request = build({
      data: {
        return_url: "https://shop.test/r",
        payment_types: ["konbini", "paypay"],
        komoju_store_settings: { payment_types: ["credit_card", "konbini"] },
      },
    })
    expect(request.payment_types).toEqual(["konbini"])
  })

  it("ignores settings KOMOJU would not accept", () => {
    const resolved = withStoreSettings(options, {
      payment_types: [],
      default_locale: "fr",
      capture_mode: "later",
      session_expires_in_seconds: 999999,
    })
    expect(resolved).toEqual(options)
  })
})

describe("buildSessionRequest with the cart's details", () => {
  const details = {
    email: "taro@example.jp",
    name: "山田 太郎",
    nameKana: "ヤマダ タロウ",
    shippingAddress: { name: "山田 太郎", street_address1: "千代田1-1", city: "千代田区", zipcode: "100-0001", country: "JP" },
    billingAddress: { name: "山田 太郎", street_address1: "千代田1-1", city: "千代田区", zipcode: "100-0001", country: "JP" },
    lines: [
      { description: "Matcha", quantity: 2, total: 1100 },
      { description: "Shipping", quantity: 1, total: 100 },
    ],
  }

  it("sends line items that add up, both addresses, the name and its katakana reading", () => {
    const request = build({ details })
    expect(request.email).toBe("taro@example.jp")
    expect(request.line_items).toEqual([
      { description: "Matcha", quantity: 2, amount: 550 },
      { description: "Shipping", quantity: 1, amount: 100 },
    ])
    expect(request.payment_data).toMatchObject({
      name: "山田 太郎",
      name_kana: "ヤマダ タロウ",
      shipping_address: details.shippingAddress,
      billing_address: details.billingAddress,
    })
  })

  it("sends no line items when they do not add up to the amount", () => {
    expect(build({ amount: 1300, details }).line_items).toBeUndefined()
  })

  it("prefers the storefront's e-mail and the address's name over the customer's", () => {
    const request = build({
      data: { cart_id: "cart_1", return_url: "https://shop.test/r", email: "typed@example.jp" },
      details,
      context: { customer: { id: "cus_1", email: "account@example.jp", first_name: "花子", last_name: "佐藤" } },
    })
    expect(request.email).toBe("typed@example.jp")
    expect(request.payment_data.name).toBe("山田 太郎")
  })

  it("offers Paidy only to a cart with a shipping address", () => {
    const types = { ...options, paymentTypes: ["credit_card", "paidy"] }
    expect(build({ options: types, details }).payment_types).toEqual(["credit_card", "paidy"])
    const noAddress = { ...details, shippingAddress: undefined }
    expect(build({ options: types, details: noAddress }).payment_types).toEqual(["credit_card"])
    expect(() => build({ options: { ...options, paymentTypes: ["paidy"] }, details: noAddress })).toThrow(
      "paidy needs a shipping address: add one to the cart before paying"
    )
    // Without the cart's details (a session made outside the store route), KOMOJU decides.
    expect(build({ options: types }).payment_types).toEqual(["credit_card", "paidy"])
  })
})

describe("customer payments (saved methods)", () => {
  const base = { amount: 1200, currency: "JPY", data: { return_url: "https://shop.test/r", cart_id: "cart_1" }, medusaPaymentSessionId: "payses_01ABCDEFGH", revision: 0 }

  it("one-click names the saved KOMOJU customer, its one-click id and its payment type only", () => {
    const request = buildSessionRequest({
      ...base,
      options: resolveOptions({ secretKey: "sk_test_x", webhookSecret: "w", paymentTypes: ["credit_card", "konbini", "paypay"] }),
      details: { customerPayment: { customerId: "cus_1", externalCustomerId: "medusa_e1", komojuCustomerId: "kcus1", paymentType: "paypay" } },
    })
    expect(request).toMatchObject({ mode: "customer_payment", customer_id: "kcus1", external_customer_id: "medusa_e1", payment_types: ["paypay"] })
    expect(request.metadata).toMatchObject({ medusa_cart_id: "cart_1", medusa_customer_id: "cus_1" })
  })

  it("refuses a saved method's type the checkout no longer offers, and a save where nothing can be saved", () => {
    const options = resolveOptions({ secretKey: "sk_test_x", webhookSecret: "w", paymentTypes: ["credit_card", "konbini"] })
    expect(() =>
      buildSessionRequest({ ...base, options, details: { customerPayment: { customerId: "c", externalCustomerId: "e", komojuCustomerId: "k", paymentType: "paypay" } } })
    ).toThrow(/does not offer paypay/)
    const cashOnly = resolveOptions({ secretKey: "sk_test_x", webhookSecret: "w", paymentTypes: ["konbini"] })
    expect(() => buildSessionRequest({ ...base, options: cashOnly, details: { customerPayment: { customerId: "c", externalCustomerId: "e" } } })).toThrow(
      /can save only credit_card and paypay/
    )
  })
})
