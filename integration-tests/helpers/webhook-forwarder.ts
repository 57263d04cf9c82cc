import http, { type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"

export type ForwardedDelivery = {
  /** 1, 2, … in the order deliveries arrived. */
  seq: number
  method: string
  path: string
  /** The base URL the delivery was sent to. */
  target: string
  deliveryId: string | null
  event: string | null
  /** The target's answer, or null when it could not be reached (answered 502 then). */
  status: number | null
  error: string | null
}

export type WebhookForwarder = {
  /** http://127.0.0.1:port: give the sandbox `${url}/hooks/payment/komoju_komoju`. */
  url: string
  deliveries(): ForwardedDelivery[]
  close(): Promise<void>
}

// Hop-by-hop headers belong to one connection, not to the message (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "host",
  "content-length",
])

/**
 * A round-robin load balancer for webhooks, in front of several Medusa servers: each
 * delivery goes to the next target in turn, with its body byte for byte and its headers
 * (X-Komoju-ID, X-Komoju-Event, X-Komoju-Signature, content type, user agent) unchanged,
 * since the signature is computed over the raw body. The target's status and body are
 * handed back, so the sender's retries behave as they would without the balancer; a
 * target that cannot be reached is answered 502, and the retry goes to the next one.
 */
export async function startWebhookForwarder(targets: string[]): Promise<WebhookForwarder> {
  if (!targets.length) throw new Error("the webhook forwarder needs at least one target")
  const log: ForwardedDelivery[] = []
  let next = 0

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const body = Buffer.concat(chunks)
      const target = targets[next++ % targets.length]
      const entry: ForwardedDelivery = {
        seq: log.length + 1,
        method: req.method ?? "POST",
        path: req.url ?? "/",
        target,
        deliveryId: single(req.headers, "x-komoju-id"),
        event: single(req.headers, "x-komoju-event"),
        status: null,
        error: null,
      }
      log.push(entry)
      const headers: Record<string, string | string[]> = {}
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]
        if (HOP_BY_HOP.has(name.toLowerCase())) continue
        const value = req.rawHeaders[i + 1]
        const existing = headers[name]
        headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]
      }
      headers["content-length"] = String(body.length)
      const upstream = http.request(
        new URL(entry.path, target),
        { method: entry.method, headers },
        (answer) => {
          entry.status = answer.statusCode ?? null
          const back: Record<string, string | string[]> = {}
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) back[name] = value
          }
          res.writeHead(answer.statusCode ?? 502, back)
          answer.pipe(res)
        }
      )
      upstream.setTimeout(30_000, () => upstream.destroy(new Error("timed out")))
      upstream.on("error", (error) => {
        entry.error = error.message
        if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" })
        res.end(JSON.stringify({ message: `webhook forwarder: ${target} unreachable: ${error.message}` }))
      })
      upstream.end(body)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries: () => log.map((entry) => ({ ...entry })),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function single(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name]
  return (Array.isArray(value) ? value[0] : value) ?? null
}
