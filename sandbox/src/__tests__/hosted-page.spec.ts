import type { Browser, Page } from "playwright-core"
import { launchBrowser, screenshot } from "./browser"
import { SESSION, sandboxFor, type TestSandbox } from "./helpers"

jest.setTimeout(60_000)

let sandbox: TestSandbox
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

beforeEach(async () => {
  sandbox = await sandboxFor()
  page = await browser.newPage({ viewport: { width: 800, height: 900 } })
})
afterEach(async () => {
  await page.close()
  await sandbox.close()
})

let orders = 0

/** A session whose return_url is a page the browser can reach (the sandbox's health check). */
async function openSession(extra: Record<string, unknown> = {}, query = "") {
  const session = await sandbox.createSession({
    ...SESSION,
    return_url: `${sandbox.url}/_sandbox/health?from=shop`,
    payment_types: ["credit_card", "konbini", "bank_transfer", "paypay"],
    payment_data: { external_order_num: `order-${++orders}` },
    ...extra,
  })
  await page.goto(`${session.session_url}${query}`)
  return session
}

async function payByCard(number: string, expiry = "12/39") {
  await page.getByTestId("card-number").fill(number)
  await page.getByTestId("card-expiry").fill(expiry)
  await page.getByTestId("card-cvc").fill("123")
  await page.getByTestId("pay-credit_card").click()
}

const backAtShop = (sessionId: string) => page.waitForURL((url) => url.searchParams.get("from") === "shop" && url.searchParams.get("session_id") === sessionId)
const sessionNow = async (id: string) => (await sandbox.call("GET", `/sessions/${id}`)).body

describe("card", () => {
  it("takes test card 4111 1111 1111 1111 and returns to the merchant with the session id, payment captured", async () => {
    const session = await openSession({ default_locale: "en" })
    await screenshot(page, "checkout-en")
    await payByCard("4111 1111 1111 1111")
    await backAtShop(session.id)
    expect(await sessionNow(session.id)).toMatchObject({ status: "completed", payment: { status: "captured", payment_details: { brand: "visa", last_four_digits: "1111", month: 12, year: 2039 } } })
  })

  it("shows a declined card's error and lets the customer pay with another card", async () => {
    const session = await openSession()
    await payByCard("4123 1111 1111 1000")
    await expect(page.getByTestId("payment-error").textContent()).resolves.toContain("残高不足")
    await screenshot(page, "card-declined-ja")
    expect(await sessionNow(session.id)).toMatchObject({ status: "pending", payment: { status: "pending" } })
    await payByCard("4111111111111111")
    await backAtShop(session.id)
    expect((await sessionNow(session.id)).payment.status).toBe("captured")
  })

  it("says why a 3-D Secure card was declined; going back then leaves the session cancelled with the pending payment", async () => {
    const session = await openSession({ default_locale: "en" })
    await payByCard("4100 0000 0050 0000")
    await expect(page.getByTestId("payment-error").textContent()).resolves.toBe("The 3-D Secure check failed. Please try another card.")
    await page.getByTestId("back-to-merchant").click()
    await backAtShop(session.id)
    expect(await sessionNow(session.id)).toMatchObject({ status: "cancelled", payment: { status: "pending" } })
  })

  it("names the wrong field for a number that is not a card number, and keeps what was typed", async () => {
    await openSession({ default_locale: "en" })
    await payByCard("4111 1111 1111 1112")
    await expect(page.getByTestId("payment-error").textContent()).resolves.toBe("The card number is not valid.")
    await expect(page.getByTestId("card-number").getAttribute("aria-invalid")).resolves.toBe("true")
    await expect(page.getByTestId("card-expiry").inputValue()).resolves.toBe("12/39")
  })

  it("refuses an expiry date in the past", async () => {
    await openSession({ default_locale: "en" })
    await payByCard("4111111111111111", "01/20")
    await expect(page.getByTestId("payment-error").textContent()).resolves.toBe("The expiry date is not valid or has passed.")
  })

  it("holds the card payment as authorized when the session asks for manual capture", async () => {
    const session = await openSession({ payment_data: { capture: "manual" } })
    await payByCard("4111111111111111")
    await backAtShop(session.id)
    expect((await sessionNow(session.id)).payment.status).toBe("authorized")
  })
})

describe("cash and wallets", () => {
  it("gives a konbini receipt number, confirmation code and deadline, and a way back to the merchant", async () => {
    const session = await openSession()
    await page.getByLabel("お支払いするコンビニ").selectOption({ label: "ローソン" })
    await page.getByTestId("konbini-email").fill("buyer@example.jp")
    await page.getByTestId("pay-konbini").click()
    await expect(page.getByTestId("awaiting-title").textContent()).resolves.toBe("お支払いをお待ちしています")
    await expect(page.getByTestId("store").textContent()).resolves.toBe("ローソン")
    await expect(page.getByTestId("receipt").textContent()).resolves.toMatch(/^\d{13}$/)
    await expect(page.getByTestId("confirmation-code").textContent()).resolves.toMatch(/^\d{6}$/)
    await expect(page.getByTestId("deadline").textContent()).resolves.toMatch(/23:59 \(JST\)$/)
    await screenshot(page, "konbini-awaiting-ja")
    const payment = (await sessionNow(session.id)).payment
    expect(payment).toMatchObject({ status: "authorized", payment_details: { type: "konbini", store: "lawson", email: "buyer@example.jp" } })
    await expect(page.getByTestId("receipt").textContent()).resolves.toBe(payment.payment_details.receipt)
    await page.getByTestId("return-to-shop").click()
    await backAtShop(session.id)
  })

  it("shows what a method with a customer fee charges", async () => {
    await sandbox.configure({ payment_method_fees: { konbini: 190 } })
    await openSession({ default_locale: "en", amount: 1000 })
    await expect(page.getByTestId("charge-konbini").textContent()).resolves.toBe("¥1,190")
    await expect(page.getByTestId("charge-credit_card").count()).resolves.toBe(0)
  })

  it("shows the account to pay into for a bank transfer, branch included", async () => {
    const session = await openSession({ email: "buyer@example.jp", default_locale: "en" })
    await page.getByTestId("pay-bank_transfer").click()
    await expect(page.getByTestId("awaiting-title").textContent()).resolves.toBe("Awaiting your payment")
    const payment = (await sessionNow(session.id)).payment
    await expect(page.getByTestId("account-number").textContent()).resolves.toContain(payment.payment_details.account_number)
    const { bank_name, account_branch_name } = payment.payment_details
    await expect(page.getByTestId("bank-name").textContent()).resolves.toBe(`${bank_name} ${account_branch_name}`)
  })

  it("gives Pay-easy's numbers and its online-banking link, which pays it", async () => {
    const session = await openSession({ email: "buyer@example.jp", default_locale: "en", payment_types: ["pay_easy"] })
    await page.getByTestId("pay-pay_easy").click()
    const payment = (await sessionNow(session.id)).payment
    await expect(page.getByTestId("customer-number").textContent()).resolves.toBe(payment.payment_details.customer_id)
    await page.getByTestId("pay-easy-online").click()
    await page.getByTestId("pay-easy-online-pay").click()
    await expect(page.getByTestId("pay-easy-online-status").textContent()).resolves.toBe("The payment is complete.")
    expect(sandbox.payment(payment.id)!.status).toBe("captured")
  })

  it("asks to confirm a PayPay payment in the app, then returns to the merchant with it captured", async () => {
    const session = await openSession({ default_locale: "ko" })
    await page.getByTestId("pay-paypay").click()
    await expect(page.getByTestId("wallet-title").textContent()).resolves.toBe("PayPay: 앱에서 승인해 주세요")
    await screenshot(page, "paypay-confirm-ko")
    await page.getByTestId("wallet-approve").click()
    await backAtShop(session.id)
    expect((await sessionNow(session.id)).payment).toMatchObject({ status: "captured", payment_details: { type: "paypay" } })
  })
})

describe("leaving and closed sessions", () => {
  it("cancels the session when the customer goes back to the merchant", async () => {
    const session = await openSession()
    await page.getByRole("button", { name: "マーチャントに戻る (キャンセル)" }).click()
    await backAtShop(session.id)
    expect(await sessionNow(session.id)).toMatchObject({ status: "cancelled", payment: null })
  })

  it("shows a closed page for a session already paid", async () => {
    const session = await openSession({ default_locale: "en" })
    await payByCard("4111111111111111")
    await backAtShop(session.id)
    await page.goto(session.session_url)
    await expect(page.getByTestId("closed-reason").textContent()).resolves.toBe("The payment is complete.")
  })

  it("shows an expired page once the session's time has run out", async () => {
    const session = await sandbox.createSession({ expires_in_seconds: 60, default_locale: "en" })
    await sandbox.call("POST", "/_sandbox/clock/advance", { seconds: 120 })
    await page.goto(session.session_url)
    await expect(page.getByTestId("closed-reason").textContent()).resolves.toBe("The time to pay has run out.")
    await screenshot(page, "expired-en")
  })

  it("shows a not-found page for an unknown session", async () => {
    const response = await page.goto(`${sandbox.url}/sessions/nosuchsession000000000000`)
    expect(response!.status()).toBe(404)
    await expect(page.getByTestId("not-found").textContent()).resolves.toBe("ページが見つかりません")
  })
})

describe("languages and amounts", () => {
  it("speaks Japanese by default, with the amount in yen", async () => {
    await openSession({ amount: 8888 })
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("お支払い方法を選択してください")
    await expect(page.getByTestId("amount").textContent()).resolves.toBe("￥8,888")
    await expect(page.getByRole("group", { name: "コンビニ払い" }).isVisible()).resolves.toBe(true)
    await screenshot(page, "checkout-ja")
  })

  it("speaks English for default_locale en, with a dollar amount in cents", async () => {
    await openSession({ default_locale: "en", amount: 1234, currency: "USD", payment_types: ["credit_card"] })
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Choose how to pay")
    await expect(page.getByTestId("amount").textContent()).resolves.toBe("$12.34")
  })

  it("speaks Korean for ?locale=ko, and switches language from the page's links", async () => {
    await openSession({}, "?locale=ko")
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("결제 방법을 선택하세요")
    await screenshot(page, "checkout-ko")
    await page.getByTestId("locale-en").click()
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Choose how to pay")
  })
})

describe("line items", () => {
  it("lists the session's line items above the methods, in the page's language", async () => {
    const image = `${sandbox.url}/_sandbox/health?image=tea`
    await openSession({
      line_items: [
        { amount: 500, description: "煎茶 100g", quantity: 2, image },
        { amount: 200, description: "湯呑み" },
      ],
    })
    const items = page.getByTestId("line-item")
    await expect(items.count()).resolves.toBe(2)
    await expect(items.nth(0).getByTestId("line-item-description").textContent()).resolves.toBe("煎茶 100g × 2")
    await expect(items.nth(0).getByTestId("line-item-amount").textContent()).resolves.toBe("￥1,000")
    await expect(items.nth(0).getByTestId("line-item-image").getAttribute("src")).resolves.toBe(image)
    await expect(items.nth(1).getByTestId("line-item-description").textContent()).resolves.toBe("湯呑み × 1")
    const listTop = (await page.getByTestId("line-items").boundingBox())!.y
    const methodsTop = (await page.getByTestId("method-credit_card").boundingBox())!.y
    expect(listTop).toBeLessThan(methodsTop)
    await screenshot(page, "checkout-line-items-ja")
    await page.getByTestId("locale-en").click()
    await expect(page.getByRole("region", { name: "Order summary" }).isVisible()).resolves.toBe(true)
  })
})

describe("instructions and dashboard pages", () => {
  it("shows how to pay a konbini payment at its instructions_url", async () => {
    const payment = await sandbox.paidPayment("konbini", { store: "seven-eleven" })
    await page.goto(payment.payment_details.instructions_url)
    await expect(page.getByTestId("receipt").textContent()).resolves.toBe(payment.payment_details.receipt)
    await expect(page.getByTestId("store").textContent()).resolves.toBe("セブン-イレブン")
  })

  it("refunds part of a payment from the dashboard page", async () => {
    const payment = await sandbox.paidPayment()
    await page.goto(`${sandbox.url}/admin/payments/${payment.id}`)
    await page.getByTestId("dashboard-refund-amount").fill("200")
    await page.getByTestId("dashboard-refund").click()
    await expect(page.getByTestId("dashboard-status").textContent()).resolves.toBe("captured")
    expect(sandbox.payment(payment.id)).toMatchObject({ amount_refunded: 200, refunds: [{ amount: 200 }] })
  })

  it("marks a waiting konbini payment paid from the dashboard page", async () => {
    const payment = await sandbox.paidPayment("konbini")
    await page.goto(`${sandbox.url}/admin/payments/${payment.id}`)
    await page.getByTestId("dashboard-pay").click()
    await expect(page.getByTestId("dashboard-status").textContent()).resolves.toBe("captured")
  })
})
