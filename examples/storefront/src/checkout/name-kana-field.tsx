import { useI18n } from "../i18n/i18n"

/** "氏名（カナ）": the buyer's name in katakana, with a hint or why it is not katakana. */
export function NameKanaField({
  value,
  error,
  onChange,
  onBlur,
}: {
  value: string
  error: string | undefined
  onChange: (value: string) => void
  onBlur: () => void
}) {
  const { t } = useI18n()
  return (
    <label className="field field-wide">
      <span>{t.nameKana}</span>
      <input
        type="text"
        lang="ja"
        autoComplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby="name-kana-note"
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        data-testid="checkout-name-kana"
      />
      {error ? (
        <span id="name-kana-note" className="field-error" role="alert" data-testid="checkout-name-kana-error">
          {error}
        </span>
      ) : (
        <span id="name-kana-note" className="field-hint">
          {t.nameKanaHint}
        </span>
      )}
    </label>
  )
}
