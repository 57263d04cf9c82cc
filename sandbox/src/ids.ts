import { randomBytes } from "node:crypto"

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

/** KOMOJU-style ids: 25 lower-case alphanumerics. */
export function komojuId(): string {
  const bytes = randomBytes(25)
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("")
}

export function digits(count: number): string {
  return Array.from(randomBytes(count), (b) => String(b % 10)).join("")
}
