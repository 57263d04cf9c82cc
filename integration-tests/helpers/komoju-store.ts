import type { MedusaContainer } from "@medusajs/framework/types"
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/src"
import { seedDemoStore, type DemoStore } from "../../scripts/demo/seed"
import { KOMOJU_MODULE } from "../../src/modules/komoju"
import type { KomojuModuleService } from "../../src/modules/komoju/service"
import { Checkouts } from "./checkouts"
import { freePortSync } from "./free-port"
import { SandboxControl } from "./sandbox-control"
import { Shopper } from "./shopper"

/**
 * For a suite on medusaIntegrationTestRunner, at the top of the file: medusa-config.ts is
 * read when the runner is created, so the sandbox's port (and a short webhook delay) must
 * be in the environment by then. Returns the port.
 */
export function komojuTestEnvironment({ webhookDelayMs = 50 } = {}): number {
  const port = freePortSync()
  process.env.KOMOJU_SANDBOX_PORT = String(port)
  process.env.MEDUSA_ADMIN_DISABLED = "true"
  process.env.PAYMENT_WEBHOOK_DELAY_MS = String(webhookDelayMs)
  return port
}

export type KomojuStore = {
  sandbox: Sandbox
  komoju: SandboxControl
  store: DemoStore
  admin: { headers: Record<string, string> }
  shopper: Shopper
  checkouts: Checkouts
  /** Medusa's URL in this suite. */
  url: () => string
}

type Runner = {
  api: { defaults: { baseURL?: string }; post: (url: string, body: unknown, config?: unknown) => Promise<{ data: any }>; get: (url: string, config?: unknown) => Promise<{ data: any }> }
  getContainer: () => MedusaContainer
}

/**
 * The suite's sandbox on `port` (with its webhooks aimed at this Medusa unless
 * `webhooks: false`), and for every test the demo's store seeded afresh, its admin
 * signed in, a shopper and the checkout scenarios. Filled in by jest hooks.
 */
export function useKomojuStore(
  { api, getContainer }: Runner,
  port: number,
  { sandbox: sandboxOptions = {}, webhooks = true }: { sandbox?: Omit<SandboxOptions, "port">; webhooks?: boolean } = {}
): KomojuStore {
  const url = () => api.defaults.baseURL as string
  const ctx = { url } as KomojuStore

  beforeAll(async () => {
    ctx.sandbox = await startSandbox({ pingOnStart: false, ...sandboxOptions, port })
    ctx.komoju = new SandboxControl(ctx.sandbox)
  })
  afterAll(() => ctx.sandbox?.close())

  beforeEach(async () => {
    await ctx.komoju.configure({ webhook_url: webhooks ? `${url()}/hooks/payment/komoju_komoju` : null })
    ctx.store = await seedDemoStore(getContainer())
    ctx.shopper = new Shopper(url(), ctx.store.publishableKey)
    const { data } = await api.post("/auth/user/emailpass", ctx.store.admin)
    ctx.admin = { headers: { authorization: `Bearer ${data.token}` } }
    ctx.checkouts = new Checkouts({ container: getContainer, api, admin: ctx.admin, shopper: ctx.shopper, komoju: ctx.komoju, store: ctx.store })
  })
  // Deliveries still under way would reach the next test's database: wait for the sandbox
  // to have sent them and for Medusa to have processed what it accepted (the plugin works
  // on a few at a time, so a test's last ones may still be queued).
  afterEach(async () => {
    await ctx.sandbox.webhooksIdle()
    await inboxIdle(getContainer())
  })

  return ctx
}

/** Until no delivery is received or being processed (at most `timeoutMs`; a stuck one is the next test's to find). */
async function inboxIdle(container: MedusaContainer, timeoutMs = 60_000): Promise<void> {
  const inbox = container.resolve<KomojuModuleService>(KOMOJU_MODULE)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const open = await inbox.listKomojuWebhookDeliveries({ status: ["received", "processing"] }, { take: 1 })
    if (!open.length) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
