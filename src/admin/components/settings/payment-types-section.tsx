import { Badge, Button, Text } from "@medusajs/ui"
import { useKomojuTranslation } from "../../lib/i18n"
import { toggleType } from "../../lib/settings-form"
import type { KomojuPaymentTypeInfo } from "../../lib/types"
import { PaymentTypeChecklist } from "../payment-type-checklist"
import { Section } from "../section"

type PaymentTypesSectionProps = {
  catalog: readonly KomojuPaymentTypeInfo[]
  /** The provider option; null means every method active on the KOMOJU account. */
  defaults: string[] | null
  /** The admin's list; null means the default applies. */
  value: string[] | null
  onChange: (value: string[] | null) => void
}

/**
 * The store-wide list. While on the default, the boxes show the default list, and the
 * first click turns that list into the admin's own.
 */
export function PaymentTypesSection({ catalog, defaults, value, onChange }: PaymentTypesSectionProps) {
  const { t, nameLanguage } = useKomojuTranslation()
  const shown = value ?? defaults ?? []
  const nameOf = (id: string) => catalog.find((type) => type.id === id)?.name[nameLanguage] ?? id
  return (
    <Section
      title={t("komoju.settings.paymentTypes.title")}
      description={t("komoju.settings.paymentTypes.hint")}
      testId="komoju-types"
      aside={
        <>
          <Badge size="small" color={value ? "blue" : "grey"} data-testid="komoju-types-state">
            {value ? t("komoju.settings.paymentTypes.stateCustom") : t("komoju.settings.paymentTypes.stateDefault")}
          </Badge>
          {value && (
            <Button size="small" variant="secondary" onClick={() => onChange(null)} data-testid="komoju-types-use-default">
              {t("komoju.settings.paymentTypes.useDefault")}
            </Button>
          )}
        </>
      }
    >
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle" data-testid="komoju-types-default">
          {defaults
            ? t("komoju.settings.paymentTypes.defaultList", { list: defaults.map(nameOf).join(", ") })
            : t("komoju.settings.paymentTypes.defaultAll")}
        </Text>
        <PaymentTypeChecklist
          types={catalog}
          selected={shown}
          onToggle={(id) => onChange(toggleType(shown, id, catalog))}
          testIdPrefix="komoju-type-"
        />
      </div>
    </Section>
  )
}
