import { useState, type FormEvent } from "react"
import { checkNameKana, NAME_KANA_METADATA_KEY, withNameKana } from "../../../../src/storefront"
import { ErrorNotice } from "../components/error-notice"
import { countryName } from "../format"
import { useI18n } from "../i18n/i18n"
import type { Locale, TextKey } from "../i18n/messages"
import type { Cart } from "../medusa-types"
import { useShop } from "../shop/shop-context"
import { NameKanaField } from "./name-kana-field"

type AddressField =
  | "first_name"
  | "last_name"
  | "country_code"
  | "postal_code"
  | "province"
  | "city"
  | "address_1"
  | "phone"
type Address = Record<AddressField, string>
/** The name in katakana sits with the name fields, but travels in the address's metadata. */
type FormField = AddressField | "name_kana"

// Japanese and Korean addresses are written family name first and from the postal code
// down to the street; English ones the other way round.
const FIELD_ORDER: Record<Locale, FormField[]> = {
  ja: ["last_name", "first_name", "name_kana", "country_code", "postal_code", "province", "city", "address_1", "phone"],
  en: ["first_name", "last_name", "name_kana", "address_1", "city", "province", "postal_code", "country_code", "phone"],
  ko: ["last_name", "first_name", "name_kana", "country_code", "postal_code", "province", "city", "address_1", "phone"],
}

// KOMOJU's konbini and bank transfer take the buyer's name in katakana (`name_kana`):
// asked for Japanese addresses only.
const NAME_KANA_COUNTRY = "jp"

const LABELS: Record<AddressField, TextKey> = {
  first_name: "firstName",
  last_name: "lastName",
  country_code: "country",
  postal_code: "postalCode",
  province: "province",
  city: "city",
  address_1: "address1",
  phone: "phone",
}

const AUTOCOMPLETE: Record<AddressField, string> = {
  first_name: "given-name",
  last_name: "family-name",
  country_code: "country",
  postal_code: "postal-code",
  province: "address-level1",
  city: "address-level2",
  address_1: "address-line1",
  phone: "tel",
}

const testid = (field: AddressField) => `checkout-${field.replace(/_/g, "-")}`

/**
 * E-mail and delivery address (used as the billing address too), saved on the cart; for
 * Japan, the name in katakana as the address's `metadata.name_kana`, where the plugin
 * reads it for KOMOJU.
 */
export function AddressForm({ cart }: { cart: Cart }) {
  const { locale, t } = useI18n()
  const { updateCart } = useShop()
  const countries = cart.region?.countries ?? []
  const saved = cart.shipping_address
  const [email, setEmail] = useState(cart.email ?? "")
  const [address, setAddress] = useState<Address>({
    first_name: saved?.first_name ?? "",
    last_name: saved?.last_name ?? "",
    country_code: saved?.country_code ?? countries[0]?.iso_2 ?? "",
    postal_code: saved?.postal_code ?? "",
    province: saved?.province ?? "",
    city: saved?.city ?? "",
    address_1: saved?.address_1 ?? "",
    phone: saved?.phone ?? "",
  })
  const [nameKana, setNameKana] = useState(String(saved?.metadata?.[NAME_KANA_METADATA_KEY] ?? ""))
  const [nameKanaError, setNameKanaError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [justSaved, setJustSaved] = useState(false)
  const [error, setError] = useState<unknown>()

  const edit = (field: AddressField, value: string) => {
    setAddress((current) => ({ ...current, [field]: value }))
    setJustSaved(false)
  }

  const asksNameKana = address.country_code === NAME_KANA_COUNTRY

  /** Shows the name as it will be sent (ひらがな → カタカナ), or why it cannot be. */
  const checkedNameKana = (): string | undefined => {
    const checked = checkNameKana(nameKana, { locale })
    if (!checked.ok) {
      setNameKanaError(checked.message)
      return undefined
    }
    setNameKanaError(undefined)
    setNameKana(checked.nameKana)
    return checked.nameKana
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const kana = asksNameKana ? checkedNameKana() : ""
    if (kana === undefined) return
    // The metadata goes every time, so that a name given for a Japanese address does not
    // stay behind when the shopper changes the country.
    const withKana = withNameKana(address, kana)
    setSaving(true)
    setError(undefined)
    try {
      await updateCart({ email, shipping_address: withKana, billing_address: withKana })
      setJustSaved(true)
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="form" onSubmit={save} data-testid="checkout-address-form">
      <label className="field field-wide">
        <span>{t.email}</span>
        <input
          type="email"
          required
          autoComplete="email"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value)
            setJustSaved(false)
          }}
          data-testid="checkout-email"
        />
      </label>
      {FIELD_ORDER[locale].map((field) =>
        field === "name_kana" ? (
          asksNameKana && (
            <NameKanaField
              key={field}
              value={nameKana}
              error={nameKanaError}
              onChange={(value) => {
                setNameKana(value)
                setJustSaved(false)
              }}
              onBlur={checkedNameKana}
            />
          )
        ) : (
          <label key={field} className={`field ${field === "address_1" ? "field-wide" : ""}`}>
            <span>{t[LABELS[field]]}</span>
            {field === "country_code" ? (
              <select
                required
                autoComplete={AUTOCOMPLETE[field]}
                value={address.country_code}
                onChange={(event) => edit(field, event.target.value)}
                data-testid={testid(field)}
              >
                {countries.map((country) => (
                  <option key={country.iso_2} value={country.iso_2}>
                    {countryName(country.iso_2 ?? "", locale)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type={field === "phone" ? "tel" : "text"}
                required={field !== "phone"}
                autoComplete={AUTOCOMPLETE[field]}
                value={address[field]}
                onChange={(event) => edit(field, event.target.value)}
                data-testid={testid(field)}
              />
            )}
          </label>
        )
      )}
      <div className="form-actions field-wide">
        <button type="submit" className="button" disabled={saving} data-testid="checkout-address-submit">
          {saving ? t.saving : t.saveAddress}
        </button>
        {justSaved && (
          <span className="saved" role="status" data-testid="checkout-address-saved">
            ✓ {t.addressSaved}
          </span>
        )}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  )
}
