import type { Browser, Page } from "playwright-core"
import type { Sandbox } from "../../sandbox/src"
import { launchBrowser, screenshot } from "../helpers/browser"
import { startMedusaStack, type MedusaStack } from "../helpers/medusa-stack"
import { eventually, type SandboxControl } from "../helpers/sandbox-control"
import { Shopper } from "../helpers/shopper"

jest.setTimeout(300_000)

/** The admin as a store admin uses it: Medusa's dashboard with the plugin's pages. */
describe("admin", () => {
  let sandbox: Sandbox
  let komoju: SandboxControl
  let medusa: MedusaStack
  let browser: Browser
  let page: Page
  let admin: Record<string, string>

  beforeAll(async () => {
    medusa = await startMedusaStack({ name: "e2e-admin", admin: true })
    ;({ sandbox, komoju } = medusa)
    admin = await medusa.adminHeaders()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    // The first visit builds the admin in development mode: give it time.
    await page.goto(`${medusa.url}/app/login`, { timeout: 240_000 })
    await page.locator('input[name="email"]').waitFor({ timeout: 240_000 })
    await page.locator('input[name="email"]').fill(medusa.store.admin.email)
    await page.locator('input[name="password"]').fill(medusa.store.admin.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/app\/orders/, { timeout: 120_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await medusa?.close()
  })

  async function adminGet(path: string) {
    const response = await fetch(`${medusa.url}${path}`, { headers: admin })
    return response.json()
  }

  it("lets the admin choose the payment types offered and shows the webhook URL", async () => {
    await page.goto(`${medusa.url}/app/settings/komoju`)
    await page.getByTestId("komoju-webhook-url").waitFor({ timeout: 120_000 })
    await expect(page.getByTestId("komoju-webhook-url").textContent()).resolves.toBe(
      `${medusa.url}/hooks/payment/komoju_komoju`
    )
    await expect(page.getByTestId("komoju-mode").getAttribute("data-mode")).resolves.toBe("test")
    await page.getByTestId("komoju-type-credit_card").click()
    await page.getByTestId("komoju-type-konbini").click()
    await screenshot(page, "admin", "settings-changed")
    await page.getByTestId("komoju-save").click()

    const saved = await eventually(async () => {
      const body = await adminGet("/admin/komoju/settings")
      return body.settings.payment_types ? body.settings : undefined
    }, "the payment types saved")
    expect([...saved.payment_types].sort()).toEqual(["credit_card", "konbini"])
    await screenshot(page, "admin", "settings-saved")

    // The next payment session offers exactly those.
    const shopper = new Shopper(medusa.url, medusa.store.publishableKey)
    const cart = await shopper.fillCart(medusa.store.regions.jp, [{ handle: "sencha", quantity: 1 }])
    const started = await shopper.startPayment(cart.id)
    expect(sandbox.session(started.komojuSessionId)!.payment_methods.map((m) => m.type).sort()).toEqual([
      "credit_card",
      "konbini",
    ])
  })

  it("shows KOMOJU's konbini receipt on the order", async () => {
    const shopper = new Shopper(medusa.url, medusa.store.publishableKey)
    const cart = await shopper.fillCart(medusa.store.regions.jp, [{ handle: "matcha", quantity: 1 }])
    const started = await shopper.startPayment(cart.id)
    const { payment } = await komoju.complete(started.komojuSessionId, { payment_type: "konbini", store: "lawson" })
    const result = await shopper.completeCheckout(cart.id)
    if (result.status !== "awaiting_payment") throw new Error(`expected an order awaiting payment, got ${result.status}`)

    await page.goto(`${medusa.url}/app/orders/${result.order.id}`)
    await page.getByTestId("komoju-order").waitFor({ timeout: 120_000 })
    await expect(page.getByTestId("komoju-order-payment-id").textContent()).resolves.toContain(payment.id)
    await expect(page.getByTestId("komoju-order-receipt").textContent()).resolves.toContain(
      String(payment.payment_details.receipt)
    )
    await screenshot(page, "admin", "order-konbini-widget")
  })
})
