#!/usr/bin/env node
// `npm test`: every jest project (unit, sandbox, integration) in one run, against the
// Postgres DB_HOST names or an embedded one started here. Extra arguments go to jest.
// Ends with a plain "N passed, N failed" line computed from jest's JSON report.
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { faultTable } from "./lib/fault-table.mjs"
import { startPostgres } from "./lib/postgres.mjs"

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

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await postgres.stop().catch(() => {})
  rmSync(dataDir, { recursive: true, force: true })
}

const jest = spawn(
  process.execPath,
  [
    join(root, "node_modules/jest/bin/jest.js"),
    "--runInBand",
    "--forceExit",
    "--json",
    `--outputFile=${reportFile}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...postgres.env,
      // Medusa logs every migration of every suite at info; keep CI logs readable.
      LOG_LEVEL: process.env.LOG_LEVEL || "warn",
      NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
    },
  }
)

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
