/** Escapes text for HTML; every value that reaches a page goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

export function layout(locale: string, title: string, body: string, banner: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · KOMOJU</title>
<style>
  body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; background: #f4f5f7; color: #1f2430; margin: 0; }
  .banner { background: #ffcc00; text-align: center; font-size: 13px; padding: 6px; }
  main { max-width: 480px; margin: 32px auto; background: #fff; border-radius: 12px; padding: 24px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
  h1 { font-size: 20px; margin: 0 0 8px; } .amount { font-size: 28px; font-weight: 700; margin: 4px 0 20px; }
  fieldset { border: 1px solid #e3e5ea; border-radius: 8px; margin: 0 0 16px; padding: 12px 16px; }
  legend { font-weight: 600; padding: 0 6px; }
  label { display: block; font-size: 13px; margin: 8px 0 4px; }
  input, select { width: 100%; box-sizing: border-box; padding: 9px; border: 1px solid #c9ccd3; border-radius: 6px; font-size: 15px; }
  button { width: 100%; padding: 11px; margin-top: 12px; border: 0; border-radius: 6px; background: #1f6feb; color: #fff; font-size: 15px; cursor: pointer; }
  button.secondary { background: #fff; color: #1f2430; border: 1px solid #c9ccd3; }
  .error { background: #fde8e8; color: #a61b1b; padding: 10px; border-radius: 6px; margin-bottom: 12px; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 12px; } dt { color: #5b6270; } dd { margin: 0; font-weight: 600; }
  a { color: #1f6feb; }
</style>
</head>
<body><div class="banner">${escapeHtml(banner)}</div><main>${body}</main></body>
</html>`
}
