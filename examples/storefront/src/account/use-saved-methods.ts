import { useEffect, useState } from "react"
import { deleteSavedMethod, listSavedMethods, type KomojuSavedMethod } from "../../../../src/storefront"
import { sdk } from "../medusa"
import { useLoad } from "../use-load"
import { useAccount } from "./account-context"
import { savedMethodExpected } from "./expected-save"

const POLL_MS = 2000

type SavedMethods = {
  /** Undefined until loaded; empty for a guest. */
  methods: KomojuSavedMethod[] | undefined
  error: unknown
  /** A method the shopper asked to save is not listed yet: the list refreshes meanwhile. */
  expecting: boolean
  remove: (id: string) => Promise<void>
}

/** The signed-in customer's saved cards and PayPay, through the helper. */
export function useSavedMethods(): SavedMethods {
  const { customer } = useAccount()
  const [loads, setLoads] = useState(0)
  const reload = () => setLoads((count) => count + 1)
  const loaded = useLoad(async () => (customer ? listSavedMethods(sdk) : []), [customer?.id, loads])
  const [expecting, setExpecting] = useState(false)

  useEffect(() => {
    if (loaded.loading || !loaded.data) return
    const waiting = savedMethodExpected(loaded.data)
    setExpecting(waiting)
    if (!waiting) return
    const timer = window.setTimeout(reload, POLL_MS)
    return () => window.clearTimeout(timer)
  }, [loaded])

  const remove = async (id: string) => {
    await deleteSavedMethod(sdk, id)
    reload()
  }

  return { methods: loaded.data, error: loaded.error, expecting, remove }
}
