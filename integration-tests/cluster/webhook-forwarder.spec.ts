import { createHmac } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import { startWebhookForwarder, type WebhookForwarder } from "../helpers/webhook-forwarder"

type Received = { server: number; path: string; headers: http.IncomingHttpHeaders; body: Buffer }

/** The round-robin forwarder the cluster suites put between the sandbox and the servers. */
describe("webhook forwarder", () => {
  const received: Received[] = []
  const servers: http.Server[] = []
  const urls: string[] = []
  let forwarder: WebhookForwarder

  beforeAll(async () => {
    for (const [index, status] of [[1, 200], [2, 401]] as const) {
      const server = http.createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on("data", (chunk: Buffer) => chunks.push(chunk))
        req.on("end", () => {
          received.push({ server: index, path: req.url!, headers: req.headers, body: Buffer.concat(chunks) })
          res.writeHead(status, { "content-type": "application/json", "x-answered-by": String(index) })
          res.end(JSON.stringify({ server: index }))
        })
      })
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
      servers.push(server)
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    }
    forwarder = await startWebhookForwarder(urls)
  })

  afterAll(async () => {
    await forwarder?.close()
    for (const server of servers) await new Promise((resolve) => server.close(resolve))
  })

  function deliver(body: Buffer, id: string) {
    return fetch(`${forwarder.url}/hooks/payment/komoju_komoju?x=1`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "KOMOJU-Webhook/1.0",
        "X-Komoju-ID": id,
        "X-Komoju-Event": "payment.captured",
        "X-Komoju-Signature": createHmac("sha256", "whsec_sandbox").update(body).digest("hex"),
      },
      body,
    })
  }

  it("alternates deliveries between the targets, body and KOMOJU headers unchanged, answers passed back", async () => {
    // Spacing, key order, escapes and multi-byte characters a re-serialisation would change.
    const bodies = [
      Buffer.from('{"id":"evt_1", "type":"payment.captured","data":{"amount":1700,"note":"\\u00e9 東京"}}'),
      Buffer.from('{\n  "type": "payment.captured",\n  "id": "evt_2"\n}\n'),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82, 0xac, 0x22, 0x7d]),
    ]
    const answers = []
    for (const [i, body] of bodies.entries()) {
      const response = await deliver(body, `evt_${i + 1}`)
      answers.push({ status: response.status, by: response.headers.get("x-answered-by"), body: await response.json() })
    }

    expect(received.map((r) => r.server)).toEqual([1, 2, 1])
    expect(answers).toEqual([
      { status: 200, by: "1", body: { server: 1 } },
      { status: 401, by: "2", body: { server: 2 } },
      { status: 200, by: "1", body: { server: 1 } },
    ])
    received.forEach((r, i) => {
      expect(r.body.equals(bodies[i])).toBe(true)
      expect(r.path).toBe("/hooks/payment/komoju_komoju?x=1")
      expect(r.headers).toMatchObject({
        "content-type": "application/json",
        "user-agent": "KOMOJU-Webhook/1.0",
        "x-komoju-id": `evt_${i + 1}`,
        "x-komoju-event": "payment.captured",
        "x-komoju-signature": createHmac("sha256", "whsec_sandbox").update(bodies[i]).digest("hex"),
        "content-length": String(bodies[i].length),
      })
    })
    expect(forwarder.deliveries().map((d) => [d.target, d.deliveryId, d.status])).toEqual([
      [urls[0], "evt_1", 200],
      [urls[1], "evt_2", 401],
      [urls[0], "evt_3", 200],
    ])
  })

  it("answers 502 for a target that cannot be reached, and sends the next delivery on", async () => {
    const gone = http.createServer()
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", () => resolve()))
    const goneUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`
    await new Promise((resolve) => gone.close(resolve))
    const partial = await startWebhookForwarder([goneUrl, urls[0]])
    try {
      const first = await fetch(`${partial.url}/hooks/payment/komoju_komoju`, { method: "POST", body: "{}" })
      expect(first.status).toBe(502)
      const second = await fetch(`${partial.url}/hooks/payment/komoju_komoju`, { method: "POST", body: "{}" })
      expect(second.status).toBe(200)
      expect(partial.deliveries().map((d) => [d.target, d.status, Boolean(d.error)])).toEqual([
        [goneUrl, null, true],
        [urls[0], 200, false],
      ])
    } finally {
      await partial.close()
    }
  })
})
