import { join } from "node:path"

/**
 * A shopper in Medusa's dtc-starter storefront, as the starter ships its pages: the
 * product page, the address, delivery, payment and review steps, KOMOJU's hosted page
 * (the sandbox's), and the order confirmation. Screenshots are numbered into `shotsDir`.
 */
export function dtcStarterShopper({ storefrontUrl, sandboxUrl, shotsDir }) {
  let shot = 0
  const screenshot = async (page, name) => {
    const file = join(shotsDir, `${String(++shot).padStart(2, "0")}-${name}.png`)
    await page.screenshot({ path: file, fullPage: true })
  }

  async function checkout(page, handle, label) {
    await page.goto(`${storefrontUrl}/jp/products/${handle}`)
    // The product page has the button twice (desktop and mobile); it is enabled once the
    // page has preselected the only variant and found it in stock.
    const add = page.getByTestId("add-product-button").first()
    await add.waitFor({ timeout: 60_000 })
    await page.waitForFunction(() => !document.querySelector('[data-testid="add-product-button"]')?.disabled, null, {
      timeout: 30_000,
    })
    await add.click()
    await page.waitForFunction(
      () => /[1-9]/.test(document.querySelector('[data-testid="nav-cart-link"]')?.textContent ?? ""),
      null,
      { timeout: 30_000 }
    )
    await page.goto(`${storefrontUrl}/jp/checkout?step=address`)
    await page.getByTestId("shipping-first-name-input").fill("太郎")
    await page.getByTestId("shipping-last-name-input").fill("山田")
    await page.getByTestId("shipping-address-input").fill("千代田1-1")
    await page.getByTestId("shipping-postal-code-input").fill("100-0001")
    await page.getByTestId("shipping-city-input").fill("千代田区")
    await page.getByTestId("shipping-country-select").selectOption("jp")
    await page.getByTestId("shipping-province-input").fill("東京都")
    await page.getByTestId("shipping-email-input").fill(`${label}@example.jp`)
    await screenshot(page, `${label}-address`)
    await page.getByTestId("submit-address-button").click()
    await page.waitForURL(/step=delivery/, { timeout: 60_000 })
    await page.getByTestId("delivery-option-radio").first().click()
    await page.waitForFunction(() => !document.querySelector('[data-testid="submit-delivery-option-button"]')?.disabled, null, {
      timeout: 30_000,
    })
    await page.getByTestId("submit-delivery-option-button").click()
    await page.waitForURL(/step=payment/, { timeout: 60_000 })
    // The starter's payment step, unchanged: choose KOMOJU, continue to review.
    await page.getByText("KOMOJU", { exact: false }).first().click()
    await screenshot(page, `${label}-payment-step`)
    await page.getByTestId("submit-payment-button").click()
    await page.waitForURL(/step=review/, { timeout: 60_000 })
    await page.getByTestId("submit-order-button").waitFor({ timeout: 30_000 })
    await screenshot(page, `${label}-review-step`)
    await page.getByTestId("submit-order-button").click()
    await page.waitForURL(`${sandboxUrl}/sessions/**`, { timeout: 60_000 })
  }

  async function confirmed(page, label) {
    await page.waitForURL(/\/order\/[^/]+\/confirmed/, { timeout: 120_000 })
    await page.getByTestId("order-complete-container").waitFor({ timeout: 60_000 })
    const orderId = /\/order\/([^/]+)\/confirmed/.exec(page.url())[1]
    await screenshot(page, `${label}-confirmation`)
    const cartCookie = (await page.context().cookies(storefrontUrl)).find((c) => c.name === "_medusa_cart_id")
    if (cartCookie?.value) throw new Error(`${label}: the cart cookie outlived the order`)
    return orderId
  }

  const fillCard = async (page, number) => {
    await page.getByTestId("card-number").fill(number)
    await page.getByTestId("card-expiry").fill("12/30")
    await page.getByTestId("card-cvc").fill("123")
    await page.getByTestId("pay-credit_card").click()
  }

  return { screenshot, checkout, confirmed, fillCard }
}
