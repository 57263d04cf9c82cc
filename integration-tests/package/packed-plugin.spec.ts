/**
 * The plugin as a merchant gets it: packed, installed with plain npm into a bare Medusa
 * 2.21 app configured as README.md says, built and deployed as Medusa deploys
 * (`medusa build`, production dependencies in `.medusa/server`, migrate, start), with
 * the KOMOJU sandbox from the installed package; then a card and a konbini checkout
 * through the store API. Catches a broken `exports` map, a file missing from `files`, a
 * dependency only this repository's app has, and tests shipped in the tarball.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { database, ROOT, runToEnd, startProcess, type RunningProcess } from "../helpers/medusa-server"
import { freePort } from "../helpers/medusa-stack"
import { eventually } from "../helpers/sandbox-control"
import { buildForProduction, createBareApp } from "./bare-app"
import { ensurePluginBuild, packPlugin, testFilesIn, type PackedPlugin } from "./plugin-tarball"
import { SandboxHttp } from "./sandbox-http"
import { step } from "./steps"
import { StoreAdmin, StoreShopper, type SeededStore } from "./store-api"

const ADMIN = { email: "admin@bare-app.test", password: "supersecret" }
const RETURN_URL = "http://localhost:8000/checkout/komoju-return"
const WEBHOOK_PATH = "/hooks/payment/komoju_komoju"

/** The caller's environment without what would switch the bare app to this repository's test setup. */
function merchantShell(): NodeJS.ProcessEnv {
  const { REDIS_URL, MEDUSA_WORKER_MODE, NODE_OPTIONS, NODE_ENV, ...rest } = process.env
  return rest
}

const cleanups: { what: string; run: () => Promise<void> }[] = []
const processes: { name: string; running: RunningProcess }[] = []
let packed: PackedPlugin
let server: string
let komoju: SandboxHttp
let shopper: StoreShopper
let admin: StoreAdmin
let medusaUrl: string

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "komoju-packed-plugin-"))
  cleanups.push({ what: `remove ${work}`, run: async () => rmSync(work, { recursive: true, force: true }) })

  await ensurePluginBuild()
  packed = await packPlugin(work)
  step(`packed ${packed.tarball} (${packed.files.length} files)`)

  const app = join(work, "app")
  await createBareApp(app, packed.tarball)
  server = await buildForProduction(app, packed.tarball, merchantShell())

  const db = database()
  const dbName = `komoju_packed_plugin_${process.pid}_${Date.now()}`
  await db.create(dbName)
  cleanups.push({ what: `drop database ${dbName}`, run: () => db.drop(dbName) })

  const [medusaPort, sandboxPort] = [await freePort(), await freePort()]
  medusaUrl = `http://localhost:${medusaPort}`
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`
  const env: NodeJS.ProcessEnv = {
    ...merchantShell(),
    NODE_ENV: "production",
    PORT: String(medusaPort),
    DATABASE_URL: db.url(dbName),
    STORE_CORS: "http://localhost:8000",
    ADMIN_CORS: medusaUrl,
    AUTH_CORS: medusaUrl,
    // The sandbox's own keys (sandbox/README.md): test values, not secrets.
    KOMOJU_SECRET_KEY: "sk_test_sandbox",
    KOMOJU_WEBHOOK_SECRET: "whsec_sandbox",
    KOMOJU_API_URL: `${sandboxUrl}/api/v1`,
    KOMOJU_RETURN_URL: RETURN_URL,
    SEED_OUTPUT: join(work, "store.json"),
  }
  const medusa = join(server, "node_modules/@medusajs/cli/cli.js")

  step(`medusa db:migrate (database ${dbName})`)
  await runToEnd([medusa, "db:migrate"], env, { cwd: server })
  step("medusa exec ./src/scripts/seed.js (JP region in JPY with pp_komoju_komoju, stock, shipping, a product, a publishable key)")
  await runToEnd([medusa, "exec", "./src/scripts/seed.js"], env, { cwd: server })
  step(`medusa user -e ${ADMIN.email}`)
  await runToEnd([medusa, "user", "-e", ADMIN.email, "-p", ADMIN.password], env, { cwd: server })
  const store = JSON.parse(readFileSync(env.SEED_OUTPUT!, "utf8")) as SeededStore

  step(`node_modules/.bin/komoju-sandbox on ${sandboxUrl}, webhooks to ${medusaUrl}${WEBHOOK_PATH}`)
  const sandbox = await startProcess(
    [join(server, "node_modules/.bin/komoju-sandbox"), "--port", String(sandboxPort), "--webhook-url", `${medusaUrl}${WEBHOOK_PATH}`, "--no-ping"],
    env,
    sandboxUrl,
    "/_sandbox/health",
    { cwd: server, ownPort: sandboxPort, timeoutMs: 30_000 }
  )
  processes.push({ name: "sandbox", running: sandbox })
  cleanups.push({ what: "stop the sandbox", run: () => sandbox.close() })

  step(`medusa start on ${medusaUrl}`)
  const medusaProcess = await startProcess([medusa, "start"], env, medusaUrl, "/health", { cwd: server, ownPort: medusaPort })
  processes.push({ name: "medusa", running: medusaProcess })
  cleanups.push({ what: "stop Medusa", run: () => medusaProcess.close() })

  komoju = new SandboxHttp(sandboxUrl)
  shopper = new StoreShopper(medusaUrl, store)
  admin = await StoreAdmin.login(medusaUrl, ADMIN)
  step("bare app is up")
}, 20 * 60_000)

afterAll(async () => {
  // Kept for a failure's post-mortem, as the other suites keep theirs.
  const logs = join(ROOT, "reports/logs")
  mkdirSync(logs, { recursive: true })
  for (const { name, running } of processes) writeFileSync(join(logs, `packed-plugin-${name}.log`), running.output())
  for (const { what, run } of cleanups.reverse()) {
    step(what)
    await run().catch((error) => step(`${what} failed: ${error.message}`))
  }
}, 120_000)

describe("the packed plugin", () => {
  it("holds no tests, fixtures or source maps of tests", () => {
    // The patterns themselves, so that an empty result means something.
    expect(testFilesIn(["src/lib/__tests__/x.spec.js", "dist/a.spec.js.map", "integration-tests/helpers/y.js", "sandbox/fixtures/z.json"])).toHaveLength(4)
    expect(packed.files).toContain(".medusa/server/src/providers/komoju/index.js")
    expect(testFilesIn(packed.files)).toEqual([])
  })

  it("serves its admin routes and ships its admin extensions in the app's admin build", async () => {
    expect(await admin.get("/admin/komoju/settings")).toHaveProperty("settings")
    const assets = join(server, "public/admin/assets")
    const bundle = readdirSync(assets).filter((file) => file.endsWith(".js")).map((file) => readFileSync(join(assets, file), "utf8"))
    expect(bundle.some((js) => js.includes("/admin/komoju/settings"))).toBe(true)
  })

  it("takes a card payment: the order is placed with the payment captured", async () => {
    const cartId = await shopper.fillCart("card@example.jp")
    const { komojuSessionId, sessionUrl } = await shopper.startKomojuPayment(cartId)
    step(`card: cart ${cartId}, KOMOJU session ${komojuSessionId}`)
    expect(sessionUrl).toBe(`${komoju.url}/sessions/${komojuSessionId}`)
    expect((await komoju.session(komojuSessionId)).return_url).toBe(`${RETURN_URL}?cart_id=${cartId}`)
    const payment = await komoju.complete(komojuSessionId, { payment_type: "credit_card" })
    expect(payment.status).toBe("captured")

    const orderId = await shopper.complete(cartId)
    step(`card: order ${orderId}`)
    expect(await admin.order(orderId)).toMatchObject({ status: "pending", payment_status: "captured" })
  }, 120_000)

  it("takes a konbini payment: the order waits for it, and KOMOJU's signed webhook captures it once paid", async () => {
    const cartId = await shopper.fillCart("konbini@example.jp")
    const { komojuSessionId } = await shopper.startKomojuPayment(cartId)
    const payment = await komoju.complete(komojuSessionId, { payment_type: "konbini", store: "lawson" })
    step(`konbini: cart ${cartId}, KOMOJU payment ${payment.id} (${payment.status})`)
    expect(payment.status).toBe("authorized")

    const orderId = await shopper.complete(cartId)
    step(`konbini: order ${orderId}`)
    expect(await admin.order(orderId)).toMatchObject({ payment_status: "awaiting" })

    await komoju.customerPays(payment.id)
    await eventually(async () => (await admin.order(orderId)).payment_status === "captured", `order ${orderId} captured by the webhook`, 90_000)
    const deliveries = await komoju.webhooks()
    expect(deliveries.length).toBeGreaterThan(0)
    expect(deliveries.filter((d) => d.status !== 200)).toEqual([])
  }, 180_000)
})
