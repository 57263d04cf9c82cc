import { AsyncLocalStorage } from "node:async_hooks"
import type { KomojuSession } from "../../lib/komoju"

/**
 * A KOMOJU session the plugin's webhook pipeline or reconciliation has just read, inside
 * the payment session's sync lock, handed to the provider for the Medusa workflow that
 * the read led to (placing the order of a payment nobody came back for). The provider's
 * `authorizePayment` then checks that read instead of asking KOMOJU the same thing again
 * a few milliseconds later: the same checks (amount, currency, the method's currency),
 * on KOMOJU's copy, one round trip instead of two.
 */
type ReadBack = { session: KomojuSession; readAt: number }

/** Older than this, a handed-over read is not used: the provider reads KOMOJU itself. */
export const READ_BACK_MAX_AGE_MS = 10_000

const handedOver = new AsyncLocalStorage<ReadBack>()

/** Runs `work` with `session` (read from KOMOJU at `readAt`) handed to the provider. */
export function withKomojuReadBack<T>(session: KomojuSession, readAt: number, work: () => Promise<T>): Promise<T> {
  return handedOver.run({ session, readAt }, work)
}

/**
 * The session handed over for this call, if it is the one asked about and fresh. The
 * intent travels with the call itself (Medusa's payment module passes a provider nothing
 * of the caller's), so no other checkout can pick it up.
 */
export function komojuReadBackFor(komojuSessionId: string, now = Date.now()): KomojuSession | undefined {
  const readBack = handedOver.getStore()
  if (!readBack || readBack.session.id !== komojuSessionId) return undefined
  const age = now - readBack.readAt
  return age >= 0 && age <= READ_BACK_MAX_AGE_MS ? readBack.session : undefined
}
