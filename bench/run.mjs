#!/usr/bin/env node
// `npm run bench`: the plugin's benchmark (see README, Performance). Starts Postgres as
// `npm test` does (the one DB_HOST names, or an embedded one), then runs bench/main.ts
// through ts-node; every argument goes to it (`npm run bench -- --latency 0 --pairs 25`).
// A benchmark, not a test: it prints numbers and asserts nothing about time.
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startPostgres } from "../scripts/lib/postgres.mjs"

const root = new URL("..", import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), "komoju-bench-pg-"))
const postgres = await startPostgres({ dataDir, persistent: false, log: (line) => console.log(`[bench] ${line}`) })

const { REDIS_URL, MEDUSA_WORKER_MODE, ...env } = process.env
const child = spawn(process.execPath, ["-r", "ts-node/register", join(root, "bench/main.ts"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, ...postgres.env, LOG_LEVEL: process.env.LOG_LEVEL || "warn" },
})
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal))
const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))))
await postgres.stop().catch(() => {})
rmSync(dataDir, { recursive: true, force: true })
process.exit(code)
