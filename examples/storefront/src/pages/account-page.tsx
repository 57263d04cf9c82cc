import { useState } from "react"
import { describeSavedMethod } from "../../../../src/storefront"
import { useAccount } from "../account/account-context"
import { SignInForm } from "../account/sign-in-form"
import { useSavedMethods } from "../account/use-saved-methods"
import { ErrorNotice } from "../components/error-notice"
import { useI18n } from "../i18n/i18n"
import type { Customer } from "../medusa-types"
import { navigate } from "../router"

/** /account — sign in or register; once signed in, the saved cards and PayPay, and sign out. */
export function AccountPage() {
  const { customer } = useAccount()
  return customer ? <AccountDetails customer={customer} /> : <SignInForm />
}

function AccountDetails({ customer }: { customer: Customer }) {
  const { locale, t } = useI18n()
  const { signOut } = useAccount()
  const saved = useSavedMethods()
  const [deleting, setDeleting] = useState<string>()
  const [error, setError] = useState<unknown>()
  const name = locale === "en" ? `${customer.first_name} ${customer.last_name}` : `${customer.last_name} ${customer.first_name}`

  const remove = async (id: string) => {
    setDeleting(id)
    setError(undefined)
    try {
      await saved.remove(id)
    } catch (failure) {
      setError(failure)
    } finally {
      setDeleting(undefined)
    }
  }

  const leave = async () => {
    setError(undefined)
    try {
      await signOut()
      navigate("/")
    } catch (failure) {
      setError(failure)
    }
  }

  return (
    <section data-testid="account">
      <h1>{t.accountTitle}</h1>
      <p>
        {t.signedInAs}: <strong data-testid="account-name">{name}</strong>{" "}
        <span className="muted" data-testid="account-email">
          {customer.email}
        </span>
      </p>
      <div className="panel">
        <h2>{t.savedMethodsTitle}</h2>
        {saved.error ? (
          <ErrorNotice error={saved.error} />
        ) : !saved.methods ? (
          <p className="muted">{t.loading}</p>
        ) : saved.methods.length ? (
          <ul className="saved-method-list" data-testid="saved-methods">
            {saved.methods.map((method) => (
              <li key={method.id} className="saved-method" data-testid="saved-method" data-method-id={method.id}>
                <span data-testid="saved-method-label">{describeSavedMethod(method, locale)}</span>
                <button
                  type="button"
                  className="link-button"
                  disabled={Boolean(deleting)}
                  onClick={() => remove(method.id)}
                  data-testid="delete-saved-method"
                >
                  {t.remove}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p data-testid="no-saved-methods">{t.noSavedMethods}</p>
        )}
        {saved.expecting && (
          <p className="muted small" role="status" data-testid="saved-method-expected">
            {t.savedMethodExpected}
          </p>
        )}
        <p className="muted small">{t.savedMethodsHint}</p>
        {error ? <ErrorNotice error={error} /> : null}
      </div>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={leave} data-testid="sign-out">
          {t.signOut}
        </button>
      </div>
    </section>
  )
}
