import { Copy, StatusBadge, Text } from "@medusajs/ui"
import { formatDateTime } from "../../lib/format"
import { useKomojuTranslation } from "../../lib/i18n"
import { backendOrigin } from "../../lib/sdk"
import type { KomojuWebhookHealth } from "../../lib/types"
import { KeyValueRow } from "../key-value-row"
import { Section } from "../section"

type WebhookStatus = "receiving" | "refusing" | "none"

const STATUS_COLOR = { receiving: "green", refusing: "red", none: "grey" } as const

/** Refusing when the newest delivery was refused: the secrets differ, or someone forges. */
function webhookStatus(health: KomojuWebhookHealth): WebhookStatus {
  const accepted = health.last_processed_at ? Date.parse(health.last_processed_at) : null
  const refused = health.last_refused_at ? Date.parse(health.last_refused_at) : null
  if (refused !== null && (accepted === null || refused > accepted)) return "refusing"
  return accepted !== null ? "receiving" : "none"
}

/** The URL to paste into KOMOJU's dashboard, and whether deliveries arrive and verify. */
export function WebhookSection({ webhook }: { webhook: KomojuWebhookHealth }) {
  const { t, locale } = useKomojuTranslation()
  const url = `${backendOrigin()}${webhook.path}`
  const status = webhookStatus(webhook)
  const date = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t("komoju.settings.webhook.never"))
  return (
    <Section title={t("komoju.settings.webhook.title")} testId="komoju-webhook">
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus" leading="compact">
          {t("komoju.settings.webhook.url")}
        </Text>
        <div className="bg-ui-bg-subtle flex items-center justify-between gap-x-2 rounded-md px-3 py-2 shadow-borders-base">
          <code className="txt-compact-small break-all font-mono" data-testid="komoju-webhook-url">
            {url}
          </code>
          <Copy content={url} aria-label={t("komoju.settings.webhook.copy")} data-testid="komoju-webhook-copy" />
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {t("komoju.settings.webhook.urlHint")}
        </Text>
      </div>
      <div>
        <KeyValueRow label={t("komoju.settings.webhook.status")}>
          <StatusBadge color={STATUS_COLOR[status]} data-testid="komoju-webhook-status" data-status={status}>
            {t(`komoju.settings.webhook.statuses.${status}`)}
          </StatusBadge>
          {status === "refusing" && (
            <Text size="small" className="text-ui-fg-error mt-1">
              {t("komoju.settings.webhook.refusingHint")}
            </Text>
          )}
        </KeyValueRow>
        <KeyValueRow label={t("komoju.settings.webhook.lastAccepted")} testId="komoju-webhook-last-accepted">
          {date(webhook.last_processed_at)}
        </KeyValueRow>
        <KeyValueRow label={t("komoju.settings.webhook.lastEvent")} testId="komoju-webhook-last-event">
          {webhook.last_processed_event ? <code className="font-mono">{webhook.last_processed_event}</code> : "-"}
        </KeyValueRow>
        <KeyValueRow label={t("komoju.settings.webhook.unfinishedCount")} testId="komoju-webhook-unfinished-count">
          {webhook.unfinished_count}
        </KeyValueRow>
        <KeyValueRow label={t("komoju.settings.webhook.refusedCount")} testId="komoju-webhook-refused-count">
          {webhook.refused_count}
        </KeyValueRow>
        <KeyValueRow label={t("komoju.settings.webhook.lastRefused")} testId="komoju-webhook-last-refused">
          {date(webhook.last_refused_at)}
        </KeyValueRow>
      </div>
    </Section>
  )
}
