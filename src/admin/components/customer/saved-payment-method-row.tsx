import { Button, Text } from "@medusajs/ui"
import { formatDate } from "../../lib/format"
import { useKomojuTranslation } from "../../lib/i18n"
import { describeSavedMethod, savedMethodTitle } from "../../lib/saved-payment-methods"
import type { KomojuSavedPaymentMethod } from "../../lib/types"

type SavedPaymentMethodRowProps = {
  method: KomojuSavedPaymentMethod
  /** Another removal is under way: one at a time keeps the list and KOMOJU in step. */
  disabled: boolean
  removing: boolean
  onRemove: (method: KomojuSavedPaymentMethod, title: string) => void
}

/** One saved card or PayPay account: what it is, when it was saved, and its Remove button. */
export function SavedPaymentMethodRow({ method, disabled, removing, onRemove }: SavedPaymentMethodRowProps) {
  const { t, locale } = useKomojuTranslation()
  const display = describeSavedMethod(method)
  const title = savedMethodTitle(display, t("komoju.customer.card"))
  const details = [
    display.kind === "card" && display.expiry ? t("komoju.customer.expires", { expiry: display.expiry }) : null,
    t("komoju.customer.savedOn", { date: formatDate(method.created_at, locale) }),
  ].filter(Boolean)
  return (
    <li
      className="flex items-center justify-between gap-x-4 px-6 py-4"
      data-testid={`komoju-customer-method-${method.id}`}
      data-payment-type={method.payment_type}
    >
      <div className="flex min-w-0 flex-col">
        <Text size="small" weight="plus" leading="compact" data-testid="komoju-customer-method-title">
          {title}
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle" data-testid="komoju-customer-method-details">
          {details.join(" · ")}
        </Text>
      </div>
      <Button
        size="small"
        variant="secondary"
        disabled={disabled}
        isLoading={removing}
        onClick={() => onRemove(method, title)}
        data-testid="komoju-customer-method-remove"
      >
        {t("komoju.customer.remove")}
      </Button>
    </li>
  )
}
