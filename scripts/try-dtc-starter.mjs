#!/usr/bin/env node
// node scripts/try-dtc-starter.mjs <path to a medusajs/dtc-starter checkout> [--keep-running]
//
// Does what a storefront developer does with the README's "Medusa's dtc-starter" steps, in
// the starter's apps/storefront: installs the plugin's packed tarball with a plain
// `npm install`, copies the drop-ins from it, applies the README's wiring (the diff block
// in README.md, as printed there), type-checks with the starter's own tsconfig, builds the storefront,
// starts it against this repository's demo backend (embedded Postgres, the KOMOJU sandbox,
// Medusa), and in Chromium pays for a card order and a konbini order. Screenshots go to
// reports/try-dtc-starter/. The checkout is modified in place (use a scratch clone).
import { spawn, spawnSync } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative, resolve } from "node:path"
import { dtcStarterShopper } from "./lib/dtc-starter-shopper.mjs"
import { freePort } from "./lib/postgres.mjs"

const root = resolve(new URL("..", import.meta.url).pathname)
const args = process.argv.slice(2)
const keepRunning = args.includes("--keep-running")
const starterArg = args.find((a) => !a.startsWith("--"))
if (!starterArg) {
  console.error("usage: node scripts/try-dtc-starter.mjs <path to a dtc-starter checkout> [--keep-running]")
  process.exit(2)
}
const starter = resolve(starterArg)
const storefront = join(starter, "apps/storefront")
if (!existsSync(join(storefront, "package.json"))) {
  console.error(`${storefront}/package.json not found: is ${starter} a checkout of medusajs/dtc-starter?`)
  process.exit(2)
}

const reportDir = join(root, "reports/try-dtc-starter")
const shotsDir = join(reportDir, "screenshots")
// The tarball stays here: the storefront's package.json names it (file:…), and a later
// `npm install` in the storefront reads it again.
const packDir = join(reportDir, "pack")
rmSync(shotsDir, { recursive: true, force: true })
mkdirSync(shotsDir, { recursive: true })
mkdirSync(packDir, { recursive: true })
const work = mkdtempSync(join(tmpdir(), "try-dtc-starter-"))
const log = (line) => console.log(`[try] ${line}`)
const children = []

function run(command, argv, { cwd = root, env = {}, quiet = false } = {}) {
  log(`${relative(root, cwd) || "."}$ ${[command, ...argv].join(" ")}`)
  const result = spawnSync(command, argv, {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`)
    throw new Error(`${command} ${argv.join(" ")} failed (exit ${result.status})`)
  }
  return result.stdout ?? ""
}

/** A long-running process in its own process group, its output in reports/try-dtc-starter/<name>.log. */
function start(name, command, argv, { cwd, env }) {
  const out = join(reportDir, `${name}.log`)
  writeFileSync(out, "")
  const child = spawn(command, argv, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  const lines = []
  const take = (chunk) => {
    const text = chunk.toString()
    writeFileSync(out, text, { flag: "a" })
    lines.push(...text.split("\n"))
    if (lines.length > 400) lines.splice(0, lines.length - 400)
  }
  child.stdout.on("data", take)
  child.stderr.on("data", take)
  children.push({ name, child })
  return { child, lines, log: out }
}

async function stopAll() {
  for (const { child } of [...children].reverse()) {
    if (child.exitCode !== null) continue
    try {
      process.kill(-child.pid, "SIGINT")
    } catch {}
    const exited = new Promise((r) => child.once("exit", r))
    const timeout = new Promise((r) => setTimeout(r, 20_000, "timeout"))
    if ((await Promise.race([exited, timeout])) === "timeout") {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }
  }
}
process.on("SIGINT", async () => {
  await stopAll()
  process.exit(130)
})

async function waitFor(check, what, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null) {
      throw new Error(`${what}: the process exited (${proc.child.exitCode}); see ${relative(root, proc.log)}`)
    }
    try {
      if (await check()) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`)
}

const git = (...argv) => spawnSync("git", ["-C", starter, ...argv], { encoding: "utf8" }).stdout.trim()

/** The ```diff block that follows the wiring marker in README.md: the README's own edits. */
function readmeWiring() {
  const readme = readFileSync(join(root, "README.md"), "utf8")
  const marker = readme.indexOf("<!-- dtc-starter wiring -->")
  const match = marker >= 0 && /```diff\n([\s\S]*?)```/.exec(readme.slice(marker))
  if (!match) throw new Error("README.md has no ```diff block after <!-- dtc-starter wiring -->")
  return match[1]
}

const summary = []
let browser

try {
  const commit = git("rev-parse", "HEAD")
  const subject = git("log", "-1", "--format=%s")
  log(`dtc-starter at ${commit || "(not a git checkout)"} ${subject}`)

  // 1. The plugin as it would be published: built, then packed (in place of `npm install
  // medusa-payment-komoju` from the registry, the storefront installs this tarball).
  run("npx", ["medusa", "plugin:build"], { quiet: true })
  const packOutput = run("npm", ["pack", "--json", "--pack-destination", packDir], { quiet: true })
  const packed = JSON.parse(packOutput.slice(packOutput.indexOf("[")))
  const tarball = join(packDir, packed[0].filename)
  log(`packed ${relative(root, tarball)} (${packed[0].files.length} files)`)

  // 2. Install the plugin (and with it the starter's own dependencies) with plain npm:
  // no --legacy-peer-deps, no --force.
  run("npm", ["install", "--no-audit", "--no-fund", tarball], { cwd: storefront })
  const medusaServer = ["@medusajs/medusa", "@medusajs/framework", "@medusajs/admin-sdk"].filter((name) =>
    existsSync(join(storefront, "node_modules", name))
  )
  if (medusaServer.length) throw new Error(`the storefront got Medusa's server packages: ${medusaServer.join(", ")}`)
  log("installed: no Medusa server package in apps/storefront/node_modules")

  // 3. The drop-ins, copied from the installed package as the README says.
  cpSync(join(storefront, "node_modules/medusa-payment-komoju/examples/dtc-starter/src"), join(storefront, "src"), {
    recursive: true,
  })
  log("copied node_modules/medusa-payment-komoju/examples/dtc-starter/src/ into apps/storefront/src/")

  // 4. The README's wiring, applied as a patch (or found already applied).
  const patch = join(work, "wiring.diff")
  writeFileSync(patch, readmeWiring())
  const applied = spawnSync("git", ["apply", "--reverse", "--check", patch], { cwd: starter }).status === 0
  if (!applied) run("git", ["apply", "--verbose", patch], { cwd: starter })
  const added = readmeWiring().split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++")).length
  const removed = readmeWiring().split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---")).length
  log(`wiring ${applied ? "already applied" : "applied"}: ${added} lines added, ${removed} removed in the starter's files`)

  // 5. Type-check with the starter's own tsconfig.json (moduleResolution node).
  run("npx", ["tsc", "--noEmit", "-p", "."], { cwd: storefront })
  log("type-check passed (apps/storefront/tsconfig.json)")

  // 6. The demo backend: Medusa + KOMOJU sandbox, on a private database.
  const storefrontPort = await freePort(8000)
  const medusaPort = await freePort(9000)
  const sandboxPort = await freePort(4010)
  const demoStorefrontPort = await freePort(0)
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const medusaUrl = `http://localhost:${medusaPort}`
  const dataDir = join(work, "demo-data")
  const backendEnv = {
    DEMO_DATA_DIR: dataDir,
    PORT: String(medusaPort),
    KOMOJU_SANDBOX_PORT: String(sandboxPort),
    STOREFRONT_PORT: String(demoStorefrontPort),
    STORE_CORS: [storefrontUrl, `http://localhost:${demoStorefrontPort}`].join(","),
    // The README's backend setting for this starter: where KOMOJU sends the shopper back.
    KOMOJU_RETURN_URL: `${storefrontUrl}/api/komoju/return`,
    KOMOJU_SECRET_KEY: "",
    KOMOJU_WEBHOOK_SECRET: "",
    DB_HOST: "",
  }
  const backend = start("backend", process.execPath, ["scripts/demo.mjs"], { cwd: root, env: backendEnv })
  log(`starting the demo backend (Medusa on ${medusaUrl}, KOMOJU sandbox on 127.0.0.1:${sandboxPort})…`)
  await waitFor(() => backend.lines.some((l) => l.includes("demo is running")), "demo backend", 600_000, backend)
  const store = JSON.parse(readFileSync(join(dataDir, "demo-store.json"), "utf8"))

  // 7. Build and start the storefront against it.
  const storefrontEnv = {
    NEXT_PUBLIC_MEDUSA_BACKEND_URL: medusaUrl,
    NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: store.publishableKey,
    NEXT_PUBLIC_DEFAULT_REGION: "jp",
    NEXT_PUBLIC_BASE_URL: storefrontUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  }
  run("npx", ["next", "build"], { cwd: storefront, env: storefrontEnv })
  const next = start("storefront", "npx", ["next", "start", "-p", String(storefrontPort)], {
    cwd: storefront,
    env: { ...storefrontEnv, NODE_ENV: "production" },
  })
  await waitFor(async () => (await fetch(`${storefrontUrl}/jp`)).ok, "storefront", 120_000, next)
  log(`storefront on ${storefrontUrl}`)

  // 8. A shopper in Chromium: a card order, then a konbini order.
  const { chromium } = await import("playwright-core")
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  })
  const adminToken = await fetch(`${medusaUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(store.admin),
  })
    .then((r) => r.json())
    .then((b) => b.token)
  const adminOrder = (id) =>
    fetch(`${medusaUrl}/admin/orders/${id}?fields=id,display_id,status,payment_status,total,currency_code`, {
      headers: { authorization: `Bearer ${adminToken}` },
    })
      .then((r) => r.json())
      .then((b) => b.order)

  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`
  const { screenshot, checkout, confirmed, fillCard } = dtcStarterShopper({ storefrontUrl, sandboxUrl, shotsDir })

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" })


  // Card: first declined (4123 1111 1111 1000), then "back to merchant": the review step
  // says the payment was cancelled, and paying again with 4111 1111 1111 1111 goes through.
  let page = await context.newPage()
  await checkout(page, "matcha", "card")
  await fillCard(page, "4123 1111 1111 1000")
  await page.getByTestId("payment-error").waitFor({ timeout: 30_000 })
  await screenshot(page, "card-komoju-declined")
  await page.getByTestId("back-to-merchant").click()
  await page.waitForURL(/\/checkout\?step=review&komoju=cancelled/, { timeout: 60_000 })
  const outcome = page.getByTestId("komoju-outcome")
  await outcome.waitFor({ timeout: 30_000 })
  const cancelledMessage = (await outcome.locator("p").first().textContent()).trim()
  await screenshot(page, "card-back-cancelled")
  await page.getByTestId("submit-order-button").click()
  await page.waitForURL(`${sandboxUrl}/sessions/**`, { timeout: 60_000 })
  await page.getByTestId("card-number").fill("4111 1111 1111 1111")
  await page.getByTestId("card-expiry").fill("12/30")
  await page.getByTestId("card-cvc").fill("123")
  await screenshot(page, "card-komoju-page")
  await page.getByTestId("pay-credit_card").click()
  const cardOrderId = await confirmed(page, "card")
  const cardPayment = await page.getByTestId("payment-method").textContent()
  const card = await adminOrder(cardOrderId)
  await page.close()

  // Konbini: a Lawson receipt, then back to the shop; the confirmation shows how to pay.
  page = await context.newPage()
  await checkout(page, "sencha", "konbini")
  await page.getByTestId("konbini-store").selectOption("lawson")
  await page.getByTestId("pay-konbini").click()
  const receipt = (await page.getByTestId("receipt").textContent()).trim()
  await screenshot(page, "konbini-komoju-receipt")
  await page.getByTestId("return-to-shop").click()
  const konbiniOrderId = await confirmed(page, "konbini")
  const shownReceipt = (await page.getByTestId("komoju-receipt").textContent()).trim()
  if (shownReceipt !== receipt) throw new Error(`konbini: the confirmation shows receipt ${shownReceipt}, KOMOJU gave ${receipt}`)
  const deadline = (await page.getByTestId("komoju-deadline").textContent()).trim()
  const konbini = await adminOrder(konbiniOrderId)
  await page.close()
  await browser.close()

  if (card.payment_status !== "captured") throw new Error(`card order ${card.id} is ${card.payment_status}, not captured`)
  if (konbini.payment_status !== "awaiting") {
    throw new Error(`konbini order ${konbini.id} is ${konbini.payment_status}, not awaiting`)
  }
  const money = (o) => `${o.total} ${o.currency_code.toUpperCase()}`
  summary.push(
    `dtc-starter    ${commit} (${subject})`,
    `wiring         README's diff: ${added} lines added, ${removed} removed, in the starter's own files`,
    `card order     declined on KOMOJU's page, back to the shop ("${cancelledMessage}"), paid again:`,
    `               ${card.id}  #${card.display_id}  status ${card.status}  payment ${card.payment_status}  ${money(card)}  (confirmation: "${cardPayment?.trim()}")`,
    `konbini order  ${konbini.id}  #${konbini.display_id}  status ${konbini.status}  payment ${konbini.payment_status}  ${money(konbini)}  (confirmation: Lawson receipt ${shownReceipt}, pay by ${deadline})`,
    `screenshots    ${relative(root, shotsDir)}/ (${readdirSync(shotsDir).length} files)`
  )

  if (keepRunning) {
    console.log(`\n${summary.join("\n")}\n\nStill running: storefront ${storefrontUrl}, Medusa ${medusaUrl}/app. Ctrl-C stops.`)
    await new Promise(() => {})
  }
} catch (error) {
  console.error(`[try] FAILED: ${error.message}`)
  process.exitCode = 1
} finally {
  await browser?.close().catch(() => {})
  if (!keepRunning || process.exitCode) {
    await stopAll()
    rmSync(work, { recursive: true, force: true })
  }
}

if (summary.length) console.log(`\n${summary.join("\n")}`)
