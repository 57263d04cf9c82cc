import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { basename, join } from "node:path"
import { ROOT } from "../helpers/medusa-server"
import { run, step } from "./steps"

/**
 * A Medusa 2.21 app as `create-medusa-app` makes one, with nothing in it but the plugin
 * installed from its tarball: Medusa's packages at the versions this repository is
 * tested with (its package-lock), what `medusa build` needs (TypeScript, SWC, Vite,
 * React), create-medusa-app's tsconfig, and a medusa-config.ts made of README.md's
 * merchant install block.
 */
const MEDUSA_PACKAGES = ["@medusajs/admin-sdk", "@medusajs/cli", "@medusajs/framework", "@medusajs/medusa"]
const BUILD_PACKAGES = ["@swc/core", "@types/node", "react", "react-dom", "ts-node", "typescript", "vite"]

function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"))
  const version = lock.packages[`node_modules/${name}`]?.version
  if (!version) throw new Error(`package-lock.json has no ${name}`)
  return version
}

const versions = (names: string[]): Record<string, string> => Object.fromEntries(names.map((name) => [name, lockedVersion(name)]))

const TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    baseUrl: ".",
    resolveJsonModule: true,
    checkJs: false,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
}

/** create-medusa-app's projectConfig, in place of the README block's `// ...`. */
const PROJECT_CONFIG = `  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
`

/**
 * README.md's merchant `medusa-config.ts`, as printed there, with the two provider
 * options the README adds for a test setup and a storefront that sends no return URL:
 * `apiUrl` (the Options table: "point it at the sandbox in tests") and `returnUrl`.
 */
export function merchantConfig(readme = readFileSync(join(ROOT, "README.md"), "utf8")): string {
  const section = readme.indexOf("## Install into an existing Medusa app (merchants)")
  const block = section >= 0 ? /```ts\n([\s\S]*?)```/.exec(readme.slice(section)) : null
  if (!block) throw new Error("README.md: no ```ts block under \"Install into an existing Medusa app (merchants)\"")
  let config = block[1]
  const anchors = ["  // ...\n", "webhookSecret: process.env.KOMOJU_WEBHOOK_SECRET,\n"]
  for (const anchor of anchors) {
    if (!config.includes(anchor)) throw new Error(`README.md's merchant medusa-config.ts no longer has ${JSON.stringify(anchor.trim())}`)
  }
  config = config.replace(anchors[0], PROJECT_CONFIG)
  config = config.replace(/^( *)webhookSecret: process\.env\.KOMOJU_WEBHOOK_SECRET,\n/m, (line, indent: string) =>
    `${line}${indent}apiUrl: process.env.KOMOJU_API_URL,\n${indent}returnUrl: process.env.KOMOJU_RETURN_URL,\n`
  )
  return `import { defineConfig, loadEnv } from "@medusajs/framework/utils"\n\nloadEnv(process.env.NODE_ENV || "development", process.cwd())\n\n${config}`
}

/** Writes the app into `dir`, next to the tarball (named as `file:../<tarball>`), and installs it. */
export async function createBareApp(dir: string, tarball: string): Promise<void> {
  mkdirSync(join(dir, "src/scripts"), { recursive: true })
  const manifest = {
    name: "bare-medusa-app",
    version: "0.0.1",
    private: true,
    scripts: { build: "medusa build", start: "medusa start", dev: "medusa develop" },
    dependencies: { ...versions(MEDUSA_PACKAGES), "medusa-payment-komoju": `file:../${basename(tarball)}` },
    devDependencies: versions(BUILD_PACKAGES),
    engines: { node: ">=20" },
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n")
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2) + "\n")
  writeFileSync(join(dir, "medusa-config.ts"), merchantConfig())
  copyFileSync(join(__dirname, "bare-app/seed.ts"), join(dir, "src/scripts/seed.ts"))
  step(`npm install in the bare app (Medusa ${lockedVersion("@medusajs/medusa")} + the tarball)`)
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir })
}

/**
 * Medusa's deployment: `medusa build`, then production dependencies only in the
 * standalone `.medusa/server`, where the app is migrated, seeded and started. Resolves
 * with that directory.
 */
export async function buildForProduction(dir: string, tarball: string, env: NodeJS.ProcessEnv): Promise<string> {
  step("npx medusa build (backend and admin, with the plugin's admin extensions)")
  await run("npx", ["medusa", "build"], { cwd: dir, env })
  const server = join(dir, ".medusa/server")
  // The copied package.json and lockfile name the tarball relative to the app; there it
  // stands in for the registry a merchant installs from.
  copyFileSync(tarball, join(dir, ".medusa", basename(tarball)))
  step("npm install --omit=dev in .medusa/server")
  await run("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: server, env })
  return server
}
