#!/usr/bin/env node
// The storefront helper as a storefront gets it (run after `npx medusa plugin:build`):
// packs the plugin, installs the tarball into an empty project with plain `npm install`,
// and checks that
// - nothing else is installed with it (the Medusa server packages are optional peers);
// - `import … from "medusa-payment-komoju/storefront"` type-checks under moduleResolution
//   node (which ignores `exports`), node16 (CommonJS and ESM) and bundler;
// - it loads at runtime with require() and import();
// - the dtc-starter drop-ins type-check against the packed package under the starter's
//   tsconfig (examples/dtc-starter/tsconfig.json without its path to the helper's source).
import { spawnSync } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

const root = resolve(new URL("..", import.meta.url).pathname)
const tsc = join(root, "node_modules/typescript/bin/tsc")
const work = mkdtempSync(join(tmpdir(), "storefront-package-"))
const problems = []

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 32 * 1024 * 1024 })
  return { ok: result.status === 0, stdout: result.stdout ?? "", output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() }
}
function check(what, { ok, output }) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`)
  if (!ok) problems.push(`${what}\n${output}`)
  return ok
}

try {
  if (!existsSync(join(root, ".medusa/server/src/storefront/index.js"))) {
    throw new Error("no build: run `npx medusa plugin:build` first")
  }
  const packed = run("npm", ["pack", "--json", "--pack-destination", work], root)
  if (!packed.ok) throw new Error(`npm pack failed\n${packed.output}`)
  const tarball = join(work, JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[")))[0].filename)

  const consumer = join(work, "storefront")
  mkdirSync(consumer)
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "storefront", version: "1.0.0", private: true }))
  check("npm install <tarball> (plain, no flags)", run("npm", ["install", "--no-audit", "--no-fund", tarball], consumer))
  const installed = readdirSync(join(consumer, "node_modules")).filter((name) => !name.startsWith("."))
  const listed = installed.length > 8 ? `${installed.slice(0, 8).join(", ")} and ${installed.length - 8} more` : installed.join(", ")
  check(`installs the package alone (node_modules: ${listed})`, {
    ok: installed.length === 1 && installed[0] === "medusa-payment-komoju",
    output: `node_modules holds ${installed.length} packages`,
  })

  const probe = `import { completeKomojuCheckout, describeSavedMethod, listSavedMethods, paymentInstructions, payWithSavedMethod, startKomojuPayment, type KomojuCheckoutResult } from "medusa-payment-komoju/storefront"
export const used: [typeof startKomojuPayment, typeof completeKomojuCheckout] = [startKomojuPayment, completeKomojuCheckout]
export const oneClick: [typeof listSavedMethods, typeof payWithSavedMethod] = [listSavedMethods, payWithSavedMethod]
export const receipt: string | undefined = paymentInstructions({ payment_details: { receipt: "1" } }).receipt
export const label: string = describeSavedMethod({ id: "1", payment_type: "paypay", brand: null, last_four: null, month: null, year: null, created_at: "" }, "en")
export type Result = KomojuCheckoutResult["status"]
`
  writeFileSync(join(consumer, "probe.ts"), probe)
  writeFileSync(join(consumer, "probe.cts"), probe)
  writeFileSync(join(consumer, "probe.mts"), probe)
  const options = { strict: true, noEmit: true, skipLibCheck: false, lib: ["ES2022", "DOM"], types: [] }
  const configs = {
    node: { module: "commonjs", moduleResolution: "node", files: ["probe.ts"] },
    node16: { module: "node16", moduleResolution: "node16", files: ["probe.cts", "probe.mts"] },
    bundler: { module: "esnext", moduleResolution: "bundler", files: ["probe.ts"] },
  }
  for (const [name, { files, ...resolution }] of Object.entries(configs)) {
    const file = `tsconfig.${name}.json`
    writeFileSync(join(consumer, file), JSON.stringify({ compilerOptions: { ...options, ...resolution }, files }))
    check(`types resolve under moduleResolution ${name}`, run(process.execPath, [tsc, "-p", file], consumer))
  }

  const loads = "m => { if (typeof m.startKomojuPayment !== 'function') throw new Error('no startKomojuPayment') }"
  check("require('medusa-payment-komoju/storefront')", run(process.execPath, ["-e", `(${loads})(require("medusa-payment-komoju/storefront"))`], consumer))
  check(
    "import('medusa-payment-komoju/storefront')",
    run(process.execPath, ["--input-type=module", "-e", `import("medusa-payment-komoju/storefront").then(${loads})`], consumer)
  )

  // The drop-ins, against the packed package, under the starter's compiler options.
  const dropIns = join(consumer, "dtc-starter")
  cpSync(join(root, "examples/dtc-starter"), dropIns, { recursive: true })
  const config = JSON.parse(readFileSync(join(dropIns, "tsconfig.json"), "utf8"))
  delete config.compilerOptions.paths["medusa-payment-komoju/storefront"]
  writeFileSync(join(dropIns, "tsconfig.json"), JSON.stringify(config, null, 2))
  // What the starter depends on (React, Medusa's types and js-sdk), from this repository.
  for (const name of ["react", "@types", "@medusajs"]) {
    symlinkSync(join(root, "node_modules", name), join(consumer, "node_modules", name))
  }
  check("dtc-starter drop-ins type-check against the packed package", run(process.execPath, [tsc, "-p", "tsconfig.json"], dropIns))
} catch (error) {
  problems.push(error.message)
} finally {
  rmSync(work, { recursive: true, force: true })
}

if (problems.length) {
  console.error(`\nthe storefront package has problems:\n\n${problems.join("\n\n")}`)
  process.exit(1)
}
console.log("the storefront helper installs, resolves and type-checks as a storefront gets it")
