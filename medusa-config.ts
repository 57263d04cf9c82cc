import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development, demo and test app. It loads the plugin from source (`src/` is this
 * app's own `src/`), so no `plugins` entry is needed here; a merchant's app lists the
 * package under `plugins` instead (see README).
 *
 * Without KOMOJU keys it talks to the bundled KOMOJU sandbox with the sandbox's keys, so
 * that a fresh clone can migrate, boot and check out with no KOMOJU account.
 */
const SANDBOX = {
  secretKey: "sk_test_sandbox",
  webhookSecret: "whsec_sandbox",
  apiUrl: `http://127.0.0.1:${process.env.KOMOJU_SANDBOX_PORT || 4010}/api/v1`,
}

const usingRealKomoju = Boolean(process.env.KOMOJU_SECRET_KEY)

/**
 * Medusa's production shape, when REDIS_URL is set: API servers and a worker
 * (MEDUSA_WORKER_MODE `server`, `worker` or `shared`) sharing one Postgres and one Redis
 * for events, workflows, locks, caches and admin sessions. Without REDIS_URL, Medusa's
 * embedded defaults (in-memory event bus, workflow engine, locking and cache): one
 * process doing everything, as the demo and most tests run.
 */
const redisUrl = process.env.REDIS_URL || undefined
const WORKER_MODES = ["shared", "worker", "server"] as const
type WorkerMode = (typeof WORKER_MODES)[number]
const workerModeEnv = process.env.MEDUSA_WORKER_MODE || undefined
if (redisUrl && workerModeEnv && !WORKER_MODES.includes(workerModeEnv as WorkerMode)) {
  throw new Error(`MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")}, not "${workerModeEnv}"`)
}
const workerMode = workerModeEnv as WorkerMode | undefined

const redisModules = (url: string) => [
  {
    resolve: "@medusajs/medusa/event-bus-redis",
    options: { redisUrl: url },
  },
  {
    resolve: "@medusajs/medusa/workflow-engine-redis",
    options: { redis: { redisUrl: url } },
  },
  {
    resolve: "@medusajs/medusa/locking",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/locking-redis",
          id: "locking-redis",
          is_default: true,
          options: { redisUrl: url },
        },
      ],
    },
  },
  // The caching module (core caching is behind Medusa's MEDUSA_FF_CACHING flag) and the
  // older cache module, which the auth module still uses.
  {
    resolve: "@medusajs/medusa/caching",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/caching-redis",
          id: "caching-redis",
          is_default: true,
          options: { redisUrl: url },
        },
      ],
    },
  },
  {
    resolve: "@medusajs/medusa/cache-redis",
    options: { redisUrl: url },
  },
]

const storefrontPort = process.env.STOREFRONT_PORT || 8000
const medusaPort = process.env.PORT || 9000
const DEV_CORS = [
  `http://localhost:${storefrontPort}`,
  `http://127.0.0.1:${storefrontPort}`,
  `http://localhost:${medusaPort}`,
].join(",")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    ...(redisUrl ? { redisUrl, workerMode } : {}),
    http: {
      storeCors: process.env.STORE_CORS || DEV_CORS,
      adminCors: process.env.ADMIN_CORS || DEV_CORS,
      authCors: process.env.AUTH_CORS || DEV_CORS,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    // A worker serves no HTTP routes, so no admin either.
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true" || (Boolean(redisUrl) && workerMode === "worker"),
  },
  modules: [
    // A merchant's app gets this module from the plugin entry; here it is loaded from source.
    { resolve: "./src/modules/komoju" },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // Core waits this long before handling a webhook (its default is 5 s); the demo
        // and tests shorten it.
        webhook_delay: Number(process.env.PAYMENT_WEBHOOK_DELAY_MS) || 5000,
        providers: [
          {
            resolve: "./src/providers/komoju",
            id: "komoju",
            options: {
              secretKey: process.env.KOMOJU_SECRET_KEY || SANDBOX.secretKey,
              webhookSecret: process.env.KOMOJU_WEBHOOK_SECRET || SANDBOX.webhookSecret,
              apiUrl:
                process.env.KOMOJU_API_URL ||
                (usingRealKomoju ? undefined : SANDBOX.apiUrl),
              apiVersion: process.env.KOMOJU_API_VERSION || undefined,
              captureMode: process.env.KOMOJU_CAPTURE_MODE || undefined,
              returnUrl: process.env.KOMOJU_RETURN_URL || undefined,
              defaultLocale: process.env.KOMOJU_DEFAULT_LOCALE || undefined,
            },
          },
        ],
      },
    },
    ...(redisUrl ? redisModules(redisUrl) : []),
  ],
})
