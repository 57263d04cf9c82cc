import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Text } from "@medusajs/ui"
import { KomojuSettingsForm } from "../../../components/settings/komoju-settings-form"
import { useKomojuTranslation } from "../../../lib/i18n"
import { useKomojuSettings } from "../../../lib/queries"

/** Settings → KOMOJU. */
const KomojuSettingsRoute = () => {
  const { t } = useKomojuTranslation()
  const { data: page, error, isPending } = useKomojuSettings()
  if (isPending) return null
  if (error) {
    return (
      <Container data-testid="komoju-settings-error">
        <Text size="small" className="text-ui-fg-error">
          {t("komoju.settings.loadFailed")}: {error.message}
        </Text>
      </Container>
    )
  }
  return <KomojuSettingsForm page={page} />
}

export const config = defineRouteConfig({ label: "KOMOJU" })

export default KomojuSettingsRoute
