import { Alert, Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useKomojuTranslation } from "../../lib/i18n"
import { useSaveKomojuSettings } from "../../lib/queries"
import { draftFromSettings, sameDraft, updateFromDraft, type SettingsDraft } from "../../lib/settings-form"
import type { KomojuSettingsPage } from "../../lib/types"
import { CheckoutSection } from "./checkout-section"
import { PaymentTypesSection } from "./payment-types-section"
import { RegionScopesSection } from "./region-scopes-section"
import { WebhookSection } from "./webhook-section"

/**
 * The whole settings page once loaded. Edits stay in a local draft until saved; a
 * refused save leaves the draft as it was, so the admin can fix what the message names.
 */
export function KomojuSettingsForm({ page }: { page: KomojuSettingsPage }) {
  const { t } = useKomojuTranslation()
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(page.settings))
  const save = useSaveKomojuSettings()
  const saved = draftFromSettings(page.settings)
  const change = (update: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...update }))

  const submit = () =>
    save.mutate(updateFromDraft(draft), {
      onSuccess: (result) => {
        setDraft(draftFromSettings(result.settings))
        toast.success(t("komoju.settings.saved"))
      },
      onError: (error) =>
        toast.error(t("komoju.settings.notSaved"), {
          description: <span data-testid="komoju-save-error">{error.message}</span>,
        }),
    })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("komoju.settings.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("komoju.settings.subtitle")}
          </Text>
        </div>
        <Badge color={page.mode === "live" ? "green" : "orange"} data-testid="komoju-mode" data-mode={page.mode}>
          {t(`komoju.settings.mode.${page.mode}`)}
        </Badge>
      </Container>
      {page.regions
        .filter((region) => !region.komoju_accepts_currency)
        .map((region) => (
          <Alert key={region.id} variant="warning" data-testid={`komoju-unsupported-currency-${region.id}`}>
            {t("komoju.settings.unsupportedCurrency", { name: region.name, currency: region.currency_code.toUpperCase() })}
          </Alert>
        ))}
      <WebhookSection webhook={page.webhook} />
      <PaymentTypesSection
        catalog={page.payment_types}
        defaults={page.defaults.payment_types}
        value={draft.payment_types}
        onChange={(payment_types) => change({ payment_types })}
      />
      <RegionScopesSection
        catalog={page.payment_types}
        regions={page.regions}
        scopes={draft.scopes}
        storeWide={draft.payment_types ?? page.defaults.payment_types ?? []}
        onChange={(scopes) => change({ scopes })}
      />
      <CheckoutSection draft={draft} defaults={page.defaults} onChange={change} />
      <div className="flex items-center justify-end gap-x-2">
        {!sameDraft(draft, saved) && (
          <Button size="small" variant="secondary" onClick={() => setDraft(saved)} data-testid="komoju-discard">
            {t("komoju.settings.discard")}
          </Button>
        )}
        <Button size="small" onClick={submit} isLoading={save.isPending} data-testid="komoju-save">
          {t("komoju.settings.save")}
        </Button>
      </div>
    </div>
  )
}
