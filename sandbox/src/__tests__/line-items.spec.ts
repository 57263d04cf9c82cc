import { SESSION, sandboxFor, type TestSandbox } from "./helpers"

let sandbox: TestSandbox

beforeEach(async () => {
  sandbox = await sandboxFor()
})
afterEach(() => sandbox.close())

const TEA = { amount: 500, description: "Sencha 100 g", quantity: 2, image: "https://shop.example/tea.png", external_product_num: "SKU-TEA" }
const CUP = { amount: 200, description: "Cup" }
const ADDRESS = {
  name: "山田 太郎",
  street_address1: "六本木4-22-1",
  street_address2: "AXISビル 10F",
  city: "港区",
  state: "東京都",
  zipcode: "106-0032",
  country: "JP",
}

const createSession = (extra: Record<string, unknown>) => sandbox.call("POST", "/sessions", { ...SESSION, ...extra })

describe("line items", () => {
  it("are echoed on the session, quantity 1 when not given, other keys dropped", async () => {
    const { status, body } = await createSession({ line_items: [TEA, { ...CUP, colour: "blue" }] })
    expect(status).toBe(200)
    expect(body.line_items).toEqual([TEA, { ...CUP, quantity: 1 }])
    expect((await sandbox.call("GET", `/sessions/${body.id}`)).body.line_items).toEqual(body.line_items)
  })

  it("are absent from a session created without them, as in the SDK's Session model", async () => {
    const session = await sandbox.createSession()
    expect("line_items" in session).toBe(false)
  })

  it("come form-encoded as line_items[][…], as Rails reads them", async () => {
    const form = "amount=1200&currency=JPY&return_url=https%3A%2F%2Fshop.example%2Freturn" +
      "&line_items[][amount]=500&line_items[][description]=Sencha&line_items[][quantity]=2&line_items[][amount]=200&line_items[][description]=Cup"
    const { status, body } = await sandbox.call("POST", "/sessions", form)
    expect(status).toBe(200)
    expect(body.line_items).toEqual([{ amount: 500, description: "Sencha", quantity: 2 }, { amount: 200, description: "Cup", quantity: 1 }])
  })

  it("must add up to the session's amount in JPY (Σ amount × quantity), else 422 invalid_parameter line_items", async () => {
    expect((await createSession({ line_items: [TEA, CUP] })).status).toBe(200)
    expect(await createSession({ line_items: [TEA] })).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param: "line_items" } } })
    expect(await createSession({ line_items: [{ ...TEA, quantity: 3 }, CUP] })).toMatchObject({ status: 422, body: { error: { param: "line_items" } } })
  })

  it("must add up in USD cents too", async () => {
    const usd = { amount: 1234, currency: "USD", payment_types: ["credit_card"] }
    expect((await createSession({ ...usd, line_items: [{ amount: 617, description: "Sticker", quantity: 2 }] })).status).toBe(200)
    expect((await createSession({ ...usd, line_items: [{ amount: 1000, description: "Mug" }, { amount: 234, description: "Sticker" }] })).status).toBe(200)
    expect(await createSession({ ...usd, line_items: [{ amount: 12, description: "Mug (in dollars)" }] })).toMatchObject({ status: 422, body: { error: { param: "line_items" } } })
  })

  it("answers the sum mismatch 422 even under parameter_error_status 400 (well-formed, refused)", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { parameter_error_status: 400 })
    expect(await createSession({ line_items: [CUP] })).toMatchObject({ status: 422, body: { error: { param: "line_items" } } })
  })

  it("count an item without an amount as 0, and need not add up under line_items_total off", async () => {
    expect((await createSession({ line_items: [{ ...TEA, amount: 600 }, { description: "Free sample" }] })).status).toBe(200)
    await sandbox.call("PATCH", "/_sandbox/config", { line_items_total: "off" })
    const { status, body } = await createSession({ line_items: [CUP] })
    expect(status).toBe(200)
    expect(body.line_items).toEqual([{ ...CUP, quantity: 1 }])
  })

  it("refuses a bad line_items_total setting", async () => {
    expect(await sandbox.call("PATCH", "/_sandbox/config", { line_items_total: "loose" })).toMatchObject({ status: 400, body: { error: { param: "line_items_total" } } })
  })

  it.each([
    ["line_items", "tea"],
    ["line_items", { name: "tea" }],
    ["line_items[0]", ["tea"]],
    ["line_items[0][amount]", { ...CUP, amount: -1 }],
    ["line_items[0][amount]", { ...CUP, amount: 1.5 }],
    ["line_items[0][amount]", { ...CUP, amount: "lots" }],
    ["line_items[0][quantity]", { ...CUP, quantity: 0 }],
    ["line_items[0][quantity]", { ...CUP, quantity: "two" }],
    ["line_items[0][quantity]", { ...CUP, quantity: 1.5 }],
    ["line_items[0][image]", { ...CUP, image: "tea.png" }],
    ["line_items[0][image]", { ...CUP, image: "ftp://shop.example/tea.png" }],
    ["line_items[0][description]", { ...CUP, description: { ja: "カップ" } }],
    ["line_items[0][external_product_num]", { ...CUP, external_product_num: ["SKU"] }],
  ])("answers 422 invalid_parameter %s for %j", async (param, item) => {
    const lineItems = param === "line_items" ? item : [item]
    expect(await createSession({ line_items: lineItems })).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param } } })
  })

  it("names the item at fault by its index", async () => {
    expect(await createSession({ line_items: [CUP, { amount: 1000, quantity: -2 }] })).toMatchObject({ status: 422, body: { error: { param: "line_items[1][quantity]" } } })
  })

  it("accept zero-amount items and amounts as digit strings", async () => {
    const { status, body } = await createSession({ line_items: [{ amount: "1200", quantity: "1", description: "Set" }, { amount: 0, description: "Gift wrap" }] })
    expect(status).toBe(200)
    expect(body.line_items).toEqual([{ amount: 1200, quantity: 1, description: "Set" }, { amount: 0, quantity: 1, description: "Gift wrap" }])
  })
})

describe("names and addresses in payment_data", () => {
  it("are echoed on the session's payment_data, other keys dropped", async () => {
    const { status, body } = await createSession({
      payment_data: { name: "山田 太郎", name_kana: "ヤマダ タロウ", shipping_address: { ...ADDRESS, phone: "0312345678" }, billing_address: { city: "大阪市", zipcode: "530-0001" } },
    })
    expect(status).toBe(200)
    expect(body.payment_data).toEqual({
      external_order_num: null,
      capture: "auto",
      name: "山田 太郎",
      name_kana: "ヤマダ タロウ",
      shipping_address: ADDRESS,
      billing_address: { city: "大阪市", zipcode: "530-0001" },
    })
  })

  it("are not carried onto the payment (the SDK's Payment model has no address)", async () => {
    const payment = await sandbox.paidPayment("credit_card", {}, { payment_data: { name: "山田 太郎", shipping_address: ADDRESS } })
    expect(payment).not.toHaveProperty("shipping_address")
    expect(payment).not.toHaveProperty("billing_address")
    expect(payment).toMatchObject({ customer_family_name: null, customer_given_name: null })
  })

  it("come form-encoded as payment_data[shipping_address][city]", async () => {
    const form = "amount=1200&currency=JPY&return_url=https%3A%2F%2Fshop.example%2Freturn&payment_data[shipping_address][city]=%E6%B8%AF%E5%8C%BA&payment_data[shipping_address][zipcode]=106-0032"
    expect((await sandbox.call("POST", "/sessions", form)).body.payment_data.shipping_address).toEqual({ city: "港区", zipcode: "106-0032" })
  })

  it.each([
    ["payment_data[shipping_address]", { shipping_address: "港区六本木" }],
    ["payment_data[billing_address]", { billing_address: ["港区"] }],
    ["payment_data[shipping_address][city]", { shipping_address: { city: { ward: "港区" } } }],
    ["payment_data[billing_address][country]", { billing_address: { country: true } }],
    ["payment_data[name]", { name: { family: "山田" } }],
    ["payment_data[name_kana]", { name_kana: ["ヤマダ"] }],
  ])("answer 422 invalid_parameter %s", async (param, paymentData) => {
    expect(await createSession({ payment_data: paymentData })).toMatchObject({ status: 422, body: { error: { code: "invalid_parameter", param } } })
  })
})

describe("Paidy and the shipping address", () => {
  const methods = (session: any) => session.payment_methods.map((m: { type: string }) => m.type)

  it("refuses a session naming paidy without a shipping address: 422 missing_parameter payment_data[shipping_address]", async () => {
    expect(await createSession({ payment_types: ["credit_card", "paidy"] })).toMatchObject({
      status: 422,
      body: { error: { code: "missing_parameter", param: "payment_data[shipping_address]" } },
    })
    expect(await createSession({ payment_types: ["paidy"], payment_data: { shipping_address: {} } })).toMatchObject({ status: 422, body: { error: { code: "missing_parameter" } } })
  })

  it("offers paidy when named with a shipping address", async () => {
    const { status, body } = await createSession({ payment_types: ["paidy"], payment_data: { shipping_address: ADDRESS } })
    expect(status).toBe(200)
    expect(methods(body)).toEqual(["paidy"])
  })

  it("leaves paidy out of a session that does not name its types and has no shipping address", async () => {
    const without = (await createSession({})).body
    expect(methods(without)).not.toContain("paidy")
    expect(methods(without)).toContain("paypay")
    const withAddress = (await createSession({ payment_data: { shipping_address: ADDRESS } })).body
    expect(methods(withAddress)).toContain("paidy")
  })

  it("offers paidy like any method under paidy_requires_shipping_address false", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { paidy_requires_shipping_address: false })
    expect(methods((await createSession({})).body)).toContain("paidy")
    expect((await createSession({ payment_types: ["paidy"] })).status).toBe(200)
  })
})

describe("line items on the hosted page", () => {
  const page = async (extra: Record<string, unknown>, locale = "") => {
    const session = (await createSession({ payment_types: ["credit_card"], ...extra })).body
    return (await fetch(`${session.session_url}${locale ? `?locale=${locale}` : ""}`)).text()
  }

  it("lists each item above the methods: image, description × quantity, the line's amount in yen", async () => {
    const html = await page({ line_items: [TEA, CUP] })
    expect(html).toContain("ご注文内容")
    expect(html).toContain("Sencha 100 g × 2")
    expect(html).toContain("￥1,000")
    expect(html).toContain("Cup × 1")
    expect(html).toContain(`src="https://shop.example/tea.png"`)
    expect(html.indexOf('data-testid="line-items"')).toBeLessThan(html.indexOf('data-testid="method-credit_card"'))
  })

  it("speaks English and Korean, with dollar amounts from cents", async () => {
    const usd = { amount: 1234, currency: "USD", default_locale: "en", line_items: [{ amount: 617, description: "Sticker", quantity: 2 }] }
    const english = await page(usd)
    expect(english).toContain("Order summary")
    expect(english).toContain("Sticker × 2")
    expect(english).toContain("$12.34")
    const korean = await page({ line_items: [{ amount: 1200 }] }, "ko")
    expect(korean).toContain("주문 내역")
    expect(korean).toContain("상품 × 1")
  })

  it("escapes what the merchant wrote, and shows no list without line items", async () => {
    expect(await page({ line_items: [{ amount: 1200, description: "<b>Tea</b>" }] })).toContain("&lt;b&gt;Tea&lt;/b&gt; × 1")
    expect(await page({})).not.toContain('data-testid="line-items"')
  })
})
