import { WIZARD_SCRIPT } from './pageScript.js';
import { WIZARD_STYLES } from './pageStyles.js';

export interface WizardPageConfig {
  embeddedId: string;
  solutionInstanceId: string;
  /** Origins the page may post messages to and accept validation answers from. */
  hostOrigins: readonly string[];
}

/** JSON that is safe inside a `<script>` element: no `</script>` can close it early. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The whole config wizard page: static markup, inline CSS and inline script under one CSP nonce.
 * Nothing about the instance is in the HTML: the script shows it only after the code checks out.
 */
export function renderWizardPage(config: WizardPageConfig, nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Configure integration · Mock Tray</title>
<style nonce="${nonce}">${WIZARD_STYLES}</style>
</head>
<body>
<main>
  <header>
    <p class="eyebrow">Mock Tray config wizard</p>
    <h1 id="title">Loading your integration…</h1>
    <p id="instance-name" class="note"></p>
  </header>
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div id="alert" class="alert" role="alert"></div>
  <p id="no-host" class="note" hidden>This page has no opener window, so it cannot tell the app about progress.</p>
  <form id="form" class="card" novalidate hidden aria-labelledby="step-label">
    <h2 id="step-label" tabindex="-1"></h2>
    <p class="note">Fields marked <span class="required-mark" aria-hidden="true">*</span> are required.</p>
    <fieldset id="fields"></fieldset>
    <div class="actions">
      <button type="button" id="cancel" class="cancel">Cancel</button>
      <button type="button" id="back" hidden>Back</button>
      <button type="submit" id="next" class="primary">Next</button>
    </div>
  </form>
  <section id="finished" class="card" hidden>
    <h2 tabindex="-1">Setup complete</h2>
    <p>Your settings are saved. You can close this window.</p>
  </section>
  <section id="cancelled" class="card" hidden>
    <h2 tabindex="-1">Setup cancelled</h2>
    <p>Nothing was saved. You can close this window.</p>
  </section>
  <footer><a href="#" id="simulate-error">Simulate wizard error</a></footer>
</main>
<script type="application/json" id="wizard-config">${scriptSafeJson(config)}</script>
<script nonce="${nonce}">${WIZARD_SCRIPT}</script>
</body>
</html>
`;
}
