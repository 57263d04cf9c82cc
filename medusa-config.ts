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
    http: {
      storeCors: process.env.STORE_CORS || DEV_CORS,
      adminCors: process.env.ADMIN_CORS || DEV_CORS,
      authCors: process.env.AUTH_CORS || DEV_CORS,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
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
  ],
})
