import { sandboxFor, webhookReceiver, type Receiver, type TestSandbox } from "./helpers"

let sandbox: TestSandbox
let receiver: Receiver

beforeEach(async () => {
  receiver = await webhookReceiver()
  sandbox = await sandboxFor({ webhookUrl: receiver.url, webhookRetry: { baseMs: 10 } })
})
afterEach(async () => {
  await sandbox.close()
  await receiver.close()
})

async function konbiniLifecycle() {
  const payment = await sandbox.paidPayment("konbini")
  await sandbox.call("POST", `/_sandbox/payments/${payment.id}/pay`, {})
  await sandbox.call("POST", `/_sandbox/payments/${payment.id}/refund`, {})
  await sandbox.webhooksIdle()
}

describe("payment.updated", () => {
  it("follows every specific payment event by default, with the same payment", async () => {
    await konbiniLifecycle()
    expect(receiver.types()).toEqual([
      "payment.authorized",
      "payment.updated",
      "payment.captured",
      "payment.updated",
      "payment.refund.created",
      "payment.updated",
      "payment.refunded",
      "payment.updated",
    ])
    const events = receiver.events()
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i + 1].data).toEqual(events[i].data)
      expect(events[i + 1].id).not.toBe(events[i].id)
    }
  })

  it("goes before the specific event with payment_updated_event: before", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { payment_updated_event: "before" })
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("POST", `/payments/${payment.id}/cancel`, {})
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["payment.updated", "payment.authorized", "payment.updated", "payment.cancelled"])
    expect(receiver.events()[2].data.status).toBe("cancelled")
  })

  it("is not sent with payment_updated_event: off", async () => {
    await sandbox.call("PATCH", "/_sandbox/config", { payment_updated_event: "off" })
    await konbiniLifecycle()
    expect(receiver.types()).toEqual(["payment.authorized", "payment.captured", "payment.refund.created", "payment.refunded"])
  })

  it("carries an expired status for a lapsed konbini payment (what KOMOJU's EC-CUBE plugin acts on)", async () => {
    const payment = await sandbox.paidPayment("konbini")
    await sandbox.call("POST", "/_sandbox/clock/advance", { days: 5 })
    await sandbox.webhooksIdle()
    expect(sandbox.events({ type: "payment.updated", payment: payment.id }).map((e) => (e.data as { status: string }).status)).toEqual(["authorized", "expired"])
  })

  it("is not sent for a ping", async () => {
    await sandbox.ping()
    await sandbox.webhooksIdle()
    expect(receiver.types()).toEqual(["ping"])
  })

  it("refuses an unknown order", async () => {
    expect((await sandbox.call("PATCH", "/_sandbox/config", { payment_updated_event: "sometimes" })).status).toBe(400)
  })
})
