import type { Browser, Page } from "playwright-core"
import { TEST_CARDS } from "../index"
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

/** A session whose return_url is a page the browser can reach (the sandbox's health check). */
async function openSession(extra: Record<string, unknown> = {}, query = "") {
  const session = await sandbox.createSession({ ...SESSION, return_url: `${sandbox.url}/_sandbox/health?from=shop`, payment_types: ["credit_card", "paypay"], ...extra })
  await page.goto(`${session.session_url}${query}`)
  return session
}

const backAtShop = (sessionId: string) => page.waitForURL((url) => url.searchParams.get("from") === "shop" && url.searchParams.get("session_id") === sessionId)
const sessionNow = async (id: string) => (await sandbox.call("GET", `/sessions/${id}`)).body

async function payByCard(number: string) {
  await page.getByTestId("card-number").fill(number)
  await page.getByTestId("card-expiry").fill("08/39")
  await page.getByTestId("card-cvc").fill("123")
  await page.getByTestId("pay-credit_card").click()
}

describe("one-click", () => {
  it("remembers the card typed once and offers it preselected next time: one click pays", async () => {
    const first = await openSession({ external_customer_id: "shopper-1", default_locale: "en" })
    await expect(page.getByTestId("save-payment-method-credit_card").isChecked()).resolves.toBe(true)
    await payByCard("4242 4242 4242 4242")
    await backAtShop(first.id)

    const second = await openSession({ external_customer_id: "shopper-1", default_locale: "en" })
    await expect(page.getByTestId("saved-method").textContent()).resolves.toBe("Visa •••• 4242")
    await expect(page.getByTestId("saved-method-radio").isChecked()).resolves.toBe(true)
    await expect(page.getByTestId("pay-saved").textContent()).resolves.toBe("Pay with Visa •••• 4242")
    await screenshot(page, "one-click-en")
    await page.goto(`${second.session_url}?locale=ja`)
    await expect(page.getByTestId("method-saved").textContent()).resolves.toContain("保存済みのカード")
    await screenshot(page, "one-click-ja")
    await page.getByTestId("pay-saved").click()
    await backAtShop(second.id)
    expect(await sessionNow(second.id)).toMatchObject({ status: "completed", payment: { status: "captured", payment_details: { last_four_digits: "4242", month: 8, year: 2039 } } })
  })

  it("does not remember a card when the shopper unticks the box, and offers nothing after DELETE /external_customers", async () => {
    const first = await openSession({ external_customer_id: "shopper-2" })
    await page.getByTestId("save-payment-method-credit_card").uncheck()
    await payByCard("4111 1111 1111 1111")
    await backAtShop(first.id)
    await openSession({ external_customer_id: "shopper-2" })
    await expect(page.getByTestId("method-saved").count()).resolves.toBe(0)

    await sandbox.paidPayment("credit_card", {}, { external_customer_id: "shopper-2" })
    await openSession({ external_customer_id: "shopper-2" })
    await expect(page.getByTestId("method-saved").count()).resolves.toBe(1)
    await sandbox.call("DELETE", "/external_customers/shopper-2")
    await page.reload()
    await expect(page.getByTestId("method-saved").count()).resolves.toBe(0)
  })

  it("customer mode: saves the card without charging, then the customer can be charged", async () => {
    const session = await openSession({ mode: "customer", external_customer_id: "shopper-3", default_locale: "en" })
    await expect(page.getByTestId("save-intro").isVisible()).resolves.toBe(true)
    await screenshot(page, "customer-mode-en")
    await payByCard("4242 4242 4242 4242")
    await backAtShop(session.id)
    const saved = (await sandbox.call("GET", `/customers/${session.customer_id}`)).body
    expect(saved.source).toMatchObject({ brand: "visa", last_four_digits: "4242" })
    expect((await sandbox.call("POST", "/payments", { amount: 500, currency: "JPY", customer: session.customer_id })).body.status).toBe("captured")
  })
})

describe("3-D Secure step of a secure token", () => {
  async function tokenFor(locale: string) {
    const customer = (await sandbox.call("POST", "/customers", { payment_details: { type: "credit_card", number: TEST_CARDS.threeDSecureChallengeSuccess, month: 8, year: 2039 } })).body
    const token = (await sandbox.call("POST", "/secure_tokens", { amount: 1200, currency: "JPY", customer: customer.id, return_url: `${sandbox.url}/_sandbox/health?from=3ds` })).body
    await page.goto(`${token.authentication_url}&locale=${locale}`)
    return token
  }

  it("passes: back at return_url with secure_token_id, the token OK and payable", async () => {
    const token = await tokenFor("ja")
    await expect(page.getByTestId("three-ds-title").textContent()).resolves.toBe("3Dセキュア認証")
    await expect(page.getByTestId("three-ds-card").textContent()).resolves.toBe("•••• 5000")
    await screenshot(page, "three-d-secure-ja")
    await page.getByTestId("three-ds-pass").click()
    await page.waitForURL((url) => url.searchParams.get("from") === "3ds" && url.searchParams.get("secure_token_id") === token.id)
    expect((await sandbox.call("GET", `/secure_tokens/${token.id}`)).body.verification_status).toBe("OK")
    expect((await sandbox.call("POST", "/payments", { amount: 1200, currency: "JPY", payment_details: token.id })).body.status).toBe("captured")
  })

  it("fails: ERRORED, and the page then says the step is over", async () => {
    const token = await tokenFor("en")
    await page.getByTestId("three-ds-fail").click()
    await page.waitForURL((url) => url.searchParams.get("secure_token_id") === token.id)
    expect((await sandbox.call("GET", `/secure_tokens/${token.id}`)).body.verification_status).toBe("ERRORED")
    await page.goto(token.authentication_url)
    await expect(page.getByTestId("three-ds-done").isVisible()).resolves.toBe(true)
  })
})
