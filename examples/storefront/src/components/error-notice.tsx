import { useI18n } from "../i18n/i18n"

/** The SDK's FetchError carries Medusa's own message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n()
  return (
    <div className="notice notice-error" role="alert" data-testid="error-message">
      <strong>{t.somethingWentWrong}</strong>
      <span>{errorMessage(error)}</span>
    </div>
  )
}
