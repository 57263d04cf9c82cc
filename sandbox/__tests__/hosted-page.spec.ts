import type { Browser, Page } from "playwright-core"
import { launchBrowser, screenshot } from "../../integration-tests/helpers/browser"
import { SESSION, sandboxFor } from "./helpers"

jest.setTimeout(60_000)

type S = Awaited<ReturnType<typeof sandboxFor>>
let sandbox: S
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

beforeEach(async () => {
  sandbox = await sandboxFor()
  page = await browser.newPage()
})
afterEach(async () => {
  await page.close()
  await sandbox.close()
})

async function openSession(extra: Record<string, unknown> = {}) {
  const { body } = await sandbox.call("POST", "/sessions", {
    ...SESSION,
    return_url: `${sandbox.url}/_sandbox/health?from=komoju`,
    payment_types: ["credit_card", "konbini", "paypay"],
    ...extra,
  })
  await page.goto(body.session_url)
  return body
}

async function payByCard(number: string) {
  await page.getByTestId("card-number").fill(number)
  await page.getByTestId("card-expiry").fill("12/30")
  await page.getByTestId("card-cvc").fill("123")
  await page.getByTestId("pay-credit_card").click()
}

it("takes a test card and returns to the merchant with the session id, payment captured", async () => {
  const session = await openSession({ default_locale: "en" })
  await screenshot(page, "sandbox", "hosted-page-en")
  await payByCard("4111 1111 1111 1111")
  await page.waitForURL(/from=komoju/)
  expect(new URL(page.url()).searchParams.get("session_id")).toBe(session.id)
  const { body } = await sandbox.call("GET", `/sessions/${session.id}`)
  expect(body).toMatchObject({ status: "completed", payment: { status: "captured", payment_details: { last_four_digits: "1111" } } })
})

it("shows a declined card and lets the customer retry with another", async () => {
  const session = await openSession()
  await payByCard("4123111111111000")
  await expect(page.getByTestId("payment-error").textContent()).resolves.toContain("残高不足")
  await screenshot(page, "sandbox", "declined-ja")
  expect((await sandbox.call("GET", `/sessions/${session.id}`)).body).toMatchObject({ status: "pending", payment: { status: "failed" } })
  await payByCard("4111111111111111")
  await page.waitForURL(/from=komoju/)
  expect((await sandbox.call("GET", `/sessions/${session.id}`)).body.payment.status).toBe("captured")
})

it("refuses a card number that is not one", async () => {
  await openSession({ default_locale: "en" })
  await payByCard("1234")
  await expect(page.getByTestId("payment-error").textContent()).resolves.toContain("not valid")
})

it("gives a konbini receipt with its deadline, and a way back to the shop", async () => {
  const session = await openSession()
  await page.getByTestId("konbini-store").selectOption("lawson")
  await page.getByTestId("konbini-email").fill("buyer@example.jp")
  await page.getByTestId("pay-konbini").click()
  await expect(page.getByTestId("awaiting-title").textContent()).resolves.toBe("お支払いをお待ちしています")
  await expect(page.getByTestId("receipt").textContent()).resolves.toMatch(/^\d{13}$/)
  await screenshot(page, "sandbox", "konbini-awaiting-ja")
  await page.getByTestId("return-to-shop").click()
  await page.waitForURL(/from=komoju/)
  expect((await sandbox.call("GET", `/sessions/${session.id}`)).body.payment).toMatchObject({
    status: "authorized",
    payment_details: { type: "konbini", store: "lawson" },
  })
})

it("asks to confirm a PayPay payment in the app, then captures it", async () => {
  const session = await openSession({ default_locale: "ko" })
  await page.getByTestId("pay-paypay").click()
  await expect(page.getByTestId("wallet-approve").textContent()).resolves.toBe("승인")
  await page.getByTestId("wallet-approve").click()
  await page.waitForURL(/from=komoju/)
  expect((await sandbox.call("GET", `/sessions/${session.id}`)).body.payment.status).toBe("captured")
})

it("cancels the session when the customer goes back to the merchant", async () => {
  const session = await openSession()
  await page.getByTestId("back-to-merchant").click()
  await page.waitForURL(/from=komoju/)
  expect((await sandbox.call("GET", `/sessions/${session.id}`)).body).toMatchObject({ status: "cancelled", payment: null })
})

it("holds a card payment as authorized in manual capture", async () => {
  const session = await openSession({ payment_data: { capture: "manual" } })
  await payByCard("4111111111111111")
  await page.waitForURL(/from=komoju/)
  expect((await sandbox.call("GET", `/sessions/${session.id}`)).body.payment.status).toBe("authorized")
})

it("shows a closed page for a session already paid", async () => {
  const session = await openSession({ default_locale: "en" })
  await payByCard("4111111111111111")
  await page.waitForURL(/from=komoju/)
  await page.goto(session.session_url)
  await expect(page.getByTestId("closed-reason").textContent()).resolves.toBe("The payment is complete.")
})
