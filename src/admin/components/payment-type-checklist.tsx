import { Badge, Checkbox, Label, Text } from "@medusajs/ui"
import { useId } from "react"
import { useKomojuTranslation } from "../lib/i18n"
import { acceptsCurrency } from "../lib/settings-form"
import type { KomojuPaymentTypeInfo } from "../lib/types"

type PaymentTypeChecklistProps = {
  types: readonly KomojuPaymentTypeInfo[]
  selected: readonly string[]
  onToggle: (typeId: string) => void
  /** Each checkbox's data-testid is this prefix followed by the type's id. */
  testIdPrefix: string
  /** A region's currency: types it cannot pay with are marked (the server refuses them). */
  currency?: string
}

/** KOMOJU's payment types as checkboxes, named in both languages, with their currencies. */
export function PaymentTypeChecklist({ types, selected, onToggle, testIdPrefix, currency }: PaymentTypeChecklistProps) {
  const { t, nameLanguage } = useKomojuTranslation()
  const otherLanguage = nameLanguage === "ja" ? "en" : "ja"
  const idPrefix = useId()
  return (
    <ul className="grid grid-cols-1 gap-2 md:grid-cols-2">
      {types.map((type) => {
        const inputId = `${idPrefix}-${type.id}`
        const secondName = type.name[otherLanguage]
        return (
          <li key={type.id} className="bg-ui-bg-component flex items-start gap-x-3 rounded-lg px-3 py-2 shadow-borders-base">
            <Checkbox
              id={inputId}
              className="mt-0.5"
              checked={selected.includes(type.id)}
              onCheckedChange={() => onToggle(type.id)}
              data-testid={`${testIdPrefix}${type.id}`}
            />
            <div className="flex min-w-0 flex-col gap-y-0.5">
              <Label htmlFor={inputId} size="small" weight="plus">
                {type.name[nameLanguage]}
                {secondName !== type.name[nameLanguage] && (
                  <span className="text-ui-fg-subtle txt-compact-small font-normal"> · {secondName}</span>
                )}
              </Label>
              <Text size="xsmall" className="text-ui-fg-muted">
                {t("komoju.settings.paymentTypes.currencies", { list: type.currencies.join(", ") })}
              </Text>
              {(type.cash || type.retired || (currency && !acceptsCurrency(type, currency))) && (
                <div className="flex flex-wrap gap-1">
                  {type.cash && <Badge size="2xsmall">{t("komoju.settings.paymentTypes.cash")}</Badge>}
                  {type.retired && (
                    <Badge size="2xsmall" color="red">
                      {t("komoju.settings.paymentTypes.retired")}
                    </Badge>
                  )}
                  {currency && !acceptsCurrency(type, currency) && (
                    <Badge size="2xsmall" color="orange">
                      {t("komoju.settings.paymentTypes.notIn", { currency: currency.toUpperCase() })}
                    </Badge>
                  )}
                </div>
              )}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
