// Mirrors of what the drop-ins import from dtc-starter's apps/storefront, so that CI can
// type-check them without a copy of the starter. Same names and signatures; don't copy.
// src/lib/config.ts
import Medusa from "@medusajs/js-sdk"

export const sdk = new Medusa({
  baseUrl: process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000",
  publishableKey: process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY,
})
