import Medusa from "@medusajs/js-sdk"
import { config } from "./config"

/** The one Medusa client of the app; the helper's KOMOJU calls go through it too. */
export const sdk = new Medusa({
  baseUrl: config.backendUrl,
  publishableKey: config.publishableKey,
})
