import { Input, Label, Select, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useId } from "react"
import { useKomojuTranslation } from "../../lib/i18n"
import type { SettingsDraft } from "../../lib/settings-form"
import type { KomojuCaptureMode, KomojuLocale, KomojuSettingsPage } from "../../lib/types"
import { Section } from "../section"

/** Radix's Select cannot hold null: this value stands for "use the default". */
const USE_DEFAULT = "default"

const LOCALES: readonly KomojuLocale[] = ["ja", "en", "ko"]
const CAPTURE_MODES: readonly KomojuCaptureMode[] = ["auto", "manual"]

type CheckoutSectionProps = {
  draft: Pick<SettingsDraft, "default_locale" | "capture_mode" | "session_expires_in_seconds">
  defaults: KomojuSettingsPage["defaults"]
  onChange: (change: Partial<SettingsDraft>) => void
}

/** Hosted page language, card capture mode and session expiry, each with a default. */
export function CheckoutSection({ draft, defaults, onChange }: CheckoutSectionProps) {
  const { t } = useKomojuTranslation()
  const localeName = (locale: KomojuLocale) => t(`komoju.settings.checkout.locales.${locale}`)
  const captureModeName = (mode: KomojuCaptureMode) => t(`komoju.settings.checkout.captureModes.${mode}`)
  const expiryDefault =
    defaults.session_expires_in_seconds === null
      ? t("komoju.settings.checkout.expiryKomojuDefault")
      : t("komoju.settings.checkout.expiryDefault", { value: defaults.session_expires_in_seconds })

  return (
    <Section title={t("komoju.settings.checkout.title")} testId="komoju-checkout">
      <div className="grid grid-cols-1 gap-6 px-6 py-4 md:grid-cols-3">
        <Field label={t("komoju.settings.checkout.locale")} hint={t("komoju.settings.checkout.localeHint")}>
          {(id) => (
            <Select
              size="small"
              value={draft.default_locale ?? USE_DEFAULT}
              onValueChange={(value) =>
                onChange({ default_locale: value === USE_DEFAULT ? null : (value as KomojuLocale) })
              }
            >
              <Select.Trigger id={id} data-testid="komoju-locale">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={USE_DEFAULT}>
                  {t("komoju.settings.defaultValue", { value: localeName(defaults.default_locale) })}
                </Select.Item>
                {LOCALES.map((locale) => (
                  <Select.Item key={locale} value={locale} data-testid={`komoju-locale-${locale}`}>
                    {localeName(locale)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </Field>
        <Field label={t("komoju.settings.checkout.captureMode")} hint={t("komoju.settings.checkout.captureModeHint")}>
          {(id) => (
            <Select
              size="small"
              value={draft.capture_mode ?? USE_DEFAULT}
              onValueChange={(value) =>
                onChange({ capture_mode: value === USE_DEFAULT ? null : (value as KomojuCaptureMode) })
              }
            >
              <Select.Trigger id={id} data-testid="komoju-capture-mode">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={USE_DEFAULT}>
                  {t("komoju.settings.defaultValue", { value: captureModeName(defaults.capture_mode) })}
                </Select.Item>
                {CAPTURE_MODES.map((mode) => (
                  <Select.Item key={mode} value={mode} data-testid={`komoju-capture-mode-${mode}`}>
                    {captureModeName(mode)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </Field>
        <Field
          label={t("komoju.settings.checkout.expiry")}
          hint={t("komoju.settings.checkout.expiryHint", { value: expiryDefault })}
        >
          {(id) => (
            <Input
              id={id}
              size="small"
              type="number"
              inputMode="numeric"
              min={60}
              max={86400}
              placeholder={defaults.session_expires_in_seconds?.toString() ?? ""}
              value={draft.session_expires_in_seconds}
              onChange={(event) => onChange({ session_expires_in_seconds: event.target.value })}
              data-testid="komoju-session-expiry"
            />
          )}
        </Field>
      </div>
    </Section>
  )
}

function Field({ label, hint, children }: { label: string; hint: string; children: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      {children(id)}
      <Text size="small" className="text-ui-fg-subtle">
        {hint}
      </Text>
    </div>
  )
}
