import type { Page } from "playwright-core"
import type { Sandbox } from "../../sandbox/src"
import { komojuMessages } from "../../src/storefront"
import { screenshot } from "../helpers/browser"
import { addToCart, confirmedOrderId, fillJapaneseAddress, fillTestCard, startDemoStorefront, type DemoStorefront } from "../helpers/demo-storefront"

jest.setTimeout(300_000)

/**
 * A shopper in a real browser: the demo storefront, KOMOJU's hosted page (the sandbox),
 * back to the storefront's confirmation page, against a real Medusa server.
 */
describe("storefront checkout in the browser", () => {
  let stack: DemoStorefront
  let sandbox: Sandbox
  let page: Page

  beforeAll(async () => {
    stack = await startDemoStorefront("e2e-storefront")
    sandbox = stack.medusa.sandbox
  })

  afterAll(async () => {
    await stack?.close()
  })

  beforeEach(async () => {
    page = await stack.browser.newPage({ viewport: { width: 1280, height: 900 } })
  })

  afterEach(async () => {
    await page?.close()
    await sandbox.webhooksIdle()
  })

  async function buyAndGoToKomoju(handle: string, suite: string) {
    await fillCheckout(handle)
    await saveAndGoToKomoju(suite)
  }

  /** Up to a filled-in (not yet saved) Japanese address; returns the cart's id. */
  async function fillCheckout(handle: string): Promise<string> {
    await addToCart(page, stack.storefront.url, handle)
    await page.getByTestId("cart-link").click()
    await page.getByTestId("go-to-checkout").click()
    await page.getByTestId("checkout-email").fill("buyer@example.jp")
    await fillJapaneseAddress(page)
    return (await page.evaluate(() => window.localStorage.getItem("storefront.cart_id")))!
  }

  async function saveAndGoToKomoju(suite: string) {
    await page.getByTestId("checkout-address-submit").click()
    await page.getByTestId("checkout-address-saved").waitFor()
    await page.getByTestId("shipping-option").first().check()
    await screenshot(page, suite, "checkout")
    await page.getByTestId("pay-with-komoju").click()
    await page.waitForURL(`${sandbox.url}/sessions/**`)
  }

  /** The cart's addresses as the store API gives them, metadata included. */
  async function cartAddresses(cartId: string) {
    const response = await fetch(`${stack.medusa.url}/store/carts/${cartId}?fields=*shipping_address,*billing_address`, {
      headers: { "x-publishable-api-key": stack.medusa.store.publishableKey },
    })
    const { cart } = await response.json()
    return { shipping: cart.shipping_address, billing: cart.billing_address }
  }

  /** The KOMOJU session the browser is on, as the sandbox holds it. */
  function komojuSessionOfPage() {
    const id = new URL(page.url()).pathname.split("/").pop()!
    return sandbox.session(id)
  }

  async function adminOrder(orderId: string) {
    const response = await fetch(`${stack.medusa.url}/admin/orders/${orderId}?fields=id,payment_status,total`, {
      headers: await stack.medusa.adminHeaders(),
    })
    return (await response.json()).order
  }

  it("pays by card on KOMOJU's page and lands on the order confirmation", async () => {
    const cartId = await fillCheckout("matcha")
    // The name in katakana, typed in hiragana: converted when the field is left.
    const nameKana = page.getByTestId("checkout-name-kana")
    await nameKana.fill("やまだ　たろう")
    await nameKana.blur()
    await expect(nameKana.inputValue()).resolves.toBe("ヤマダ タロウ")
    await saveAndGoToKomoju("storefront-card")
    const { shipping, billing } = await cartAddresses(cartId)
    expect(shipping.metadata).toEqual({ name_kana: "ヤマダ タロウ" })
    expect(billing.metadata).toEqual({ name_kana: "ヤマダ タロウ" })

    await fillTestCard(page)
    await screenshot(page, "storefront-card", "komoju-page")
    await page.getByTestId("pay-credit_card").click()

    const orderId = await confirmedOrderId(page)
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

    const orderId = await confirmedOrderId(page)
    await expect(page.getByTestId("order-status").getAttribute("data-status")).resolves.toBe("awaiting")
    await expect(page.getByTestId("instructions-receipt").textContent()).resolves.toContain(receipt)
    await screenshot(page, "storefront-konbini", "confirmation")
    expect(await adminOrder(orderId)).toMatchObject({ id: orderId, payment_status: "awaiting" })
  })

  it("speaks Korean once switched to 한국어, down to KOMOJU's page and the confirmation", async () => {
    await page.goto(stack.storefront.url)
    await page.getByTestId("language-switch").selectOption("ko")
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ko")
    await expect(page.getByTestId("cart-link").textContent()).resolves.toContain("장바구니")

    const cartId = await fillCheckout("matcha")
    await expect(page.getByTestId("checkout-address-submit").textContent()).resolves.toBe("저장하고 계속하기")
    // Not katakana: refused in Korean when the field is left, accepted once it is
    // (half-width katakana, converted when the address is saved).
    const nameKana = page.getByTestId("checkout-name-kana")
    await nameKana.fill("Yamada")
    await nameKana.blur()
    await expect(page.getByTestId("checkout-name-kana-error").textContent()).resolves.toBe(komojuMessages.ko.nameKanaInvalid)
    await nameKana.fill("ﾔﾏﾀﾞ ﾊﾅｺ")
    await saveAndGoToKomoju("storefront-ko")
    expect((await cartAddresses(cartId)).shipping.metadata).toEqual({ name_kana: "ヤマダ ハナコ" })

    // The storefront asked KOMOJU for a Korean page (the session's default_locale), and
    // the page is in Korean.
    expect(komojuSessionOfPage()?.default_locale).toBe("ko")
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ko")
    await expect(page.getByTestId("pay-credit_card").textContent()).resolves.toContain("결제하기")
    await fillTestCard(page)
    await screenshot(page, "storefront-ko", "komoju-page")
    await page.getByTestId("pay-credit_card").click()

    await confirmedOrderId(page)
    await expect(page.locator("h1").textContent()).resolves.toBe("주문이 완료되었습니다")
    await expect(page.getByTestId("order-status").textContent()).resolves.toBe("결제 완료")
    await expect(page.getByTestId("order-total").textContent()).resolves.toBe("JP¥1,700")
    await screenshot(page, "storefront-ko", "confirmation")
  })
})
