import { Badge, Text, toast, usePrompt } from "@medusajs/ui"
import { useKomojuTranslation } from "../../lib/i18n"
import { useRemoveKomojuPaymentMethod } from "../../lib/queries"
import type { KomojuCustomerPaymentMethods, KomojuSavedPaymentMethod } from "../../lib/types"
import { Section } from "../section"
import { SavedPaymentMethodRow } from "./saved-payment-method-row"

type SavedPaymentMethodsSectionProps = { customerId: string; saved: KomojuCustomerPaymentMethods }

/**
 * The customer's cards and PayPay saved at KOMOJU, in the plugin's current mode (test
 * keys see only test methods), each removable after a confirmation.
 */
export function SavedPaymentMethodsSection({ customerId, saved }: SavedPaymentMethodsSectionProps) {
  const { t } = useKomojuTranslation()
  const prompt = usePrompt()
  const remove = useRemoveKomojuPaymentMethod(customerId)

  const confirmRemove = async (method: KomojuSavedPaymentMethod, title: string) => {
    const confirmed = await prompt({
      title: t("komoju.customer.removeTitle", { method: title }),
      description: t("komoju.customer.removeDescription"),
      confirmText: t("komoju.customer.removeConfirm"),
      cancelText: t("komoju.customer.back"),
      variant: "danger",
    })
    if (!confirmed) return
    remove.mutate(method.id, {
      onSuccess: () => toast.success(t("komoju.customer.removed")),
      onError: (error) => toast.error(t("komoju.customer.removeFailed"), { description: error.message }),
    })
  }

  return (
    <Section
      title={t("komoju.customer.title")}
      description={t("komoju.customer.description")}
      testId="komoju-customer"
      aside={
        saved.mode && (
          <Badge
            size="2xsmall"
            color={saved.mode === "live" ? "green" : "orange"}
            data-testid="komoju-customer-mode"
            data-mode={saved.mode}
          >
            {saved.mode === "live" ? t("komoju.settings.mode.live") : t("komoju.settings.mode.test")}
          </Badge>
        )
      }
    >
      {saved.payment_methods.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="komoju-customer-empty">
          {t("komoju.customer.empty")}
        </Text>
      ) : (
        <ul className="divide-y">
          {saved.payment_methods.map((method) => (
            <SavedPaymentMethodRow
              key={method.id}
              method={method}
              disabled={remove.isPending}
              removing={remove.isPending && remove.variables === method.id}
              onRemove={confirmRemove}
            />
          ))}
        </ul>
      )}
    </Section>
  )
}
