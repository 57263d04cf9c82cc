import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Text } from "@medusajs/ui"
import { SavedPaymentMethodsSection } from "../components/customer/saved-payment-methods-section"
import { useKomojuTranslation } from "../lib/i18n"
import { useKomojuCustomerPaymentMethods } from "../lib/queries"

/** The cards and PayPay the customer saved at KOMOJU, on Medusa's customer page. */
const KomojuCustomerWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useKomojuTranslation()
  const { data, error, isPending } = useKomojuCustomerPaymentMethods(customer.id)
  if (isPending) return null
  if (error) {
    return (
      <Container data-testid="komoju-customer-error">
        <Text size="small" className="text-ui-fg-error">
          {t("komoju.customer.loadFailed")}: {error.message}
        </Text>
      </Container>
    )
  }
  return <SavedPaymentMethodsSection customerId={customer.id} saved={data} />
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default KomojuCustomerWidget
