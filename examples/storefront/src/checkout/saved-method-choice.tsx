import { komojuMessages, payWithSavedMethodLabel, type KomojuSavedMethod } from "../../../../src/storefront"
import { useI18n } from "../i18n/i18n"

/**
 * One-click for a signed-in customer: a button per saved card or PayPay. KOMOJU's page
 * opens with that method preselected behind a single pay button (and runs 3-D Secure
 * itself when the card needs it).
 */
export function SavedMethodButtons({
  methods,
  disabled,
  onPay,
}: {
  methods: KomojuSavedMethod[]
  disabled: boolean
  onPay: (method: KomojuSavedMethod) => void
}) {
  const { locale, t } = useI18n()
  return (
    <div className="saved-methods" data-testid="saved-methods-at-checkout">
      <p>{t.savedMethodsIntro}</p>
      {methods.map((method) => (
        <button
          key={method.id}
          type="button"
          className="button button-pay"
          disabled={disabled}
          onClick={() => onPay(method)}
          data-testid="pay-with-saved-method"
          data-method-id={method.id}
        >
          {payWithSavedMethodLabel(method, locale)}
        </button>
      ))}
      <p className="muted small">{t.orPayAnotherWay}</p>
    </div>
  )
}

/**
 * "Save for next time", with the helper's words: KOMOJU saves only cards and PayPay, so
 * its page then offers only those two, which the shopper is told here.
 */
export function SaveMethodCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { locale } = useI18n()
  const text = komojuMessages[locale]
  return (
    <div className="save-method">
      <label>
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          data-testid="save-payment-method"
        />
        <span>{text.savePaymentMethod}</span>
      </label>
      <p className="muted small" data-testid="save-payment-method-hint">
        {text.savePaymentMethodHint}
      </p>
    </div>
  )
}
