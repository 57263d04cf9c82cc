// Redis for the multi-process tests: the one REDIS_URL points at, or else Debian's
// `redis-server` (apt-get install redis-server) started here on a free loopback port,
// in a private temporary directory, with nothing ever written to disk.
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import net from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freePort } from "./postgres.mjs"

/** Logical databases of a Redis started here: each test stack takes one of its own. */
export const REDIS_DATABASES = 64

export function redisServerBinary() {
  if (process.env.REDIS_SERVER) return process.env.REDIS_SERVER
  for (const candidate of ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]) {
    if (spawnSync(candidate, ["--version"]).status === 0) return candidate
  }
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" })
  return found.status === 0 ? found.stdout.trim() : undefined
}

/**
 * Sends one command and resolves with its reply (simple strings, integers, bulk strings
 * and arrays of them: enough for PING, INCR, CONFIG GET, FLUSHDB).
 */
export function redisCommand(url, args, { timeoutMs = 2000 } = {}) {
  const { hostname, port, password, username, pathname } = new URL(url)
  const db = Number(pathname.replace(/^\//, "") || 0)
  const commands = []
  if (password) commands.push(username ? ["AUTH", decodeURIComponent(username), decodeURIComponent(password)] : ["AUTH", decodeURIComponent(password)])
  if (db) commands.push(["SELECT", String(db)])
  commands.push(args)
  const wire = commands
    .map((command) => `*${command.length}\r\n${command.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join("")}`)
    .join("")
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ""), port: Number(port || 6379) })
    let buffer = Buffer.alloc(0)
    const replies = []
    const fail = (error) => {
      socket.destroy()
      reject(error)
    }
    socket.setTimeout(timeoutMs, () => fail(new Error(`Redis at ${hostname}:${port} did not answer`)))
    socket.once("error", fail)
    socket.on("connect", () => socket.write(wire))
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      let parsed
      while ((parsed = parseReply(buffer, 0))) {
        replies.push(parsed.value)
        buffer = buffer.subarray(parsed.end)
      }
      if (replies.length === commands.length) {
        socket.end()
        const failed = replies.find((reply) => reply instanceof Error)
        if (failed) reject(failed)
        else resolve(replies[replies.length - 1])
      }
    })
  })
}

function parseReply(buffer, start) {
  const lineEnd = buffer.indexOf("\r\n", start)
  if (lineEnd < 0) return undefined
  const type = String.fromCharCode(buffer[start])
  const line = buffer.toString("utf8", start + 1, lineEnd)
  const next = lineEnd + 2
  if (type === "+") return { value: line, end: next }
  if (type === "-") return { value: new Error(`Redis: ${line}`), end: next }
  if (type === ":") return { value: Number(line), end: next }
  if (type === "$") {
    const length = Number(line)
    if (length < 0) return { value: null, end: next }
    if (buffer.length < next + length + 2) return undefined
    return { value: buffer.toString("utf8", next, next + length), end: next + length + 2 }
  }
  if (type === "*") {
    const count = Number(line)
    const items = []
    let end = next
    for (let i = 0; i < count; i++) {
      const item = parseReply(buffer, end)
      if (!item) return undefined
      items.push(item.value)
      end = item.end
    }
    return { value: items, end }
  }
  throw new Error(`Redis: unexpected reply ${JSON.stringify(buffer.toString("utf8", start, lineEnd))}`)
}

async function answersPing(url) {
  try {
    return (await redisCommand(url, ["PING"], { timeoutMs: 500 })) === "PONG"
  } catch {
    return false
  }
}

/**
 * Starts (or reuses) Redis and returns its URL and a stop function. A Redis started here
 * keeps no data: no RDB snapshots, no AOF, and its directory is removed when it stops.
 */
export async function startRedis({ log = () => {}, port: preferredPort } = {}) {
  if (process.env.REDIS_URL) {
    const url = process.env.REDIS_URL
    if (!(await answersPing(url))) throw new Error(`REDIS_URL is set, but no Redis answers PING at ${redactUrl(url)}`)
    log(`using Redis at ${redactUrl(url)}`)
    return { url, started: false, stop: async () => {} }
  }

  const binary = redisServerBinary()
  if (!binary) {
    throw new Error("redis-server not found: install it (apt-get install redis-server), set REDIS_SERVER to its path, or point REDIS_URL at a running Redis")
  }
  const port = await freePort(preferredPort)
  const dir = mkdtempSync(join(tmpdir(), "komoju-test-redis-"))
  const child = spawn(
    binary,
    [
      "--port", String(port),
      "--bind", "127.0.0.1",
      "--protected-mode", "yes",
      "--dir", dir,
      // No save points and no AOF: nothing is written, not even at shutdown.
      "--save", "",
      "--appendonly", "no",
      "--databases", String(REDIS_DATABASES),
      "--daemonize", "no",
      "--loglevel", "warning",
      "--logfile", "",
    ],
    // Its own process group: a Ctrl-C meant for the test runner is handled by the runner.
    { stdio: ["ignore", "pipe", "pipe"], detached: true }
  )
  let output = ""
  const keep = (chunk) => (output = (output + chunk).slice(-4000))
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const url = `redis://127.0.0.1:${port}`

  const cleanup = () => rmSync(dir, { recursive: true, force: true })
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal)
    } catch {}
  }
  // Whatever happens to this process, Redis does not outlive it.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) kill("SIGKILL")
    cleanup()
  }
  process.on("exit", onExit)

  const deadline = Date.now() + 10_000
  while (!(await answersPing(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      kill("SIGKILL")
      cleanup()
      throw new Error(`redis-server did not start on ${url}:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  log(`Redis on ${url} (${binary}, ${dir}, no persistence)`)

  return {
    url,
    started: true,
    stop: async () => {
      process.off("exit", onExit)
      if (child.exitCode === null && child.signalCode === null) {
        kill("SIGTERM")
        const killer = setTimeout(() => kill("SIGKILL"), 5000)
        await exited
        clearTimeout(killer)
      }
      cleanup()
    },
  }
}

export function redactUrl(url) {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = "***"
    return parsed.toString()
  } catch {
    return "(unparseable URL)"
  }
}
