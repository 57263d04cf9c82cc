import { spawn, type ChildProcess } from "node:child_process"
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs"
import { join } from "node:path"
import { Client } from "pg"

export const ROOT = join(__dirname, "../..")
export const MEDUSA_CLI = join(ROOT, "node_modules/@medusajs/cli/cli.js")

export type RunningProcess = { url: string; pid: number; close(): Promise<void>; output(): string }

/** The Postgres DB_* point at (scripts/test.mjs sets them): URLs and an admin connection. */
export function database() {
  const { DB_HOST = "localhost", DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
  const auth = DB_PASSWORD ? `${encodeURIComponent(DB_USERNAME)}:${encodeURIComponent(DB_PASSWORD)}` : encodeURIComponent(DB_USERNAME)
  const admin = () => new Client({ host: DB_HOST, port: Number(DB_PORT), user: DB_USERNAME, password: DB_PASSWORD, database: "postgres" })
  const run = async (sql: string) => {
    const client = admin()
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
  return {
    url: (name: string) => `postgres://${auth}@${DB_HOST}:${DB_PORT}/${name}`,
    create: (name: string) => run(`CREATE DATABASE ${quote(name)}`),
    drop: (name: string) => run(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`),
    /**
     * Creates `name` as a copy of `template`, building the template first with `build`
     * if it does not exist yet; `build`'s result is kept with the template (as its
     * comment) and returned to every copy. A Postgres advisory lock makes this safe
     * across jest workers: one builds, the others wait, then each copies.
     */
    createFromTemplate: async <T>(name: string, template: string, build: (url: string) => Promise<T>): Promise<T> => {
      const client = admin()
      await client.connect()
      try {
        await client.query("SELECT pg_advisory_lock(hashtext($1))", [template])
        const found = await client.query("SELECT shobj_description(oid, 'pg_database') AS built FROM pg_database WHERE datname = $1", [template])
        let built: T
        if (found.rows[0]?.built) {
          built = JSON.parse(found.rows[0].built) as T
        } else {
          await client.query(`DROP DATABASE IF EXISTS ${quote(template)} WITH (FORCE)`)
          await client.query(`CREATE DATABASE ${quote(template)}`)
          try {
            built = await build(`postgres://${auth}@${DB_HOST}:${DB_PORT}/${template}`)
          } catch (error) {
            await client.query(`DROP DATABASE IF EXISTS ${quote(template)} WITH (FORCE)`)
            throw error
          }
          // Marks the template complete; a half-built one has no comment and is rebuilt.
          await client.query(`COMMENT ON DATABASE ${quote(template)} IS '${JSON.stringify(built).replace(/'/g, "''")}'`)
        }
        await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`)
        return built
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext($1))", [template]).catch(() => undefined)
        await client.end()
      }
    },
  }
}

/** Runs a Node script to its end (in `cwd`, this repository by default); rejects with the tail of its output if it fails. */
export function runToEnd(args: string[], env: NodeJS.ProcessEnv, { cwd = ROOT }: { cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${args.join(" ")} failed:\n${output.slice(-4000)}`))))
  })
}

// Every process group started here, so that none outlives the test process, even when
// jest ends it (--forceExit) or a suite fails before its afterAll.
const liveGroups = new Set<number>()
let exitHookInstalled = false
function trackGroup(pid: number) {
  liveGroups.add(pid)
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on("exit", () => {
    for (const group of liveGroups) {
      try {
        process.kill(-group, "SIGKILL")
      } catch {}
    }
  })
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {}
}

export class ProcessExitedError extends Error {
  constructor(message: string, readonly output: string) {
    super(message)
  }
}

/**
 * True when a process of the group led by `leader` listens on `port` (Linux /proc; true
 * where there is no /proc to ask). Guards against another suite's server that took the
 * same free port answering the readiness check in our process's stead.
 */
export function groupListensOn(leader: number, port: number): boolean {
  if (!existsSync("/proc/net/tcp")) return true
  const inodes = new Set<string>()
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/)
      // local_address is ADDR:PORT in hex; state 0A is LISTEN; field 9 is the inode.
      if (fields.length > 9 && fields[3] === "0A" && parseInt(fields[1].split(":")[1], 16) === port) inodes.add(fields[9])
    }
  }
  if (!inodes.size) return false
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Field 5 of /proc/<pid>/stat is the process group (after the parenthesised name).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== leader) continue
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`)
        if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return true
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  return false
}

/**
 * Starts a long-running child in its own process group (closing stops its children too)
 * and resolves once `${url}${readyPath}` answers 2xx; with `ownPort`, only once that
 * port is the child's own. It runs in `cwd`, this repository by default.
 */
export function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
  readyPath: string,
  { timeoutMs = 240_000, ownPort, cwd = ROOT }: { timeoutMs?: number; ownPort?: number; cwd?: string } = {}
): Promise<RunningProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  const pid = child.pid!
  trackGroup(pid)
  let output = ""
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000))
  child.stdout!.on("data", keep)
  child.stderr!.on("data", keep)
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup(pid, "SIGTERM")
      const killer = setTimeout(() => signalGroup(pid, "SIGKILL"), 10_000)
      await exited
      clearTimeout(killer)
    }
    // Whatever the leader left behind in its group goes too.
    signalGroup(pid, "SIGKILL")
    liveGroups.delete(pid)
  }
  return (async () => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        liveGroups.delete(pid)
        throw new ProcessExitedError(`${args.join(" ")} exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-8000)}`, output)
      }
      try {
        if ((await fetch(`${url}${readyPath}`)).ok && (ownPort === undefined || groupListensOn(pid, ownPort))) {
          return { url, pid, close, output: () => output }
        }
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    await close()
    throw new Error(`${args.join(" ")} did not answer at ${url}${readyPath}:\n${output.slice(-8000)}`)
  })()
}
