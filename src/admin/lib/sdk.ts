import Medusa from "@medusajs/js-sdk"

/** "/" when the backend serves the admin itself (Medusa's default). */
const backendUrl = __BACKEND_URL__ || "/"

/** The JS SDK set up for admin extensions: same backend and session cookie as the dashboard. */
export const sdk = new Medusa({
  baseUrl: backendUrl,
  auth: { type: "session" },
})

/**
 * The backend's public origin, which KOMOJU must reach for webhooks: the page's own
 * origin when the backend serves the admin, or the origin of a separately configured
 * backend URL.
 */
export function backendOrigin(): string {
  return new URL(backendUrl, window.location.origin).origin
}
