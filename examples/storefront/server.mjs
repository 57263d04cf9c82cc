#!/usr/bin/env node
// The demo storefront's server: Vite's dev server over this folder. The Medusa backend
// URL and publishable key reach the browser app through Vite's `define`, as
// `__STOREFRONT_CONFIG__` (see src/config.ts): nothing is written to disk, and several
// storefronts can run in one process, each with its own backend (browser tests do).
//
//   node examples/storefront/server.mjs     PORT, MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY
//   import { startStorefront } from "./examples/storefront/server.mjs"
import { createServer as createHttpServer } from "node:http"
import { dirname, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { createServer as createViteServer, optimizeDeps, resolveConfig } from "vite"

const storefrontDir = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(storefrontDir, "../..")

/**
 * Starts the storefront on `localhost:port` (0 picks a free port) and resolves once it
 * answers. `url` is where to point the browser; `close()` stops the server.
 *
 * @param {{ port?: number, backendUrl?: string, publishableKey: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startStorefront({ port = 8000, backendUrl = "http://localhost:9000", publishableKey }) {
  if (!publishableKey) {
    throw new Error("The storefront needs Medusa's publishable key (MEDUSA_PUBLISHABLE_KEY)")
  }
  // Our own HTTP server with Vite as its middleware: it can listen on port 0 (Vite's own
  // server takes 0 for "the default, 5173"), and Vite's live reload shares its port.
  const httpServer = createHttpServer()
  const config = {
    configFile: false,
    root: storefrontDir,
    appType: "spa",
    // Its own cache, so the plugin's other Vite users (the admin) never invalidate it.
    cacheDir: resolve(repoRoot, "node_modules/.vite-storefront"),
    logLevel: "warn",
    clearScreen: false,
    define: { __STOREFRONT_CONFIG__: JSON.stringify({ backendUrl, publishableKey }) },
    // React without @vitejs/plugin-react: esbuild compiles the TSX.
    esbuild: { jsx: "automatic" },
    optimizeDeps: {
      // Exactly these, bundled before the server starts (below): a dependency found while
      // serving makes Vite reload the open page, which would cut a shopper's (or a
      // browser test's) checkout short.
      include: [
        "react",
        "react-dom/client",
        "react/jsx-runtime",
        "react/jsx-dev-runtime",
        "@medusajs/js-sdk",
      ],
      noDiscovery: true,
    },
    server: {
      middlewareMode: true,
      hmr: { server: httpServer },
      // The app imports the plugin's storefront helper from ../../src/storefront.
      fs: { allow: [repoRoot] },
      warmup: { clientFiles: ["./src/main.tsx"] },
    },
  }
  // On a cold cache the dev server would bundle the dependencies in the background, and
  // Vite 5 hangs when closed while it does; bundled first, the server finds them cached.
  await optimizeDeps(await resolveConfig(config, "serve"))
  const vite = await createViteServer(config)
  httpServer.on("request", vite.middlewares)
  try {
    await new Promise((ready, fail) => {
      httpServer.once("error", fail)
      httpServer.listen(port, "localhost", ready)
    })
  } catch (error) {
    await vite.close()
    throw error
  }

  // Vite compiles the app in the background (warmup). Waiting for it makes the first page
  // load quick, and lets close() find no compile under way: one still running adds file
  // watchers after close, which keep Node alive.
  await vite.waitForRequestsIdle()

  const address = httpServer.address()
  return {
    url: `http://localhost:${typeof address === "object" && address ? address.port : port}`,
    close: async () => {
      await vite.close()
      // Browsers keep connections open; do not wait for them to go idle.
      httpServer.closeAllConnections()
      await new Promise((closed) => httpServer.close(closed))
    },
  }
}

const runAsScript = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (runAsScript) {
  try {
    const storefront = await startStorefront({
      port: Number(process.env.PORT || 8000),
      backendUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
      publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY,
    })
    console.log(`storefront ready at ${storefront.url}`)
    const stop = async () => {
      await storefront.close()
      process.exit(0)
    }
    process.once("SIGINT", stop)
    process.once("SIGTERM", stop)
  } catch (error) {
    console.error(`storefront failed to start: ${error.message}`)
    process.exit(1)
  }
}
