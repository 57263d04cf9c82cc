import type { AddressInfo } from "node:net"
import { Clock } from "./clock"
import { defaultConfig, type SandboxConfig } from "./config"
import { IdempotencyKeys } from "./idempotency"
import { Ledger } from "./ledger"
import { Rng } from "./rng"
import { createSandboxServer } from "./server"
import { Store } from "./store"
import type { KomojuEvent, Payment, Session } from "./types"
import { WebhookDispatcher } from "./webhooks"

export type { KomojuEvent, Payment, Session, Refund, PaymentStatus, SessionStatus, EventType } from "./types"
export type { SandboxConfig } from "./config"
export type { RequestLogEntry, WebhookLogEntry } from "./store"
export { signWebhook } from "./webhooks"

export type SandboxOptions = {
  /** 0 picks a free port. Default 4010. */
  port?: number
  host?: string
  /**
   * The secret key merchants authenticate with. Default `sk_test_sandbox`; any key
   * starting with `sk_test_` is accepted too, so a merchant's test key works unchanged.
   */
  secretKey?: string
  webhookUrl?: string
  webhookSecret?: string
  /** Base of session_url (what a browser reaches); default http://host:port. */
  publicUrl?: string
  /** Persist state here (JSON) so a restart keeps sessions and payments. */
  stateFile?: string
  /** Seeds fault injection, so a faulty run can be repeated. */
  seed?: number
  /** Send a ping when started with a webhook URL, as KOMOJU does for a new webhook. */
  pingOnStart?: boolean
  config?: Partial<SandboxConfig>
}

export type Sandbox = {
  url: string
  apiUrl: string
  secretKey: string
  close(): Promise<void>
  /** Resolves when every webhook delivery under way (and its retries) is done. */
  webhooksIdle(): Promise<void>
  config(): SandboxConfig
  session(id: string): Session | undefined
  payment(id: string): Payment | undefined
  events(): KomojuEvent[]
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1"
  const secretKey = options.secretKey ?? "sk_test_sandbox"
  const store = new Store(options.stateFile)
  const clock = new Clock()
  clock.offsetSeconds = store.clockOffsetSeconds
  const rng = new Rng(options.seed)
  let config = defaultConfig({
    ...options.config,
    webhook_url: options.webhookUrl ?? options.config?.webhook_url ?? null,
    webhook_secret: options.webhookSecret ?? options.config?.webhook_secret ?? "whsec_sandbox",
  })
  let publicUrl = options.publicUrl ?? ""
  const webhooks = new WebhookDispatcher(store, clock, () => config, rng)
  const ledger = new Ledger(store, clock, (type, payment) => webhooks.emit(type, payment), () => publicUrl)
  const idempotency = new IdempotencyKeys()

  const server = createSandboxServer({
    ledger,
    store,
    clock,
    webhooks,
    idempotency,
    rng,
    getConfig: () => config,
    setConfig: (next) => (config = next),
    reseed: (seed) => rng.reseed(seed),
    resetIdempotency: () => idempotency.clear(),
    isValidKey: (key) => key === secretKey || key.startsWith("sk_test_"),
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 4010, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host}:${port}`
  publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "")
  if (config.webhook_url && options.pingOnStart) webhooks.emit("ping", null)

  return {
    url,
    apiUrl: `${url}/api/v1`,
    secretKey,
    close: async () => {
      webhooks.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    webhooksIdle: () => webhooks.idle(),
    config: () => config,
    session: (id) => store.sessions.get(id),
    payment: (id) => store.payments.get(id),
    events: () => store.events,
  }
}
