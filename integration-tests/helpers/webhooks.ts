import { createHmac } from "node:crypto"
import type { KomojuEvent } from "../../sandbox/src"

/** The sandbox's default secret, which medusa-config.ts uses without KOMOJU keys. */
export const WEBHOOK_SECRET = "whsec_sandbox"
export const HOOK_PATH = "/hooks/payment/komoju_komoju"

export type Delivery = { body: string; headers: Record<string, string> }

/**
 * A delivery as KOMOJU sends one: the raw JSON body, signed (or not, or with another
 * secret), with its delivery id and event headers.
 */
export function delivery(
  event: KomojuEvent | Record<string, unknown>,
  { id = String(event.id), secret = WEBHOOK_SECRET as string | null, body = JSON.stringify(event) } = {}
): Delivery {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Komoju-Webhook",
    "x-komoju-id": id,
    "x-komoju-event": String(event.type),
  }
  if (secret) headers["x-komoju-signature"] = createHmac("sha256", secret).update(body).digest("hex")
  return { body, headers }
}

/** Posts a delivery to Medusa; resolves with the HTTP status and body, whatever they are. */
export async function post(baseUrl: string, { body, headers }: Delivery, path = HOOK_PATH): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, { method: "POST", headers, body })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: response.status, body: parsed }
}
