import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"
import type {
  KomojuCustomerPaymentMethods,
  KomojuOrderPayment,
  KomojuPaymentMethodDeleted,
  KomojuRefundRequestBody,
  KomojuSettingsPage,
  KomojuSettingsUpdate,
} from "./types"

const komojuKeys = {
  settings: ["komoju", "settings"] as const,
  order: (orderId: string) => ["komoju", "order", orderId] as const,
  customerMethods: (customerId: string) => ["komoju", "customer", customerId, "payment-methods"] as const,
}

/** The dashboard's own order queries all start with this key. */
const DASHBOARD_ORDERS_KEY = ["orders"] as const

export function useKomojuSettings() {
  return useQuery({
    queryKey: komojuKeys.settings,
    queryFn: () => sdk.client.fetch<KomojuSettingsPage>("/admin/komoju/settings"),
  })
}

/** Rejects with the server's message (a FetchError) when the settings are refused. */
export function useSaveKomojuSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: KomojuSettingsUpdate) =>
      sdk.client.fetch<KomojuSettingsPage>("/admin/komoju/settings", { method: "POST", body }),
    // The response is the whole page as saved: no need to ask again.
    onSuccess: (page) => queryClient.setQueryData(komojuKeys.settings, page),
  })
}

export function useKomojuOrderPayment(orderId: string) {
  return useQuery({
    queryKey: komojuKeys.order(orderId),
    queryFn: () =>
      sdk.client.fetch<{ komoju: KomojuOrderPayment | null }>(`/admin/komoju/orders/${orderId}`),
  })
}

/**
 * Capture and cancel go through Medusa's own admin API, so that Medusa's workflows
 * record them and the provider makes the KOMOJU call. Afterwards both this widget and
 * the dashboard's order sections are refreshed.
 */
function useOrderPaymentAction<TInput>(orderId: string, action: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: action,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: komojuKeys.order(orderId) }),
        queryClient.invalidateQueries({ queryKey: DASHBOARD_ORDERS_KEY }),
      ]),
  })
}

export function useCaptureKomojuPayment(orderId: string) {
  return useOrderPaymentAction(orderId, (paymentId: string) => sdk.admin.payment.capture(paymentId, {}))
}

/**
 * Medusa 2.21 has no route to cancel a lone payment: an authorization is released by
 * cancelling the order, whose workflow cancels its uncaptured payments through the
 * provider.
 */
export function useCancelKomojuOrder(orderId: string) {
  return useOrderPaymentAction(orderId, () => sdk.admin.order.cancel(orderId))
}

/**
 * Sends KOMOJU a refund request for a cash payment. The answer is the widget's summary
 * with the request in it; Medusa's own refund comes later, with KOMOJU's webhook.
 */
export function useRequestKomojuRefund(orderId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: KomojuRefundRequestBody) =>
      sdk.client.fetch<{ komoju: KomojuOrderPayment | null }>(`/admin/komoju/orders/${orderId}/refund-requests`, {
        method: "POST",
        body,
      }),
    onSuccess: (summary) => queryClient.setQueryData(komojuKeys.order(orderId), summary),
  })
}

export function useKomojuCustomerPaymentMethods(customerId: string) {
  return useQuery({
    queryKey: komojuKeys.customerMethods(customerId),
    queryFn: () =>
      sdk.client.fetch<KomojuCustomerPaymentMethods>(`/admin/komoju/customers/${customerId}/payment-methods`),
  })
}

/**
 * Erases a saved method at KOMOJU. The list is asked for again whatever the answer: a
 * 404 means the method was already gone, and the list shows what is left.
 */
export function useRemoveKomojuPaymentMethod(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (methodId: string) =>
      sdk.client.fetch<KomojuPaymentMethodDeleted>(
        `/admin/komoju/customers/${customerId}/payment-methods/${encodeURIComponent(methodId)}`,
        { method: "DELETE" }
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: komojuKeys.customerMethods(customerId) }),
  })
}
