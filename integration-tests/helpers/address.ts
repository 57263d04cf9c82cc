/** The shopper's address in every test checkout: Tokyo, in the shape Medusa's store API takes. */
export const TOKYO_ADDRESS = {
  first_name: "太郎",
  last_name: "山田",
  address_1: "1-1 Chiyoda",
  city: "Chiyoda-ku",
  province: "Tokyo",
  postal_code: "100-0001",
  country_code: "jp",
}
