import { FetchError } from "@medusajs/js-sdk"
import { createContext, useContext, useEffect, useState, type ReactNode } from "react"
import { sdk } from "../medusa"
import type { Cart, CartUpdate, Region } from "../medusa-types"

const CART_ID_KEY = "storefront.cart_id"
const REGION_KEY = "storefront.region_id"

// The defaults already hold the items, the cart's totals, its region (with countries)
// and the payment collection the KOMOJU helper needs; not each line's total, nor the
// shipping address's metadata (the name in katakana).
const CART_QUERY = { fields: "+items.total,*shipping_address" }

type Shop = {
  /** False until the regions and the remembered cart are loaded. */
  ready: boolean
  loadError: unknown
  regions: Region[]
  /** The cart's region when there is a cart: its prices are what the shopper pays. */
  region: Region | undefined
  cart: Cart | undefined
  selectRegion: (regionId: string) => Promise<void>
  addItem: (variantId: string, quantity: number) => Promise<void>
  setQuantity: (lineItemId: string, quantity: number) => Promise<void>
  removeItem: (lineItemId: string) => Promise<void>
  updateCart: (update: CartUpdate) => Promise<void>
  addShippingMethod: (optionId: string) => Promise<void>
  /** Makes the cart the signed-in customer's (Medusa also sets its e-mail to theirs). */
  claimCart: () => Promise<void>
  /** Drops the cart once it became an order, or when the customer signs out. */
  forgetCart: () => void
}

const ShopContext = createContext<Shop | null>(null)

/** The id of the cart this browser is filling, kept across visits and KOMOJU's redirect. */
export function storedCartId(): string | null {
  return window.localStorage.getItem(CART_ID_KEY)
}

export function ShopProvider({ children }: { children: ReactNode }) {
  const [regions, setRegions] = useState<Region[]>()
  const [preferredRegionId, setPreferredRegionId] = useState(() => window.localStorage.getItem(REGION_KEY))
  const [cart, setCart] = useState<Cart>()
  const [cartLoaded, setCartLoaded] = useState(false)
  const [loadError, setLoadError] = useState<unknown>()

  useEffect(() => {
    sdk.store.region
      .list()
      .then(({ regions }) => setRegions(regions))
      .catch(setLoadError)
  }, [])

  useEffect(() => {
    const cartId = storedCartId()
    if (!cartId) return setCartLoaded(true)
    sdk.store.cart
      .retrieve(cartId, CART_QUERY)
      .then(({ cart }) => (cart.completed_at ? forgetCart() : setCart(cart)))
      .catch((error: unknown) => {
        // A cart that no longer exists (a fresh database) is forgotten; one that could
        // not be read (Medusa restarting) is kept for the next visit.
        if (error instanceof FetchError && error.status === 404) forgetCart()
        else setLoadError(error)
      })
      .finally(() => setCartLoaded(true))
  }, [])

  const region =
    regions?.find((r) => r.id === (cart?.region_id ?? preferredRegionId)) ??
    regions?.find((r) => r.currency_code === "jpy") ??
    regions?.[0]

  function forgetCart() {
    window.localStorage.removeItem(CART_ID_KEY)
    setCart(undefined)
  }

  async function selectRegion(regionId: string) {
    window.localStorage.setItem(REGION_KEY, regionId)
    setPreferredRegionId(regionId)
    // Medusa re-prices the items in the new region's currency.
    if (cart) setCart((await sdk.store.cart.update(cart.id, { region_id: regionId }, CART_QUERY)).cart)
  }

  async function addItem(variantId: string, quantity: number) {
    let cartId = cart?.id
    if (!cartId) {
      const created = await sdk.store.cart.create({ region_id: region?.id }, CART_QUERY)
      cartId = created.cart.id
      window.localStorage.setItem(CART_ID_KEY, cartId)
    }
    const added = await sdk.store.cart.createLineItem(cartId, { variant_id: variantId, quantity }, CART_QUERY)
    setCart(added.cart)
  }

  async function setQuantity(lineItemId: string, quantity: number) {
    if (!cart) return
    setCart((await sdk.store.cart.updateLineItem(cart.id, lineItemId, { quantity }, CART_QUERY)).cart)
  }

  async function removeItem(lineItemId: string) {
    if (!cart) return
    await sdk.store.cart.deleteLineItem(cart.id, lineItemId)
    setCart((await sdk.store.cart.retrieve(cart.id, CART_QUERY)).cart)
  }

  async function updateCart(update: CartUpdate) {
    if (!cart) return
    setCart((await sdk.store.cart.update(cart.id, update, CART_QUERY)).cart)
  }

  async function addShippingMethod(optionId: string) {
    if (!cart) return
    setCart((await sdk.store.cart.addShippingMethod(cart.id, { option_id: optionId }, CART_QUERY)).cart)
  }

  async function claimCart() {
    if (!cart) return
    setCart((await sdk.store.cart.transferCart(cart.id, CART_QUERY)).cart)
  }

  const shop: Shop = {
    ready: regions !== undefined && cartLoaded,
    loadError,
    regions: regions ?? [],
    region,
    cart,
    selectRegion,
    addItem,
    setQuantity,
    removeItem,
    updateCart,
    addShippingMethod,
    claimCart,
    forgetCart,
  }
  return <ShopContext.Provider value={shop}>{children}</ShopContext.Provider>
}

export function useShop(): Shop {
  const shop = useContext(ShopContext)
  if (!shop) throw new Error("useShop must be used inside <ShopProvider>")
  return shop
}
