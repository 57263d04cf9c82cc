import { useState } from "react"
import { countryName } from "../format"
import { useI18n } from "../i18n/i18n"
import { useShop } from "../shop/shop-context"

/** Where the shopper buys from, which sets the currency: Japan in JPY, the United States in USD. */
export function RegionSelect() {
  const { locale, t } = useI18n()
  const { regions, region, selectRegion } = useShop()
  const [switching, setSwitching] = useState(false)

  const change = async (regionId: string) => {
    setSwitching(true)
    try {
      await selectRegion(regionId)
    } finally {
      setSwitching(false)
    }
  }

  return (
    <label className="picker">
      <span className="picker-label">{t.region}</span>
      <select
        data-testid="region-select"
        value={region?.id ?? ""}
        disabled={switching || !regions.length}
        onChange={(event) => change(event.target.value)}
      >
        {regions.map((option) => {
          const country = option.countries?.[0]?.iso_2
          return (
            <option key={option.id} value={option.id} data-currency={option.currency_code}>
              {country ? countryName(country, locale) : option.name} · {option.currency_code.toUpperCase()}
            </option>
          )
        })}
      </select>
    </label>
  )
}
