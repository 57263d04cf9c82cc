/**
 * The parts of Medusa's store API the helper uses, typed structurally so that
 * `@medusajs/js-sdk`'s `Medusa` instance fits without this package depending on it.
 */

export type KomojuLocale = "ja" | "en" | "ko"

export type PaymentSessionLike = {
  id: string
  provider_id: string
  status: string
  data?: Record<string, unknown> | null
}

export type PaymentCollectionLike = {
  id: string
  authorized_amount?: number | null
  captured_amount?: number | null
  payment_sessions?: PaymentSessionLike[] | null
}

export type CartLike = {
  id: string
  payment_collection?: PaymentCollectionLike | null
}

export type OrderLike = {
  id: string
  display_id?: number | null
  payment_status?: string | null
  payment_collections?: (PaymentCollectionLike | null)[] | null
}

export type CompleteCartResponseLike =
  | { type: "order"; order: OrderLike }
  | { type: "cart"; cart: CartLike; error: { message: string; name?: string; type?: string } }

export interface StoreSdkLike {
  store: {
    payment: {
      initiatePaymentSession(
        cart: CartLike,
        body: { provider_id: string; data?: Record<string, unknown> },
        query?: Record<string, unknown>
      ): Promise<{ payment_collection: PaymentCollectionLike }>
    }
    cart: {
      complete(cartId: string, query?: Record<string, unknown>): Promise<CompleteCartResponseLike>
      retrieve(cartId: string, query?: Record<string, unknown>): Promise<{ cart: CartLike }>
    }
  }
}

/**
 * What `startKomojuPayment` needs: the store's `initiatePaymentSession`, from js-sdk or
 * from a storefront's own server action around it (Medusa's Next.js starters have one).
 */
export interface PaymentSessionStarterLike {
  store: { payment: Pick<StoreSdkLike["store"]["payment"], "initiatePaymentSession"> }
}

/**
 * The js-sdk's `client.fetch`, for the plugin's own store routes: it sends the publishable
 * key and the signed-in customer's token (or session cookie), parses the JSON answer,
 * and throws a `FetchError` carrying `status` on an error status.
 */
export interface StoreClientLike {
  client: {
    fetch<T>(path: string, init?: { method?: string; query?: Record<string, unknown> }): Promise<T>
  }
}
