import { Button, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useKomojuTranslation } from "../../lib/i18n"
import { initialRegionTypes, toggleType } from "../../lib/settings-form"
import type { KomojuPaymentTypeInfo, KomojuScope, StoreRegion } from "../../lib/types"
import { PaymentTypeChecklist } from "../payment-type-checklist"
import { Section } from "../section"

type RegionScopesSectionProps = {
  catalog: readonly KomojuPaymentTypeInfo[]
  regions: readonly StoreRegion[]
  scopes: KomojuScope[]
  /** The store-wide types in effect, which a newly added region starts from. */
  storeWide: readonly string[]
  onChange: (scopes: KomojuScope[]) => void
}

/**
 * Regions with their own payment types. Rows set per currency through the API are
 * listed too, because saving replaces every row.
 */
export function RegionScopesSection({ catalog, regions, scopes, storeWide, onChange }: RegionScopesSectionProps) {
  const { t } = useKomojuTranslation()
  const [regionToAdd, setRegionToAdd] = useState("")
  const regionOf = (scope: KomojuScope) =>
    scope.scope_type === "region" ? regions.find((region) => region.id === scope.scope_id) : undefined
  const unscopedRegions = regions.filter(
    (region) => !scopes.some((scope) => scope.scope_type === "region" && scope.scope_id === region.id)
  )

  const describe = (scope: KomojuScope) => {
    if (scope.scope_type === "currency") {
      return t("komoju.settings.scopes.currency", { currency: scope.scope_id.toUpperCase() })
    }
    const region = regionOf(scope)
    return region
      ? t("komoju.settings.scopes.region", { name: region.name, currency: region.currency_code.toUpperCase() })
      : t("komoju.settings.scopes.unknownRegion", { id: scope.scope_id })
  }

  const update = (index: number, next: KomojuScope | null) =>
    onChange(next ? scopes.map((scope, i) => (i === index ? next : scope)) : scopes.filter((_, i) => i !== index))

  const addRegion = () => {
    const region = regions.find((candidate) => candidate.id === regionToAdd)
    if (!region) return
    onChange([
      ...scopes,
      {
        scope_type: "region",
        scope_id: region.id,
        payment_types: initialRegionTypes(storeWide, catalog, region.currency_code),
      },
    ])
    setRegionToAdd("")
  }

  return (
    <Section
      title={t("komoju.settings.scopes.title")}
      description={t("komoju.settings.scopes.hint")}
      testId="komoju-scopes"
    >
      <div className="flex flex-col gap-y-4 px-6 py-4">
        {scopes.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            {t("komoju.settings.scopes.empty")}
          </Text>
        )}
        {scopes.map((scope, index) => {
          const currency = scope.scope_type === "currency" ? scope.scope_id : regionOf(scope)?.currency_code
          return (
            <div
              key={`${scope.scope_type}:${scope.scope_id}`}
              className="flex flex-col gap-y-3 rounded-lg p-4 shadow-borders-base"
              data-testid={`komoju-scope-${scope.scope_id}`}
            >
              <div className="flex items-center justify-between">
                <Text size="small" weight="plus" leading="compact">
                  {describe(scope)}
                </Text>
                <Button
                  size="small"
                  variant="transparent"
                  onClick={() => update(index, null)}
                  data-testid={`komoju-scope-remove-${scope.scope_id}`}
                >
                  {t("komoju.settings.scopes.remove")}
                </Button>
              </div>
              <PaymentTypeChecklist
                types={catalog}
                selected={scope.payment_types}
                currency={currency}
                onToggle={(id) =>
                  update(index, { ...scope, payment_types: toggleType(scope.payment_types, id, catalog) })
                }
                testIdPrefix={`komoju-scope-${scope.scope_id}-type-`}
              />
            </div>
          )
        })}
        {unscopedRegions.length > 0 && (
          <div className="flex items-center gap-x-2">
            <div className="w-64">
              <Select size="small" value={regionToAdd} onValueChange={setRegionToAdd}>
                <Select.Trigger data-testid="komoju-scope-region">
                  <Select.Value placeholder={t("komoju.settings.scopes.pickRegion")} />
                </Select.Trigger>
                <Select.Content>
                  {unscopedRegions.map((region) => (
                    <Select.Item key={region.id} value={region.id} data-testid={`komoju-scope-region-${region.id}`}>
                      {t("komoju.settings.scopes.region", {
                        name: region.name,
                        currency: region.currency_code.toUpperCase(),
                      })}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <Button
              size="small"
              variant="secondary"
              disabled={!regionToAdd}
              onClick={addRegion}
              data-testid="komoju-scope-add"
            >
              {t("komoju.settings.scopes.add")}
            </Button>
          </div>
        )}
      </div>
    </Section>
  )
}
