const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char])
}

/** A complete, self-contained page (inline styles, no external assets): the fake runs offline. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f6f9fc; color: #1a1f36; margin: 0; padding: 2rem 1rem; }
  main { max-width: 28rem; margin: 0 auto; background: #fff; border-radius: 8px; padding: 1.5rem; box-shadow: 0 2px 8px rgba(0,0,0,.08); }
  .badge { display: inline-block; font-size: .75rem; background: #ffde92; border-radius: 4px; padding: .1rem .4rem; }
  .amount { font-size: 2rem; font-weight: 600; margin: .5rem 0; }
  ul { padding-left: 1.2rem; }
  form { display: inline; }
  button { font-size: 1rem; padding: .6rem 1.4rem; border: 0; border-radius: 6px; cursor: pointer; margin-right: .5rem; }
  .pay { background: #635bff; color: #fff; }
  .fail { background: #e3e8ee; color: #a41c4e; }
  .notice { background: #e3e8ee; border-radius: 6px; padding: .75rem; }
</style>
</head>
<body><main>
<p><span class="badge">TEST MODE · fake Stripe</span></p>
${body}
</main></body>
</html>
`
}
