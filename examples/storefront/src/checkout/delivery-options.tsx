import { useState } from "react"
import { ErrorNotice } from "../components/error-notice"
import { formatMoney } from "../format"
import { useI18n } from "../i18n/i18n"
import { sdk } from "../medusa"
import type { Cart } from "../medusa-types"
import { useShop } from "../shop/shop-context"
import { useLoad } from "../use-load"

/** The shipping options Medusa offers for the cart's address; choosing one adds it to the cart. */
export function DeliveryOptions({ cart }: { cart: Cart }) {
  const { locale, t } = useI18n()
  const { addShippingMethod } = useShop()
  const country = cart.shipping_address?.country_code
  const options = useLoad(async () => {
    if (!country) return []
    const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
    return shipping_options
  }, [cart.id, cart.region_id, country])
  const [choosing, setChoosing] = useState<string>()
  const [error, setError] = useState<unknown>()
  // The option being added shows as chosen at once, not when Medusa answers.
  const chosen = choosing ?? cart.shipping_methods?.[0]?.shipping_option_id

  const choose = async (optionId: string) => {
    setChoosing(optionId)
    setError(undefined)
    try {
      await addShippingMethod(optionId)
    } catch (failure) {
      setError(failure)
    } finally {
      setChoosing(undefined)
    }
  }

  if (!country) return <p className="muted">{t.deliveryNeedsAddress}</p>
  if (options.error) return <ErrorNotice error={options.error} />
  if (options.loading) return <p className="muted">{t.loading}</p>
  if (!options.data?.length) return <p className="muted">{t.noDeliveryOptions}</p>

  return (
    <div className="choices" role="radiogroup" data-testid="shipping-options">
      {options.data.map((option) => (
        <label key={option.id} className={`choice ${chosen === option.id ? "choice-selected" : ""}`}>
          <input
            type="radio"
            name="shipping-option"
            value={option.id}
            checked={chosen === option.id}
            disabled={Boolean(choosing)}
            onChange={() => choose(option.id)}
            data-testid="shipping-option"
            data-option-id={option.id}
          />
          <span className="choice-name">{option.name}</span>
          <span className="choice-price">{formatMoney(option.amount, cart.currency_code, locale)}</span>
        </label>
      ))}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  )
}
