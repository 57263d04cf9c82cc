import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { startSandbox, type Sandbox, type SandboxOptions } from "../index"

/** The key of KOMOJU's own samples; any sk_… key given as secretKey is accepted. */
export const SECRET_KEY = "sk_123456"
export const BASIC = `Basic ${Buffer.from(`${SECRET_KEY}:`).toString("base64")}`

export type Reply = { status: number; body: any; headers: Headers }
export type TestSandbox = Sandbox & {
  /** A KOMOJU API call (`/sessions`, …) or, for paths under /_sandbox, a control call. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>
  /** Creates a session through the API and returns it. */
  createSession(extra?: Record<string, unknown>, headers?: Record<string, string>): Promise<any>
  /** Creates a session and pays it through the control API; returns the payment. */
  paidPayment(paymentType?: string, complete?: Record<string, unknown>, sessionExtra?: Record<string, unknown>): Promise<any>
}

export const SESSION = { amount: 1200, currency: "JPY", return_url: "https://shop.example/return" }

export async function sandboxFor(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, secretKey: SECRET_KEY, seed: 1, pingOnStart: false, ...options })
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const isForm = typeof body === "string"
    const response = await fetch(`${path.startsWith("/_sandbox") ? sandbox.url : sandbox.apiUrl}${path}`, {
      method,
      headers: {
        authorization: BASIC,
        ...(body === undefined ? {} : { "content-type": isForm ? "application/x-www-form-urlencoded" : "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers }
  }
  async function createSession(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const reply = await call("POST", "/sessions", { ...SESSION, ...extra }, headers)
    if (reply.status !== 200) throw new Error(`session not created: ${JSON.stringify(reply.body)}`)
    return reply.body
  }
  async function paidPayment(paymentType = "credit_card", complete: Record<string, unknown> = {}, sessionExtra: Record<string, unknown> = {}) {
    const session = await createSession(sessionExtra)
    const reply = await call("POST", `/_sandbox/sessions/${session.id}/complete`, { payment_type: paymentType, ...complete })
    if (reply.status !== 200) throw new Error(`session not paid: ${JSON.stringify(reply.body)}`)
    return reply.body.payment
  }
  return Object.assign(sandbox, { call, createSession, paidPayment })
}

export type Received = { headers: IncomingHttpHeaders; body: string }

/**
 * A merchant's webhook endpoint: records every request and answers with the next status
 * from `statuses` (the last one repeats), so retries are deterministic.
 */
export async function webhookReceiver(statuses: number[] = [200]) {
  const received: Received[] = []
  const answers = [...statuses]
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk) => chunks.push(chunk))
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") })
      const status = answers.length > 1 ? answers.shift()! : answers[0]
      res.writeHead(status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/komoju`
  return {
    url,
    received,
    events: () => received.map((r) => JSON.parse(r.body)),
    types: () => received.map((r) => JSON.parse(r.body).type as string),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type Receiver = Awaited<ReturnType<typeof webhookReceiver>>
