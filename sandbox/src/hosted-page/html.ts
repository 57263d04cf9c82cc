import { LOCALES, type Locale } from "../constants"
import { LANGUAGE_NAMES, translator } from "./i18n"

/** Escapes text for HTML; every value that reaches a page goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

export type PageFrame = {
  locale: Locale
  title: string
  body: string
  /** Where the language links point (the same page in another language), if anywhere. */
  localeHref?: (locale: Locale) => string
}

/** The page around the content: no scripts, no external assets (but the images of line items, the merchant's URLs), readable without CSS. */
export function layout({ locale, title, body, localeHref }: PageFrame): string {
  const t = translator(locale)
  const languages = localeHref
    ? `<nav class="languages" aria-label="${escapeHtml(t("language"))}">${LOCALES.map((l) =>
        l === locale
          ? `<strong lang="${l}">${escapeHtml(LANGUAGE_NAMES[l])}</strong>`
          : `<a lang="${l}" href="${escapeHtml(localeHref(l))}" data-testid="locale-${l}">${escapeHtml(LANGUAGE_NAMES[l])}</a>`
      ).join(" · ")}</nav>`
    : ""
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · KOMOJU</title>
<style>
  body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", "Noto Sans KR", sans-serif; background: #f4f5f7; color: #1f2430; margin: 0; }
  .banner { background: #ffcc00; text-align: center; font-size: 13px; padding: 6px; }
  .languages { text-align: right; font-size: 13px; max-width: 480px; margin: 12px auto 0; }
  main { max-width: 480px; margin: 12px auto 32px; background: #fff; border-radius: 12px; padding: 24px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
  h1 { font-size: 20px; margin: 0 0 8px; } h2 { font-size: 17px; margin: 0 0 8px; }
  .amount { font-size: 28px; font-weight: 700; margin: 4px 0 4px; } .order { color: #5b6270; font-size: 13px; margin-bottom: 16px; }
  fieldset { border: 1px solid #e3e5ea; border-radius: 8px; margin: 0 0 16px; padding: 12px 16px; }
  legend { font-weight: 600; padding: 0 6px; }
  label { display: block; font-size: 13px; margin: 8px 0 4px; }
  input[type=text], input[type=email], input:not([type]), select { width: 100%; box-sizing: border-box; padding: 9px; border: 1px solid #c9ccd3; border-radius: 6px; font-size: 15px; }
  input[aria-invalid=true] { border-color: #c62828; }
  button, .button { display: block; width: 100%; box-sizing: border-box; text-align: center; text-decoration: none; padding: 11px; margin-top: 12px; border: 0; border-radius: 6px; background: #1f6feb; color: #fff; font-size: 15px; cursor: pointer; }
  button.secondary, .button.secondary { background: #fff; color: #1f2430; border: 1px solid #c9ccd3; }
  .error { background: #fde8e8; color: #a61b1b; padding: 10px; border-radius: 6px; margin-bottom: 12px; }
  .hint { color: #5b6270; font-size: 12px; margin: 6px 0 0; }
  .line-items ul { list-style: none; margin: 0 0 16px; padding: 0; }
  .line-item { display: flex; align-items: center; gap: 12px; padding: 6px 0; border-bottom: 1px solid #e3e5ea; }
  .line-item img { object-fit: cover; border-radius: 4px; }
  .line-description { flex: 1; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 12px; } dt { color: #5b6270; } dd { margin: 0; font-weight: 600; }
</style>
</head>
<body><div class="banner">${escapeHtml(t("sandbox"))}</div>${languages}<main>${body}</main></body>
</html>`
}

/** A link that looks like a button: going back to the shop is navigation, not a form. */
export function linkButton(href: string, label: string, testId: string, secondary = false): string {
  return `<a class="button${secondary ? " secondary" : ""}" href="${escapeHtml(href)}" data-testid="${escapeHtml(testId)}">${escapeHtml(label)}</a>`
}
