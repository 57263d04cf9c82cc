import { FetchError } from "@medusajs/js-sdk"
import { createContext, useContext, useEffect, useState, type ReactNode } from "react"
import { sdk } from "../medusa"
import type { Customer } from "../medusa-types"
import { useShop } from "../shop/shop-context"
import { forgetExpectedSave } from "./expected-save"

export type Registration = { email: string; password: string; firstName: string; lastName: string }

type Account = {
  /** Undefined while the remembered sign-in is checked; null for a guest. */
  customer: Customer | null | undefined
  signIn: (email: string, password: string) => Promise<void>
  register: (registration: Registration) => Promise<void>
  signOut: () => Promise<void>
}

const AccountContext = createContext<Account | null>(null)

/**
 * The signed-in customer, through Medusa's `emailpass` auth. The js-sdk keeps the token
 * in `localStorage` and sends it with every store call, so the cart, the payment session
 * and the saved methods are the customer's without anything else passed around.
 */
export function AccountProvider({ children }: { children: ReactNode }) {
  const { cart, claimCart, forgetCart } = useShop()
  const [customer, setCustomer] = useState<Customer | null>()

  useEffect(() => {
    restoreSignIn().then(setCustomer)
  }, [])

  /** After logging in: the customer, and the cart filled as a guest made theirs. */
  async function enter() {
    const { customer } = await sdk.store.customer.retrieve()
    if (cart && cart.customer_id !== customer.id) await claimCart()
    setCustomer(customer)
  }

  async function signIn(email: string, password: string) {
    const login = await sdk.auth.login("customer", "emailpass", { email, password })
    // Other answers are for third-party or multi-factor sign-in, which the shop does not offer.
    if (typeof login !== "string") throw new Error("Unexpected sign-in answer")
    await enter()
  }

  async function register({ email, password, firstName, lastName }: Registration) {
    // The registration token only allows creating the customer; signing in afterwards
    // gives the token that names them.
    await sdk.auth.register("customer", "emailpass", { email, password })
    try {
      await sdk.store.customer.create({ email, first_name: firstName, last_name: lastName })
    } catch (error) {
      await sdk.client.clearToken()
      throw error
    }
    await signIn(email, password)
  }

  async function signOut() {
    await sdk.auth.logout()
    // The cart is the customer's now: a guest starts a new one.
    forgetCart()
    forgetExpectedSave()
    setCustomer(null)
  }

  return (
    <AccountContext.Provider value={{ customer, signIn, register, signOut }}>{children}</AccountContext.Provider>
  )
}

/** The customer of the token kept from an earlier visit, or null (an expired token is dropped). */
async function restoreSignIn(): Promise<Customer | null> {
  if (!(await sdk.client.getToken())) return null
  try {
    return (await sdk.store.customer.retrieve()).customer
  } catch (error) {
    if (error instanceof FetchError && error.status === 401) await sdk.client.clearToken()
    return null
  }
}

export function useAccount(): Account {
  const account = useContext(AccountContext)
  if (!account) throw new Error("useAccount must be used inside <AccountProvider>")
  return account
}
