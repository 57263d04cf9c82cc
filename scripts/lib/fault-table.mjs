// The fault suite's figures (reports/fault-suite/*.json, written by the suites) as one
// table: what was tried, how many held. Printed after `npm test`, kept for the README.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

export function faultTable(dir) {
  if (!existsSync(dir)) return null
  const rows = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .flatMap((file) => JSON.parse(readFileSync(join(dir, file), "utf8")))
  if (!rows.length) return null
  const lines = [
    "| fault | tried | held |",
    "| --- | ---: | ---: |",
    ...rows.map((row) => `| ${row.check}${row.detail ? ` — ${row.detail}` : ""} | ${row.tried} | ${row.held} |`),
  ]
  const table = lines.join("\n")
  writeFileSync(join(dir, "table.md"), `${table}\n`)
  return table
}
