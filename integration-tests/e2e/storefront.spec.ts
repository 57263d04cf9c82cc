import type { Browser, Page } from "playwright-core"
import { join } from "node:path"
import type { Sandbox } from "../../sandbox/src"
import { launchBrowser, screenshot } from "../helpers/browser"
import { startProcess, type RunningProcess } from "../helpers/medusa-server"
import { freePort, startMedusaStack, type MedusaStack } from "../helpers/medusa-stack"

jest.setTimeout(300_000)

/**
 * A shopper in a real browser: the demo storefront, KOMOJU's hosted page (the sandbox),
 * back to the storefront's confirmation page, against a real Medusa server.
 */
describe("storefront checkout in the browser", () => {
  let sandbox: Sandbox
  let medusa: MedusaStack
  let storefront: RunningProcess
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    const storefrontPort = await freePort()
    medusa = await startMedusaStack({ name: "e2e-storefront", storefrontPort })
    sandbox = medusa.sandbox
    storefront = await startProcess(
      [join(__dirname, "../../examples/storefront/server.mjs")],
      {
        ...process.env,
        PORT: String(storefrontPort),
        MEDUSA_BACKEND_URL: medusa.url,
        MEDUSA_PUBLISHABLE_KEY: medusa.store.publishableKey,
      },
      `http://localhost:${storefrontPort}`,
      "/"
    )
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await storefront?.close()
    await medusa?.close()
  })

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  })

  afterEach(async () => {
    await page?.close()
    await sandbox.webhooksIdle()
  })

  async function buyAndGoToKomoju(handle: string, suite: string) {
    await page.goto(storefront.url)
    await page.locator(`[data-testid="product-card"][data-handle="${handle}"]`).click({ timeout: 120_000 })
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added-to-cart").waitFor()
    await page.getByTestId("cart-link").click()
    await page.getByTestId("go-to-checkout").click()
    await page.getByTestId("checkout-email").fill("buyer@example.jp")
    await page.getByTestId("checkout-first-name").fill("太郎")
    await page.getByTestId("checkout-last-name").fill("山田")
    await page.getByTestId("checkout-postal-code").fill("100-0001")
    await page.getByTestId("checkout-province").fill("東京都")
    await page.getByTestId("checkout-city").fill("千代田区")
    await page.getByTestId("checkout-address-1").fill("千代田1-1")
    await page.getByTestId("checkout-address-submit").click()
    await page.getByTestId("checkout-address-saved").waitFor()
    await page.getByTestId("shipping-option").first().check()
    await screenshot(page, suite, "checkout")
    await page.getByTestId("pay-with-komoju").click()
    await page.waitForURL(`${sandbox.url}/sessions/**`)
  }

  async function confirmedOrderId(): Promise<string> {
    await page.getByTestId("order-confirmation").waitFor({ timeout: 60_000 })
    return (await page.getByTestId("order-id").textContent())!.trim()
  }

  async function adminOrder(orderId: string) {
    const response = await fetch(`${medusa.url}/admin/orders/${orderId}?fields=id,payment_status,total`, {
      headers: await medusa.adminHeaders(),
    })
    return (await response.json()).order
  }

  it("pays by card on KOMOJU's page and lands on the order confirmation", async () => {
    await buyAndGoToKomoju("matcha", "storefront-card")
    await page.getByTestId("card-number").fill("4111 1111 1111 1111")
    await page.getByTestId("card-expiry").fill("12/30")
    await page.getByTestId("card-cvc").fill("123")
    await screenshot(page, "storefront-card", "komoju-page")
    await page.getByTestId("pay-credit_card").click()

    const orderId = await confirmedOrderId()
    await expect(page.getByTestId("order-status").getAttribute("data-status")).resolves.toBe("paid")
    await screenshot(page, "storefront-card", "confirmation")
    expect(await adminOrder(orderId)).toMatchObject({ id: orderId, payment_status: "captured", total: 1700 })
  })

  it("pays at the konbini: the confirmation shows the receipt to pay with", async () => {
    await buyAndGoToKomoju("sencha", "storefront-konbini")
    await page.getByTestId("konbini-store").selectOption("lawson")
    await page.getByTestId("pay-konbini").click()
    const receipt = (await page.getByTestId("receipt").textContent())!.trim()
    await screenshot(page, "storefront-konbini", "komoju-receipt")
    await page.getByTestId("return-to-shop").click()

    const orderId = await confirmedOrderId()
    await expect(page.getByTestId("order-status").getAttribute("data-status")).resolves.toBe("awaiting")
    await expect(page.getByTestId("instructions-receipt").textContent()).resolves.toContain(receipt)
    await screenshot(page, "storefront-konbini", "confirmation")
    expect(await adminOrder(orderId)).toMatchObject({ id: orderId, payment_status: "awaiting" })
  })
})
