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
