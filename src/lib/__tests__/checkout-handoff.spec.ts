import { Handoff } from "../checkout-handoff"

describe("Handoff", () => {
  it("gives a value once, for its own token only", () => {
    const handoff = new Handoff<{ n: number }>()
    const token = handoff.give({ n: 1 })
    expect(handoff.take("another")).toBeUndefined()
    expect(handoff.take(undefined)).toBeUndefined()
    expect(handoff.take(token)).toEqual({ n: 1 })
    expect(handoff.take(token)).toBeUndefined()
  })

  it("drops what nobody took within a minute", () => {
    let now = 0
    const handoff = new Handoff<string>(() => now)
    const late = handoff.give("late")
    now = 60_001
    expect(handoff.take(late)).toBeUndefined()
    handoff.give("a")
    const forgotten = handoff.give("b")
    now = 130_000
    handoff.give("c")
    expect(handoff.size).toBe(1)
    expect(handoff.take(forgotten)).toBeUndefined()
  })
})
