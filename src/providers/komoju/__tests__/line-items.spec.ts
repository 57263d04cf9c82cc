import { komojuLineItems, type CartLine } from "../line-items"

const sum = (items: { amount: number; quantity: number }[]) => items.reduce((total, item) => total + item.amount * item.quantity, 0)

describe("komojuLineItems", () => {
  it("sends per-unit amounts in minor units that add up to the session amount (JPY)", () => {
    const lines: CartLine[] = [
      { description: "Matcha", quantity: 2, total: 3300, external_product_num: "MATCHA-1", image: "https://cdn.test/m.png" },
      { description: "Standard shipping", quantity: 1, total: 550 },
    ]
    expect(komojuLineItems(lines, 3850, "JPY")).toEqual([
      { description: "Matcha", quantity: 2, amount: 1650, external_product_num: "MATCHA-1", image: "https://cdn.test/m.png" },
      { description: "Standard shipping", quantity: 1, amount: 550 },
    ])
  })

  it("sends cents for USD, and a line with tax fractions rounded so that the lines add up", () => {
    // 19.99 × 2 with 8.875 % tax = 43.50825, shipping 5.00 + tax 0.44375: the cart's total
    // 48.952 rounds to 4895 cents, while each line rounded alone gives 4351 + 544 = 4895.
    const lines: CartLine[] = [
      { description: "Tea set", quantity: 2, total: "43.50825" },
      { description: "Shipping", quantity: 1, total: "5.44375" },
    ]
    const items = komojuLineItems(lines, 4895, "USD")!
    expect(sum(items)).toBe(4895)
    expect(items).toEqual([
      { description: "Tea set × 2", quantity: 1, amount: 4351 },
      { description: "Shipping", quantity: 1, amount: 544 },
    ])
  })

  it("rounds the lines with the largest fractions up when rounding each alone would not add up", () => {
    // Three lines of 3.333… yen each (a 10 yen discount over three): 10 in all.
    const third = "3.3333333333"
    const lines: CartLine[] = [
      { description: "A", quantity: 1, total: third },
      { description: "B", quantity: 1, total: "3.3333333334" },
      { description: "C", quantity: 1, total: third },
    ]
    expect(komojuLineItems(lines, 10, "JPY")!.map((item) => item.amount)).toEqual([3, 4, 3])
  })

  it("keeps discounts inside the item totals, as Medusa spreads them (USD, 10 % off and tax)", () => {
    // 3 × 12.50 = 37.50, 10 % off = 33.75, 10 % tax = 37.125; shipping 8.00 + 0.80.
    const lines: CartLine[] = [
      { description: "Cup", quantity: 3, total: "37.125" },
      { description: "Shipping", quantity: 1, total: "8.8" },
    ]
    const items = komojuLineItems(lines, 4593, "USD")!
    expect(sum(items)).toBe(4593)
    // 3712.5 cents round up to 3713, which three cups cannot share evenly.
    expect(items).toEqual([
      { description: "Cup × 3", quantity: 1, amount: 3713 },
      { description: "Shipping", quantity: 1, amount: 880 },
    ])
  })

  it("sends none when the lines cannot add up (a gift card pays part, a stale amount)", () => {
    const lines: CartLine[] = [{ description: "Matcha", quantity: 1, total: 3300 }]
    expect(komojuLineItems(lines, 2300, "JPY")).toBeUndefined()
    expect(komojuLineItems(lines, 3301, "JPY")).toBeUndefined()
  })

  it("sends none for a line without a usable total or quantity, or for no lines", () => {
    expect(komojuLineItems([{ description: "X", quantity: 1, total: "abc" }], 100, "JPY")).toBeUndefined()
    expect(komojuLineItems([{ description: "X", quantity: 0, total: 100 }], 100, "JPY")).toBeUndefined()
    expect(komojuLineItems([{ description: "X", quantity: 1, total: -100 }], 0, "JPY")).toBeUndefined()
    expect(komojuLineItems([], 100, "JPY")).toBeUndefined()
    expect(komojuLineItems(undefined, 100, "JPY")).toBeUndefined()
  })

  it("keeps a free line at zero and cuts long descriptions", () => {
    const items = komojuLineItems(
      [
        { description: "x".repeat(300), quantity: 1, total: 1000 },
        { description: "Free shipping", quantity: 1, total: 0 },
      ],
      1000,
      "JPY"
    )!
    expect(items[0].description).toHaveLength(255)
    expect(items[1]).toEqual({ description: "Free shipping", quantity: 1, amount: 0 })
  })
})
