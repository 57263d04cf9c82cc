import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { ROOT } from "../helpers/medusa-server"
import { run, step } from "./steps"

export type PackedPlugin = { tarball: string; files: string[] }

/** The newest modification time under `dir`, tests left out (they are not built). */
function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "__tests__") continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * `npx medusa plugin:build` when `.medusa/server` is missing or older than `src/` (it is
 * created afresh by every build, so its own time is the build's), as after a fresh clone
 * or an edit; `.ci/run` has built it already.
 */
export async function ensurePluginBuild(): Promise<void> {
  const built = join(ROOT, ".medusa/server")
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(join(ROOT, "src"))) {
    step("plugin build is up to date (.medusa/server)")
    return
  }
  step("npx medusa plugin:build")
  await run("npx", ["medusa", "plugin:build"], { cwd: ROOT })
}

/** `npm pack` into `dir` (its prepack script builds the sandbox); the tarball and the files it holds. */
export async function packPlugin(dir: string): Promise<PackedPlugin> {
  step("npm pack (prepack: npm run build:sandbox)")
  const out = await run("npm", ["pack", "--json", "--pack-destination", dir], { cwd: ROOT })
  const [packed] = JSON.parse(out.slice(out.indexOf("["))) as { filename: string; files: { path: string }[] }[]
  return { tarball: join(dir, packed.filename), files: packed.files.map((f) => f.path) }
}

/** What must never ship: tests, their fixtures and helpers, and source maps of them. */
const TEST_ONLY = [/(^|\/)__tests__\//, /\.(spec|test)\.[cm]?[jt]sx?(\.map)?$/, /(^|\/)integration-tests\//, /(^|\/)__?fixtures?__?\//, /(^|\/)fixtures?\//]

export function testFilesIn(files: string[]): string[] {
  return files.filter((path) => TEST_ONLY.some((pattern) => pattern.test(path)))
}
