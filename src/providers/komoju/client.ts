import { KomojuHttpClient, type KomojuLogger } from "../../lib/komoju"
import type { ResolvedKomojuOptions } from "./options"

/** The KOMOJU client for a provider's options: the provider's own, and the pipeline's. */
export function createKomojuClient(options: ResolvedKomojuOptions, logger: KomojuLogger): KomojuHttpClient {
  return new KomojuHttpClient({
    secretKey: options.secretKey,
    apiUrl: options.apiUrl,
    apiVersion: options.apiVersion,
    timeoutMs: options.requestTimeoutMs,
    maxRetries: options.maxRetries,
    logger,
  })
}
