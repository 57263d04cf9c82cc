import { komojuProviderIdOf } from "../komoju-provider-config"

describe("komojuProviderIdOf", () => {
  it("reads the id a KOMOJU provider was registered with from Medusa's provider id", () => {
    expect(komojuProviderIdOf("pp_komoju_komoju")).toBe("komoju")
    expect(komojuProviderIdOf("pp_komoju_jp_store")).toBe("jp_store")
  })

  it("gives nothing for other providers, or for the bare prefix", () => {
    for (const other of ["pp_system_default", "pp_stripe_stripe", "pp_komoju_", "komoju", "", null, undefined]) {
      expect(komojuProviderIdOf(other)).toBeUndefined()
    }
  })
})
