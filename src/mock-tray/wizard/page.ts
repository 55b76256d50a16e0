import { renderPage } from './pageShell.js';
import { WIZARD_SCRIPT } from './pageScript.js';

export interface WizardPageConfig {
  embeddedId: string;
  solutionInstanceId: string;
  /** Origins the page may post messages to and accept validation answers from. */
  hostOrigins: readonly string[];
}

/**
 * The whole config wizard page: static markup, inline CSS and inline script under one CSP nonce.
 * Nothing about the instance is in the HTML: the script shows it only after the code checks out.
 */
export function renderWizardPage(config: WizardPageConfig, nonce: string): string {
  return renderPage({
    title: 'Configure integration · Mock Tray',
    nonce,
    config,
    script: WIZARD_SCRIPT,
    main: `  <header>
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
  <footer><a href="#" id="simulate-error">Simulate wizard error</a></footer>`,
  });
}
