import { checkoutDetailsFromCart, type CartForKomoju } from "../checkout-details"

const tokyo = {
  first_name: "太郎",
  last_name: "山田",
  address_1: "千代田1-1",
  address_2: "",
  city: "千代田区",
  province: "東京都",
  postal_code: "100-0001",
  country_code: "jp",
}

const cart: CartForKomoju = {
  email: "taro@example.jp",
  items: [
    { title: "Matcha", variant_title: "100 g", variant_sku: "MATCHA-100", variant_id: "variant_1", quantity: 2, thumbnail: "https://cdn.test/m.png", total: 3300 },
    { title: "Whisk", variant_title: "Default variant", variant_id: "variant_2", quantity: 1, thumbnail: "/static/w.png", total: 1100 },
  ],
  shipping_methods: [{ name: "Yamato", total: 550 }],
  shipping_address: { ...tokyo, metadata: { name_kana: "やまだ　たろう" } },
  billing_address: { ...tokyo },
}

describe("checkoutDetailsFromCart", () => {
  it("maps items, shipping, both addresses, the buyer's name and the katakana reading", () => {
    expect(checkoutDetailsFromCart(cart)).toEqual({
      email: "taro@example.jp",
      lines: [
        { description: "Matcha (100 g)", quantity: 2, total: 3300, image: "https://cdn.test/m.png", external_product_num: "MATCHA-100" },
        { description: "Whisk", quantity: 1, total: 1100, image: undefined, external_product_num: "variant_2" },
        { description: "Yamato", quantity: 1, total: 550 },
      ],
      shippingAddress: { name: "山田 太郎", street_address1: "千代田1-1", city: "千代田区", state: "東京都", zipcode: "100-0001", country: "JP" },
      billingAddress: { name: "山田 太郎", street_address1: "千代田1-1", city: "千代田区", state: "東京都", zipcode: "100-0001", country: "JP" },
      name: "山田 太郎",
      nameKana: "ヤマダ タロウ",
    })
  })

  it("puts the given name first outside Japan and drops a reading that is not katakana", () => {
    const us = { first_name: "Jane", last_name: "Doe", address_1: "1 Main St", city: "Portland", province: "OR", postal_code: "97201", country_code: "us", metadata: { name_kana: "Jane" } }
    const details = checkoutDetailsFromCart({ items: [], shipping_address: us, billing_address: null })
    expect(details.name).toBe("Jane Doe")
    expect(details.nameKana).toBeUndefined()
    expect(details.billingAddress).toBeUndefined()
    expect(details.shippingAddress).toMatchObject({ country: "US", state: "OR" })
    expect(details.lines).toBeUndefined()
  })

  it("has no lines when Medusa gave a line without its total, and no address without a street (the name still counts)", () => {
    const details = checkoutDetailsFromCart({
      items: [{ title: "Matcha", quantity: 1, total: null }],
      shipping_address: { first_name: "太郎", country_code: "jp" },
    })
    expect(details.lines).toBeUndefined()
    expect(details.shippingAddress).toBeUndefined()
    expect(details.name).toBe("太郎")
  })
})
