import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Client } from "pg"
import type { DemoStore } from "../../scripts/demo/seed"

const ROOT = join(__dirname, "../..")
const MEDUSA_CLI = join(ROOT, "node_modules/@medusajs/cli/cli.js")

export type RunningProcess = { url: string; close(): Promise<void>; output(): string }

function database() {
  const { DB_HOST = "localhost", DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
  const auth = DB_PASSWORD ? `${encodeURIComponent(DB_USERNAME)}:${encodeURIComponent(DB_PASSWORD)}` : encodeURIComponent(DB_USERNAME)
  return {
    url: (name: string) => `postgres://${auth}@${DB_HOST}:${DB_PORT}/${name}`,
    admin: () => new Client({ host: DB_HOST, port: Number(DB_PORT), user: DB_USERNAME, password: DB_PASSWORD, database: "postgres" }),
  }
}

function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} failed:\n${output.slice(-4000)}`))))
  })
}

/** Starts a long-running child in its own process group, so closing stops its children too. */
export function startProcess(args: string[], env: NodeJS.ProcessEnv, url: string, readyPath: string): Promise<RunningProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  let output = ""
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000))
  child.stdout!.on("data", keep)
  child.stderr!.on("data", keep)
  const close = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once("exit", resolve))
    try {
      process.kill(-child.pid!, "SIGTERM")
    } catch {}
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {}
    }, 10_000)
    await exited
    clearTimeout(killer)
  }
  return (async () => {
    const deadline = Date.now() + 240_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited:\n${output}`)
      try {
        if ((await fetch(`${url}${readyPath}`)).ok) return { url, close, output: () => output }
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    await close()
    throw new Error(`${args.join(" ")} did not answer at ${url}${readyPath}:\n${output}`)
  })()
}

export type MedusaServer = RunningProcess & { store: DemoStore }

/**
 * A real Medusa server booted from medusa-config.ts on its own new database, migrated
 * and seeded like the demo, serving the admin as `npm run demo` does.
 */
export async function startMedusaServer(options: {
  port: number
  sandboxPort: number
  storefrontPort: number
}): Promise<MedusaServer> {
  const db = database()
  const name = `komoju_e2e_${process.pid}_${Date.now()}`
  const client = db.admin()
  await client.connect()
  await client.query(`CREATE DATABASE "${name}"`)
  await client.end()

  const workDir = mkdtempSync(join(tmpdir(), "komoju-e2e-"))
  const storeFile = join(workDir, "store.json")
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: db.url(name),
    PORT: String(options.port),
    KOMOJU_SANDBOX_PORT: String(options.sandboxPort),
    STOREFRONT_PORT: String(options.storefrontPort),
    PAYMENT_WEBHOOK_DELAY_MS: "100",
  }
  await runToEnd([MEDUSA_CLI, "db:migrate"], env)
  await runToEnd([MEDUSA_CLI, "exec", "./scripts/demo/seed.ts"], { ...env, DEMO_STORE_FILE: storeFile })
  const store = JSON.parse(readFileSync(storeFile, "utf8")) as DemoStore
  const server = await startProcess([MEDUSA_CLI, "start"], env, `http://localhost:${options.port}`, "/health")
  return {
    ...server,
    store,
    close: async () => {
      await server.close()
      rmSync(workDir, { recursive: true, force: true })
      const admin = db.admin()
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    },
  }
}
