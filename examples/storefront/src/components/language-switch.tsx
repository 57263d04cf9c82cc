import { useI18n } from "../i18n/i18n"
import { LOCALES, messages, type Locale } from "../i18n/messages"

export function LanguageSwitch() {
  const { locale, t, setLocale } = useI18n()
  return (
    <label className="picker">
      <span className="picker-label">{t.language}</span>
      <select
        data-testid="language-switch"
        value={locale}
        onChange={(event) => setLocale(event.target.value as Locale)}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option}>
            {messages[option].languageName}
          </option>
        ))}
      </select>
    </label>
  )
}
