/** The wizard page's inline CSS: plain, readable, high contrast, visible focus. */
export const WIZARD_STYLES = `
  :root { color-scheme: light; --accent: #3b3bd6; --danger: #b3261e; --muted: #555; --line: #d5d5e0; }
  * { box-sizing: border-box; }
  [hidden] { display: none !important; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a22; background: #f5f5fa; }
  main { max-width: 34rem; margin: 0 auto; padding: 1.5rem; }
  .eyebrow { margin: 0; font-size: .8rem; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
  h1 { margin: .25rem 0; font-size: 1.5rem; }
  h2 { font-size: 1.1rem; margin: 1rem 0 .5rem; }
  h2:focus { outline: none; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1.25rem; }
  fieldset { border: 0; margin: 0; padding: 0; }
  .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: 1rem; }
  .field-checkbox { flex-direction: row; flex-wrap: wrap; align-items: center; gap: .5rem; }
  .field-checkbox .hint, .field-checkbox .field-error { flex-basis: 100%; }
  label, .auth-title { font-weight: 600; }
  .auth-title { margin: 0; }
  input[type="text"], input[type="number"], select { font: inherit; padding: .5rem .6rem; border: 1px solid #8a8aa0; border-radius: .35rem; }
  input[type="checkbox"] { width: 1.15rem; height: 1.15rem; }
  input:focus-visible, select:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  [aria-invalid="true"] { border-color: var(--danger); }
  .required-mark { color: var(--danger); }
  .hint { margin: 0; font-size: .9rem; color: var(--muted); }
  .field-error { margin: 0; font-size: .9rem; color: var(--danger); }
  .field-error:empty { display: none; }
  .actions { display: flex; gap: .5rem; justify-content: flex-end; margin-top: 1rem; }
  .actions .cancel { margin-right: auto; }
  button { font: inherit; padding: .5rem 1rem; border-radius: .35rem; border: 1px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; }
  button.primary { background: var(--accent); color: #fff; }
  button:disabled { opacity: .6; cursor: progress; }
  .status { min-height: 1.5rem; color: var(--muted); }
  .alert { margin: .75rem 0; padding: .75rem 1rem; border-radius: .35rem; background: #fdecea; color: var(--danger); border: 1px solid #f3b8b2; }
  .alert:empty { display: none; }
  .note { font-size: .9rem; color: var(--muted); }
  footer { margin-top: 1.5rem; font-size: .9rem; }
  footer a { color: var(--danger); }
`;
