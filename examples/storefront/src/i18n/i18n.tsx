import { createContext, useContext, useEffect, useState, type ReactNode } from "react"
import { LOCALES, messages, type Locale, type Messages } from "./messages"

const LOCALE_KEY = "storefront.locale"

type I18n = { locale: Locale; t: Messages; setLocale: (locale: Locale) => void }

const I18nContext = createContext<I18n | null>(null)

function storedLocale(): Locale {
  const stored = window.localStorage.getItem(LOCALE_KEY)
  return LOCALES.find((locale) => locale === stored) ?? "ja"
}

/** The shopper's language: Japanese unless they switched, remembered across visits. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(storedLocale)

  useEffect(() => {
    window.localStorage.setItem(LOCALE_KEY, locale)
    document.documentElement.lang = locale
  }, [locale])

  return (
    <I18nContext.Provider value={{ locale, t: messages[locale], setLocale }}>{children}</I18nContext.Provider>
  )
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error("useI18n must be used inside <I18nProvider>")
  return i18n
}
