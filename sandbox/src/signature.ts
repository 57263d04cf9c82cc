import { createHmac, timingSafeEqual } from "node:crypto"

/** KOMOJU's X-Komoju-Signature: lower-case hex HMAC-SHA256 of the exact body bytes. */
export function signWebhook(body: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex")
}

/** How a merchant should check it: over the raw bytes, in constant time, before parsing. */
export function verifyWebhookSignature(body: string | Buffer, signature: string | undefined, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false
  return timingSafeEqual(Buffer.from(signWebhook(body, secret), "hex"), Buffer.from(signature, "hex"))
}
