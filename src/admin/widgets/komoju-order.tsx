import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Text } from "@medusajs/ui"
import { KomojuPaymentSection } from "../components/order/komoju-payment-section"
import { useKomojuTranslation } from "../lib/i18n"
import { useKomojuOrderPayment } from "../lib/queries"

/** The order's KOMOJU payment; nothing at all for orders paid another way. */
const KomojuOrderWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useKomojuTranslation()
  const { data, error, isPending } = useKomojuOrderPayment(order.id)
  if (isPending) return null
  if (error) {
    return (
      <Container data-testid="komoju-order-error">
        <Text size="small" className="text-ui-fg-error">
          {t("komoju.order.loadFailed")}: {error.message}
        </Text>
      </Container>
    )
  }
  if (!data.komoju) return null
  return <KomojuPaymentSection orderId={order.id} payment={data.komoju} />
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default KomojuOrderWidget
