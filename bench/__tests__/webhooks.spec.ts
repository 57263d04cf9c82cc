import type { KomojuEvent } from "../../sandbox/src"
import { deliveryList } from "../webhooks"

const event = (id: string): KomojuEvent => ({ id, type: "payment.captured", resource: "event", data: { id: `pay_${id}` } } as unknown as KomojuEvent)

describe("the webhook burst's deliveries", () => {
  const events = ["a", "b", "c", "d", "e"].map(event)

  it("sends every event at least once, the rest as repeats, to the number asked", () => {
    const list = deliveryList(events, 23)
    expect(list).toHaveLength(23)
    const ids = list.map((d) => JSON.parse(d.body).id)
    expect(new Set(ids)).toEqual(new Set(["a", "b", "c", "d", "e"]))
  })

  it("repeats a delivery as KOMOJU retries one: the same X-Komoju-ID, signed, in the same order every run", () => {
    const list = deliveryList(events, 10)
    expect(new Set(list.map((d) => d.headers["x-komoju-id"]))).toEqual(new Set(["a", "b", "c", "d", "e"]))
    expect(list.every((d) => /^[0-9a-f]{64}$/.test(d.headers["x-komoju-signature"]))).toBe(true)
    expect(deliveryList(events, 10)).toEqual(list)
  })
})
