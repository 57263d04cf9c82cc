import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { startSandbox, type Sandbox, type SandboxOptions } from "../src"

export const SECRET_KEY = "sk_123456"

export async function sandboxFor(options: SandboxOptions = {}): Promise<Sandbox & { call: typeof call }> {
  const sandbox = await startSandbox({ port: 0, secretKey: SECRET_KEY, seed: 1, ...options })
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const isForm = typeof body === "string"
    const response = await fetch(`${path.startsWith("/_sandbox") ? sandbox.url : sandbox.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${SECRET_KEY}:`).toString("base64")}`,
        ...(body === undefined ? {} : { "content-type": isForm ? "application/x-www-form-urlencoded" : "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }
  return Object.assign(sandbox, { call })
}

export const SESSION = { amount: 1200, currency: "JPY", return_url: "https://shop.test/return" }

export type Received = { headers: IncomingHttpHeaders; body: string }

/** A merchant's webhook endpoint that records what arrives and answers `status()`. */
export async function webhookReceiver(status: () => number = () => 200) {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") })
      res.writeHead(status()).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return {
    url,
    received,
    types: () => received.map((r) => JSON.parse(r.body).type as string),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
