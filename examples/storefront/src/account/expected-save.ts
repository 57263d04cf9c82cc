import type { KomojuSavedMethod } from "../../../../src/storefront"

/**
 * A method the shopper asked to save is listed once KOMOJU confirms it (its
 * `customer.updated` webhook), which can be a moment after the order is placed. Until
 * then the shop remembers that one is on its way, and which methods were listed
 * before, so that the lists refresh until a new one shows up.
 */
const EXPECTED_SAVE_KEY = "storefront.expected_saved_method"

/** Long enough for KOMOJU's webhook; a payment left unfinished stops the waiting. */
const EXPECTED_WITHIN_MS = 60_000

type ExpectedSave = { since: number; listedBefore: string[] }

export function expectSavedMethod(listedBefore: KomojuSavedMethod[]) {
  const expected: ExpectedSave = { since: Date.now(), listedBefore: listedBefore.map((method) => method.id) }
  window.localStorage.setItem(EXPECTED_SAVE_KEY, JSON.stringify(expected))
}

export function forgetExpectedSave() {
  window.localStorage.removeItem(EXPECTED_SAVE_KEY)
}

/** Whether a saved method is still on its way, given what is listed now (forgotten once it is not). */
export function savedMethodExpected(listed: KomojuSavedMethod[], now = Date.now()): boolean {
  const expected = readExpectedSave()
  const waiting =
    expected !== null &&
    now - expected.since < EXPECTED_WITHIN_MS &&
    listed.every((method) => expected.listedBefore.includes(method.id))
  if (!waiting) forgetExpectedSave()
  return waiting
}

function readExpectedSave(): ExpectedSave | null {
  try {
    const expected = JSON.parse(window.localStorage.getItem(EXPECTED_SAVE_KEY) ?? "null")
    return typeof expected?.since === "number" && Array.isArray(expected.listedBefore) ? expected : null
  } catch {
    return null
  }
}
