import { chromium, type Browser, type Page } from "playwright-core"
import { mkdirSync } from "node:fs"
import { join } from "node:path"

/** Debian's Chromium; no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  })
}

const SCREENSHOTS = join(__dirname, "../../reports/screenshots")

/** Kept as test artifacts under reports/screenshots/<suite>/. */
export async function screenshot(page: Page, suite: string, name: string) {
  const dir = join(SCREENSHOTS, suite)
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/** A page of Medusa's admin dashboard, signed in as `admin`. */
export async function signedInAdmin(browser: Browser, medusaUrl: string, admin: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  // The first visit builds the admin in development mode: give it time.
  await page.goto(`${medusaUrl}/app/login`, { timeout: 240_000 })
  await page.locator('input[name="email"]').waitFor({ timeout: 240_000 })
  await page.locator('input[name="email"]').fill(admin.email)
  await page.locator('input[name="password"]').fill(admin.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/app\/orders/, { timeout: 120_000 })
  return page
}
