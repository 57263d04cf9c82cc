import { KomojuError } from "../../lib/komoju"

/**
 * What KOMOJU holds after a write failed, read back so the caller decides from the
 * payment's status rather than from the error: a capture, refund or cancel may have
 * been done with its answer lost (a timeout after KOMOJU processed it), or refused
 * because it was done already. KOMOJU's published error table has only
 * `unprocessable_entity` for a payment in the wrong state (its own plugins also see
 * `not_capturable`, `not_refundable`, `not_cancellable`), so no code is trusted.
 * Anything but a KOMOJU error, or a failed read, rethrows the original error.
 */
export async function readBackAfter<T>(error: unknown, read: () => Promise<T>): Promise<T> {
  if (!(error instanceof KomojuError)) throw error
  try {
    return await read()
  } catch {
    throw error
  }
}
