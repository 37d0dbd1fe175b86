import { html } from './render/html';

export interface ShellResources {
  /** The webview's `cspSource`: the only origin styles, fonts and the script may come from. */
  readonly cspSource: string;
  /** A fresh random value per page load; only the script carrying it runs. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
  readonly title: string;
}

/**
 * The page every panel loads once; documents arrive later as messages. The CSP allows
 * nothing by default, no inline script or style, no network (`connect-src 'none'`), and
 * only our own script by nonce.
 */
export function shellHtml(resources: ShellResources): string {
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    `img-src ${resources.cspSource} data:`,
    `script-src 'nonce-${resources.nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${resources.styleUris.map((uri) => html`<link rel="stylesheet" href="${uri}">`)}
<title>${resources.title}</title>
</head>
<body>
<div id="root" aria-busy="true"><p class="loading">Loading…</p></div>
<script nonce="${resources.nonce}" src="${resources.scriptUri}"></script>
</body>
</html>`.value;
}
