import { createHmac, timingSafeEqual } from "node:crypto"
import { KomojuEventType, KomojuHeader } from "./constants"
import type { KomojuCustomer, KomojuEvent, KomojuPayment } from "./types"

export type WebhookHeaders = Record<string, unknown>

const HEX_SHA256 = /^[0-9a-f]{64}$/

/**
 * KOMOJU signs the exact bytes it sends: `X-Komoju-Signature` is the lower-case hex
 * HMAC-SHA256 of the raw body, keyed with the webhook secret. Checked over the raw bytes
 * (re-serialised JSON would differ), in constant time, before anything is parsed.
 */
export function isValidSignature(
  rawBody: Buffer | string,
  signature: string | undefined,
  secret: string
): boolean {
  if (!signature || !HEX_SHA256.test(signature)) {
    return false
  }
  const expected = createHmac("sha256", secret).update(rawBody).digest()
  return timingSafeEqual(expected, Buffer.from(signature, "hex"))
}

export function signBody(rawBody: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex")
}

export function headerValue(headers: WebhookHeaders | undefined, name: string) {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === wanted) {
      const first = Array.isArray(value) ? value[0] : value
      return typeof first === "string" ? first : undefined
    }
  }
  return undefined
}

/** Medusa hands the raw body as a Buffer, or as its JSON form after a queue hop. */
export function toRawBody(rawData: unknown): Buffer | undefined {
  if (Buffer.isBuffer(rawData)) return rawData
  if (typeof rawData === "string") return Buffer.from(rawData)
  if (
    typeof rawData === "object" &&
    rawData !== null &&
    (rawData as { type?: unknown }).type === "Buffer" &&
    Array.isArray((rawData as { data?: unknown }).data)
  ) {
    return Buffer.from((rawData as { data: number[] }).data)
  }
  return undefined
}

export function parseEvent(rawBody: Buffer): KomojuEvent | undefined {
  try {
    const event = JSON.parse(rawBody.toString("utf8"))
    if (typeof event?.type === "string" && typeof event?.id === "string") {
      return event as KomojuEvent
    }
  } catch {
    // fall through: a body that is not an event is treated like any unusable delivery
  }
  return undefined
}

export function eventPayment(event: KomojuEvent): KomojuPayment | undefined {
  const data = event.data as Partial<KomojuPayment> | undefined
  return data?.resource === "payment" && typeof data.id === "string"
    ? (data as KomojuPayment)
    : undefined
}

/** The customer a `customer.updated` or `customer.deleted` event is about (the plugin ignores `customer.created`: nothing is saved yet). */
export function eventCustomer(event: KomojuEvent): KomojuCustomer | undefined {
  const data = event.data as Partial<KomojuCustomer> | undefined
  const watched = event.type === KomojuEventType.CustomerUpdated || event.type === KomojuEventType.CustomerDeleted
  return watched && data?.resource === "customer" && typeof data.id === "string" ? (data as KomojuCustomer) : undefined
}

export function deliveryDescription(headers: WebhookHeaders | undefined): string {
  const id = headerValue(headers, KomojuHeader.DeliveryId) ?? "?"
  const type = headerValue(headers, KomojuHeader.Event) ?? "?"
  return `delivery ${id}, event ${type}`
}
