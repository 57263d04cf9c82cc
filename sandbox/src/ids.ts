import { randomBytes, randomInt } from "node:crypto"

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

/**
 * KOMOJU-style ids: 25 lower-case alphanumerics. Drawn from crypto rather than the
 * seeded generator so that ids stay unique across restarts with a state file.
 */
export function komojuId(): string {
  return Array.from({ length: 25 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")
}

export function randomDigits(count: number): string {
  return Array.from(randomBytes(count), (byte) => String(byte % 10)).join("")
}
