import { useState, type FormEvent } from "react"
import { ErrorNotice } from "../components/error-notice"
import { useI18n } from "../i18n/i18n"
import type { TextKey } from "../i18n/messages"
import { useAccount, type Registration } from "./account-context"

type Mode = "sign-in" | "register"
type Field = keyof Registration

const LABELS: Record<Field, TextKey> = { email: "email", password: "password", lastName: "lastName", firstName: "firstName" }
const AUTOCOMPLETE: Record<Mode, Record<Field, string>> = {
  "sign-in": { email: "email", password: "current-password", lastName: "family-name", firstName: "given-name" },
  register: { email: "email", password: "new-password", lastName: "family-name", firstName: "given-name" },
}

/** Sign in, or create an account, with an e-mail and a password (Medusa's `emailpass`). */
export function SignInForm() {
  const { locale, t } = useI18n()
  const { signIn, register } = useAccount()
  const [mode, setMode] = useState<Mode>("sign-in")
  const [values, setValues] = useState<Registration>({ email: "", password: "", lastName: "", firstName: "" })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  // Names as on the address form: family name first in Japanese and Korean.
  const names: Field[] = locale === "en" ? ["firstName", "lastName"] : ["lastName", "firstName"]
  const fields: Field[] = mode === "register" ? [...names, "email", "password"] : ["email", "password"]

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      if (mode === "register") await register(values)
      else await signIn(values.email, values.password)
    } catch (failure) {
      setError(failure)
      setBusy(false)
    }
  }

  const switchTo = (next: Mode) => {
    setMode(next)
    setError(undefined)
  }

  return (
    <section className="panel account-panel" data-testid="sign-in">
      <h1>{t.signInTitle}</h1>
      <p className="muted">{t.signInIntro}</p>
      <div className="tabs" role="tablist">
        {(["sign-in", "register"] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            aria-selected={mode === option}
            className={`tab ${mode === option ? "tab-selected" : ""}`}
            onClick={() => switchTo(option)}
            data-testid={`show-${option}`}
          >
            {option === "register" ? t.register : t.signIn}
          </button>
        ))}
      </div>
      <form className="form" onSubmit={submit} data-testid="account-form" data-mode={mode}>
        {fields.map((field) => (
          <label key={field} className={`field ${field === "email" || field === "password" ? "field-wide" : ""}`}>
            <span>{t[LABELS[field]]}</span>
            <input
              type={field === "email" || field === "password" ? field : "text"}
              required
              autoComplete={AUTOCOMPLETE[mode][field]}
              value={values[field]}
              onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
              data-testid={`account-${field}`}
            />
          </label>
        ))}
        <div className="form-actions field-wide">
          <button type="submit" className="button" disabled={busy} data-testid="account-submit">
            {busy ? t.working : mode === "register" ? t.register : t.signIn}
          </button>
        </div>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  )
}
