/** Set by server.mjs (Vite `define`) from MEDUSA_BACKEND_URL and MEDUSA_PUBLISHABLE_KEY. */
declare const __STOREFRONT_CONFIG__: { backendUrl: string; publishableKey: string }

export const config = __STOREFRONT_CONFIG__
