#!/usr/bin/env node
// `npm test`: every jest project (unit, sandbox, integration, e2e, cluster, package) in one run,
// against the Postgres DB_HOST names or an embedded one started here, and the Redis
// REDIS_URL names or a redis-server started here. Extra arguments go to jest.
// Ends with a plain "N passed, N failed" line computed from jest's JSON report.
//
// Redis reaches jest as TEST_REDIS_URL, never as REDIS_URL: medusa-config.ts switches to
// Redis modules when REDIS_URL is set, and the single-process suites must stay on
// Medusa's in-memory defaults. Only the cluster stacks hand it to their Medusa processes.
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { faultTable } from "./lib/fault-table.mjs"
import { startPostgres } from "./lib/postgres.mjs"
import { redactUrl, startRedis } from "./lib/redis.mjs"

const root = new URL("..", import.meta.url).pathname
const reportDir = join(root, "reports")
const reportFile = join(reportDir, "jest.json")
mkdirSync(reportDir, { recursive: true })
rmSync(reportFile, { force: true })
const faultDir = join(reportDir, "fault-suite")
rmSync(faultDir, { recursive: true, force: true })

const dataDir = mkdtempSync(join(tmpdir(), "komoju-test-pg-"))
const postgres = await startPostgres({
  dataDir,
  persistent: false,
  log: (line) => console.log(`[test] ${line}`),
})

// Without Redis the other suites still run; the cluster suites then fail, saying why.
let redis = { url: undefined, stop: async () => {} }
try {
  redis = await startRedis({ log: (line) => console.log(`[test] ${line}`) })
} catch (error) {
  console.error(`[test] no Redis for the cluster suites: ${error.message}`)
}

const runId = `${process.pid}_${Date.now()}`

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  if (process.env.DB_HOST) await dropRunTemplate().catch(() => {})
  await redis.stop().catch(() => {})
  await postgres.stop().catch(() => {})
  rmSync(dataDir, { recursive: true, force: true })
}

const jest = spawn(
  process.execPath,
  [
    join(root, "node_modules/jest/bin/jest.js"),
    ...parallelism(process.argv.slice(2)),
    "--forceExit",
    "--json",
    `--outputFile=${reportFile}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...withoutRedis(process.env),
      ...postgres.env,
      ...(redis.url ? { TEST_REDIS_URL: redis.url } : {}),
      // Names what this run shares across jest workers (the stacks' template database).
      TEST_RUN_ID: runId,
      // Medusa logs every migration of every suite at info; keep CI logs readable.
      LOG_LEVEL: process.env.LOG_LEVEL || "warn",
      NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
    },
  }
)

/*
 * One jest worker by default, as before; TEST_WORKERS=2 runs two. Suites share no
 * state (each Medusa suite has its own database, every server and sandbox its own free
 * port, every cluster its own Redis database), and on two cores two workers took the
 * suite of the time from about five and a half minutes to three and a half. But the
 * heavier fault and fidelity suites, paired on two cores, can outlast their own 180 s
 * hook timeouts, so the default stays one worker until they are lighter.
 */
function parallelism(args) {
  if (args.some((arg) => arg === "--runInBand" || arg === "-i" || arg.startsWith("--maxWorkers") || arg.startsWith("-w"))) return []
  const workers = Number(process.env.TEST_WORKERS || 1)
  return workers > 1 ? [`--maxWorkers=${workers}`] : ["--runInBand"]
}

/** On a Postgres of one's own (DB_HOST), what the run created must not stay behind. */
async function dropRunTemplate() {
  const { default: pg } = await import("pg")
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = postgres.env
  const client = new pg.Client({ host: DB_HOST, port: Number(DB_PORT), user: DB_USERNAME, password: DB_PASSWORD, database: "postgres" })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "komoju_stack_template_${runId}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

function withoutRedis(env) {
  const { REDIS_URL, MEDUSA_WORKER_MODE, ...rest } = env
  if (REDIS_URL) console.log(`[test] REDIS_URL (${redactUrl(REDIS_URL)}) goes to the cluster suites only, as TEST_REDIS_URL`)
  return rest
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => jest.kill(signal))
}

const code = await new Promise((resolve) => jest.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))))
await stop()

let summary = "0 passed, 0 failed"
try {
  const report = JSON.parse(readFileSync(reportFile, "utf8"))
  summary = `${report.numPassedTests} passed, ${report.numFailedTests + report.numRuntimeErrorTestSuites} failed`
  if (report.numPendingTests) summary += `, ${report.numPendingTests} skipped`
} catch {
  summary = "0 passed, 1 failed"
}
const faults = faultTable(faultDir)
if (faults) console.log(`\nFault suite (reports/fault-suite/table.md):\n${faults}\n`)
console.log(summary)
process.exit(code)
