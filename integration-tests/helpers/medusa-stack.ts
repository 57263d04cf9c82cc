import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import net, { type AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/src"
import type { DemoStore } from "../../scripts/demo/seed"
import { database, MEDUSA_CLI, ProcessExitedError, ROOT, runToEnd, startProcess, type RunningProcess } from "./medusa-server"
import { claimRedisDatabase } from "./redis"
import { SandboxControl } from "./sandbox-control"
import { startWebhookForwarder, type WebhookForwarder } from "./webhook-forwarder"

export const WEBHOOK_PATH = "/hooks/payment/komoju_komoju"

export type MedusaProcess = RunningProcess & { name: string; mode: "shared" | "server" | "worker"; port: number }

export type StackOptions = {
  /** Names the database and the saved logs (reports/logs/<name>-*.log). */
  name: string
  /**
   * Medusa's production shape: this many `server` processes and one `worker`, sharing
   * the database and a Redis (`redisUrl`), behind a round-robin webhook forwarder.
   * Without it, one `shared` process on Medusa's in-memory defaults, as `npm run demo`.
   */
  cluster?: { servers: number }
  /** Defaults to TEST_REDIS_URL, which scripts/test.mjs sets. Only the cluster uses it. */
  redisUrl?: string
  /** Serve the admin dashboard (development build, slow on first visit). Default false. */
  admin?: boolean
  /** Allowed by CORS, as the demo storefront's origin. */
  storefrontPort?: number
  /** Core's delay before a webhook is handled. Default 100 ms. */
  webhookDelayMs?: number
  /** For the in-process sandbox; its port and webhook URL are set here. */
  sandbox?: Omit<SandboxOptions, "port" | "webhookUrl">
  /** Extra environment for every Medusa process. */
  env?: NodeJS.ProcessEnv
}

export type MedusaStack = {
  sandbox: Sandbox
  komoju: SandboxControl
  store: DemoStore
  /** The first server: where the store and admin APIs are reached by default. */
  url: string
  servers: MedusaProcess[]
  worker?: MedusaProcess
  /** Only in the cluster: the sandbox's webhook URL points at it. */
  forwarder?: WebhookForwarder
  /** What the sandbox POSTs webhooks to. */
  webhookUrl: string
  databaseUrl: string
  redisUrl?: string
  /** Bearer headers of the seeded admin, through the given server (the first by default). */
  adminHeaders(server?: string): Promise<Record<string, string>>
  /** Runs `medusa exec <script>` as one more process of the stack (a worker, in the cluster); resolves with its output. */
  exec(script: string): Promise<string>
  /** Every process's output so far, each line prefixed with its name. */
  logs(): string
  close(): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const LOG_DIR = join(ROOT, "reports/logs")

/**
 * Sandbox (in this process) + a new database, migrated and seeded like the demo
 * (`scripts/demo/seed.ts` through `medusa exec`) + Medusa as one shared process or as a
 * cluster of servers and a worker, each on its own port, ready when this resolves.
 * `close()` stops every process group and drops the database.
 */
export async function startMedusaStack(options: StackOptions): Promise<MedusaStack> {
  const cleanups: (() => Promise<void>)[] = []
  const processes: MedusaProcess[] = []
  const close = async () => {
    saveLogs(options.name, processes)
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
    cleanups.length = 0
  }
  try {
    return await boot(options, cleanups, processes, close)
  } catch (error) {
    await close()
    throw error
  }
}

async function boot(
  options: StackOptions,
  cleanups: (() => Promise<void>)[],
  processes: MedusaProcess[],
  close: () => Promise<void>
): Promise<MedusaStack> {
  const clustered = Boolean(options.cluster)
  const serverCount = options.cluster?.servers ?? 1
  if (clustered && serverCount < 1) throw new Error("a cluster needs at least one server")

  const sandbox = await startSandbox({ ...options.sandbox, port: 0 })
  cleanups.push(() => sandbox.close())
  const sandboxPort = Number(new URL(sandbox.url).port)

  let redis: Awaited<ReturnType<typeof claimRedisDatabase>> | undefined
  if (clustered) {
    const base = options.redisUrl ?? process.env.TEST_REDIS_URL
    if (!base) throw new Error("a Medusa cluster needs Redis: run it through `npm test`, or set TEST_REDIS_URL")
    redis = await claimRedisDatabase(base)
    cleanups.push(redis.release)
  }

  const db = database()
  const dbName = `komoju_${options.name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${process.pid}_${Date.now()}`
  const databaseUrl = db.url(dbName)

  const workDir = mkdtempSync(join(tmpdir(), "komoju-stack-"))
  cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }))

  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    NODE_ENV: "development",
    KOMOJU_SANDBOX_PORT: String(sandboxPort),
    PAYMENT_WEBHOOK_DELAY_MS: String(options.webhookDelayMs ?? 100),
    MEDUSA_ADMIN_DISABLED: options.admin ? "false" : "true",
    ...(options.storefrontPort ? { STOREFRONT_PORT: String(options.storefrontPort) } : {}),
  }
  // The single process stays on Medusa's in-memory defaults, whatever the caller's shell has.
  delete baseEnv.REDIS_URL
  delete baseEnv.MEDUSA_WORKER_MODE
  if (redis) baseEnv.REDIS_URL = redis.url

  // The release step of a deployment: migrate, then seed, once for every process.
  const migrateAndSeed = async (url: string): Promise<DemoStore> => {
    const env = { ...baseEnv, DATABASE_URL: url }
    await runToEnd([MEDUSA_CLI, "db:migrate"], env)
    const storeFile = join(workDir, "store.json")
    await runToEnd([MEDUSA_CLI, "exec", "./scripts/demo/seed.ts"], { ...env, DEMO_STORE_FILE: storeFile })
    return JSON.parse(readFileSync(storeFile, "utf8")) as DemoStore
  }
  cleanups.push(() => db.drop(dbName))
  let store: DemoStore
  const template = process.env.TEST_RUN_ID && `komoju_stack_template_${process.env.TEST_RUN_ID}`
  if (template && !clustered) {
    // Single-process stacks of one `npm test` run start from one migrated, seeded copy.
    store = await db.createFromTemplate(dbName, template, migrateAndSeed)
  } else {
    // A cluster runs its release step itself, with Redis, as a deployment would.
    await db.create(dbName)
    store = await migrateAndSeed(databaseUrl)
  }
  baseEnv.DATABASE_URL = databaseUrl

  const start = async (name: string, mode: MedusaProcess["mode"]): Promise<MedusaProcess> => {
    // A port found free can be taken by a parallel suite before Medusa binds it: retry.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      const env: NodeJS.ProcessEnv = { ...baseEnv, PORT: String(port) }
      if (clustered) env.MEDUSA_WORKER_MODE = mode
      try {
        const running = await startProcess([MEDUSA_CLI, "start"], env, `http://localhost:${port}`, "/health", { ownPort: port })
        const started: MedusaProcess = { ...running, name, mode, port }
        processes.push(started)
        cleanups.push(() => started.close())
        return started
      } catch (error) {
        if (attempt < 3 && error instanceof ProcessExitedError && /EADDRINUSE/.test(error.output)) continue
        throw error
      }
    }
  }

  let servers: MedusaProcess[]
  let worker: MedusaProcess | undefined
  if (clustered) {
    // Booted side by side; every one is settled before a failure is reported, so that
    // close() finds them all.
    const booted = await Promise.allSettled([
      start("worker", "worker"),
      ...Array.from({ length: serverCount }, (_, i) => start(`server-${i + 1}`, "server")),
    ])
    const failed = booted.find((result): result is PromiseRejectedResult => result.status === "rejected")
    if (failed) throw failed.reason
    ;[worker, ...servers] = booted.map((result) => (result as PromiseFulfilledResult<MedusaProcess>).value)
  } else {
    servers = [await start("medusa", "shared")]
  }

  let forwarder: WebhookForwarder | undefined
  if (clustered) {
    forwarder = await startWebhookForwarder(servers.map((s) => s.url))
    cleanups.push(forwarder.close)
  }
  const webhookUrl = `${forwarder?.url ?? servers[0].url}${WEBHOOK_PATH}`
  sandbox.configure({ webhook_url: webhookUrl })
  // Deliveries still under way when the stack stops would only fail against it.
  cleanups.push(() => sandbox.webhooksIdle())

  return {
    sandbox,
    komoju: new SandboxControl(sandbox),
    store,
    url: servers[0].url,
    servers,
    worker,
    forwarder,
    webhookUrl,
    databaseUrl,
    redisUrl: redis?.url,
    adminHeaders: async (server = servers[0].url) => {
      const response = await fetch(`${server}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(store.admin),
      })
      if (!response.ok) throw new Error(`admin login at ${server}: ${response.status} ${await response.text()}`)
      const { token } = (await response.json()) as { token: string }
      return { authorization: `Bearer ${token}` }
    },
    exec: (script) => runToEnd([MEDUSA_CLI, "exec", script], { ...baseEnv, ...(clustered ? { MEDUSA_WORKER_MODE: "worker" } : {}) }),
    logs: () => processes.map((p) => prefixed(p.name, p.output())).join("\n"),
    close,
  }
}

function prefixed(name: string, output: string): string {
  return output
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .filter(Boolean)
    .map((line) => `[${name}] ${line}`)
    .join("\n")
}

/** Kept as test artifacts in reports/logs/, for a failure's post-mortem. */
function saveLogs(name: string, processes: MedusaProcess[]) {
  try {
    mkdirSync(LOG_DIR, { recursive: true })
    for (const p of processes) writeFileSync(join(LOG_DIR, `${name}-${p.name}.log`), prefixed(p.name, p.output()) + "\n")
  } catch {}
}
