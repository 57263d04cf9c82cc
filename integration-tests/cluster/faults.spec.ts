import type { KomojuEvent } from "../../sandbox/src"
import { Checkouts, shuffled, type Checkout, type CheckoutKind } from "../helpers/checkouts"
import { FaultFigures } from "../helpers/fault-figures"
import { httpApi } from "../helpers/http-admin"
import { startMedusaStack, type MedusaStack } from "../helpers/medusa-stack"
import { Shopper } from "../helpers/shopper"
import { delivery, post } from "../helpers/webhooks"

jest.setTimeout(600_000)

const figures = new FaultFigures("cluster")

/**
 * The fault suite's webhook parts on Medusa's production shape: two API servers and a
 * worker on one Postgres and one Redis, deliveries spread over both servers.
 */
describe("the fault suite on two servers and a worker", () => {
  let stack: MedusaStack
  let checkouts: Checkouts

  beforeAll(async () => {
    stack = await startMedusaStack({
      name: "cluster-faults",
      cluster: { servers: 2 },
      env: { LOG_LEVEL: "info" },
      sandbox: { config: { webhook: { retry_base_ms: 200 } } },
    })
    const admin = { headers: await stack.adminHeaders() }
    checkouts = new Checkouts({
      api: httpApi(stack.url),
      admin,
      // The shopper on the second server, KOMOJU's news through the balancer to either.
      shopper: new Shopper(stack.servers[1].url, stack.store.publishableKey),
      komoju: stack.komoju,
      store: stack.store,
    })
  })
  afterAll(() => stack?.close())

  /** Why a checkout is still wrong after the worker had 30 s to settle it, if it is. */
  async function settledProblem(checkout: Checkout): Promise<string | undefined> {
    const deadline = Date.now() + 30_000
    for (;;) {
      const problem = await checkouts.verify(checkout)
      if (!problem || Date.now() > deadline) return problem
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }

  async function verifyAll(list: Checkout[]) {
    const problems: string[] = []
    for (const checkout of list) {
      const problem = await settledProblem(checkout)
      if (problem) problems.push(`${checkout.kind} ${checkout.cartId}: ${problem}`)
    }
    return problems
  }

  it("every event of 10 checkouts delivered 3 times, shuffled, to both servers: one order and one capture each", async () => {
    await stack.komoju.configure({ webhook_url: null })
    const plan: [CheckoutKind, boolean][] = [
      ["card", true], ["card", false], ["card_manual", true], ["card_manual", true],
      ["konbini_paid", true], ["konbini_paid", false], ["konbini_expired", true], ["konbini_expired", true],
      ["dashboard_refund", true], ["dashboard_refund", false],
    ]
    const list: Checkout[] = []
    for (const [kind, returned] of plan) list.push(await checkouts.pay(kind, returned))
    for (const checkout of list) await checkouts.followUp(checkout)
    const events: KomojuEvent[] = list.flatMap((c) => stack.sandbox.events({ payment: c.komojuPaymentId }))
    const deliveries = shuffled([...events, ...events, ...events])
    for (let i = 0; i < deliveries.length; i += 4) {
      await Promise.all(deliveries.slice(i, i + 4).map((event, j) => post(stack.servers[(i + j) % 2].url, delivery(event))))
    }
    const problems = await verifyAll(list)
    figures.add({ check: `cluster: events of 10 checkouts delivered 3 times, shuffled, over 2 servers (${deliveries.length} deliveries)`, tried: list.length, held: list.length - problems.length, detail: problems.join("; ") || undefined })
    expect(problems).toEqual([])
  })

  it("the return to the shop racing the webhook through the balancer, 10 times", async () => {
    await stack.komoju.configure({ webhook_url: stack.webhookUrl })
    await stack.komoju.clearRequests()
    const list: Checkout[] = []
    for (let round = 0; round < 2; round++) list.push(...(await Promise.all(Array.from({ length: 5 }, () => checkouts.pay("card", true)))))
    await stack.sandbox.webhooksIdle()
    const problems = await verifyAll(list)
    const captureCalls = (await stack.komoju.requests()).filter((r) => r.method === "POST" && r.path.endsWith("/capture")).length
    figures.add({ check: "cluster: return to the shop racing the webhook", tried: list.length, held: captureCalls === 0 ? list.length - problems.length : 0 })
    expect(problems).toEqual([])
    expect(captureCalls).toBe(0)
  })

  it("every delivery dropped: two catch-up runs at once on the worker's side repair everything, one at a time", async () => {
    await stack.komoju.configure({ webhook_url: stack.webhookUrl, webhook: { drop_rate: 1 } })
    const list: Checkout[] = []
    for (const kind of ["card", "konbini_paid", "konbini_expired", "dashboard_refund"] as const) list.push(await checkouts.pay(kind, kind === "konbini_expired"))
    for (const checkout of list) await checkouts.followUp(checkout)
    await stack.sandbox.webhooksIdle()
    const broken = (await Promise.all(list.map((c) => checkouts.verify(c)))).filter(Boolean).length
    const outputs = await Promise.all([stack.exec("./scripts/komoju-catch-up.ts"), stack.exec("./scripts/komoju-catch-up.ts")])
    const ran = outputs.filter((o) => o.includes("KOMOJU catch-up:")).length
    const skipped = outputs.filter((o) => o.includes("skipped: another instance is running it")).length
    const problems = await verifyAll(list)
    figures.add({
      check: `cluster: every delivery dropped (${broken} checkouts left wrong), two catch-up runs at once (${ran} ran, ${skipped} stood aside)`,
      tried: list.length,
      held: list.length - problems.length,
      detail: problems.join("; ") || undefined,
    })
    expect(broken).toBeGreaterThan(0)
    expect(problems).toEqual([])
    await stack.komoju.configure({ webhook: { drop_rate: 0 } })
  })
})
