import type { Browser, Page } from "playwright-core"
import { join } from "node:path"
import { launchBrowser } from "./browser"
import { startProcess, type RunningProcess } from "./medusa-server"
import { freePort, startMedusaStack, type MedusaStack } from "./medusa-stack"

export type DemoStorefront = {
  medusa: MedusaStack
  storefront: RunningProcess
  browser: Browser
  close(): Promise<void>
}

/**
 * What the storefront's browser tests run against: the tests' stack (`startMedusaStack`),
 * the demo storefront (`examples/storefront`) on a port of its own that Medusa's CORS
 * allows, and Debian's Chromium.
 */
export async function startDemoStorefront(name: string): Promise<DemoStorefront> {
  const storefrontPort = await freePort()
  const medusa = await startMedusaStack({ name, storefrontPort })
  let storefront: RunningProcess | undefined
  try {
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
    const browser = await launchBrowser()
    const started = storefront
    return {
      medusa,
      storefront: started,
      browser,
      close: async () => {
        await browser.close()
        await started.close()
        await medusa.close()
      },
    }
  } catch (error) {
    await storefront?.close()
    await medusa.close()
    throw error
  }
}

/** From the storefront's home page, one of `handle` into the cart. */
export async function addToCart(page: Page, storefrontUrl: string, handle: string) {
  await page.goto(storefrontUrl)
  // The first page load compiles the storefront's scripts: allow it time.
  await page.locator(`[data-testid="product-card"][data-handle="${handle}"]`).click({ timeout: 120_000 })
  await page.getByTestId("add-to-cart").click()
  await page.getByTestId("added-to-cart").waitFor()
}

/** On the checkout page: Taro Yamada's address in Chiyoda, Tokyo (not yet saved). */
export async function fillJapaneseAddress(page: Page) {
  await page.getByTestId("checkout-first-name").fill("太郎")
  await page.getByTestId("checkout-last-name").fill("山田")
  await page.getByTestId("checkout-postal-code").fill("100-0001")
  await page.getByTestId("checkout-province").fill("東京都")
  await page.getByTestId("checkout-city").fill("千代田区")
  await page.getByTestId("checkout-address-1").fill("千代田1-1")
}

/** On KOMOJU's page (the sandbox's): the test card that is always approved. */
export async function fillTestCard(page: Page) {
  await page.getByTestId("card-number").fill("4111 1111 1111 1111")
  await page.getByTestId("card-expiry").fill("12/30")
  await page.getByTestId("card-cvc").fill("123")
}

/** Back on the storefront: the order's id, once its confirmation page shows. */
export async function confirmedOrderId(page: Page): Promise<string> {
  await page.getByTestId("order-confirmation").waitFor({ timeout: 60_000 })
  return (await page.getByTestId("order-id").textContent())!.trim()
}
