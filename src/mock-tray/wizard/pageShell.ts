import { WIZARD_STYLES } from './pageStyles.js';

/** JSON that is safe inside a `<script>` element: no `</script>` can close it early. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The headers of every page the mock serves: inline script and style under one per-response
 * nonce, `fetch` to its own origin only, and who may frame it: the host origins for the pages
 * Tray lets partners embed (the wizard, the auth-only dialog), `'none'` for the rest (a consent
 * page, like a real OAuth provider's, refuses to be framed: that is why OAuth needs a popup).
 */
export function pageHeaders(nonce: string, frameAncestors: readonly string[] | 'none'): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${frameAncestors === 'none' ? "'none'" : frameAncestors.join(' ')}`,
    ].join('; '),
  };
}

export const newNonce = () => btoa(globalThis.crypto.randomUUID());

/** A page of the mock in the wizard's look: `main` markup, an optional JSON config, one script. */
export function renderPage(options: { title: string; nonce: string; main: string; script: string; config?: unknown }): string {
  const { title, nonce, main, script, config } = options;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style nonce="${nonce}">${WIZARD_STYLES}</style>
</head>
<body>
<main>
${main}
</main>
${config === undefined ? '' : `<script type="application/json" id="wizard-config">${scriptSafeJson(config)}</script>\n`}<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}

/** `html` as a response (no body for HEAD), with `pageHeaders`. */
export function htmlResponse(request: Request, html: string, headers: Record<string, string>, status = 200): Response {
  return new Response(request.method === 'HEAD' ? null : html, { status, headers });
}
