import { TrayHandlerError } from './responses.js';

/** A wizard URL parameter's value, as the browser sends it to `…/wizard-url`. */
export type WizardParameterValue = string | number | boolean | readonly string[];

/**
 * The config wizard's URL parameters Tray documents or real integrations send
 * (shared/reference/tray-fidelity.md): `customValidation=true` (the validate handshake),
 * `skipTitleField`, `skipAuthSettings`, `serviceId`, `serviceEnvironmentId` and `scopes[]`.
 * The partner adds others with the handler's `wizardParameters` option.
 */
export const DOCUMENTED_WIZARD_PARAMETERS: readonly string[] = [
  'customValidation',
  'skipTitleField',
  'skipAuthSettings',
  'serviceId',
  'serviceEnvironmentId',
  'scopes',
];

// Set by the handler itself: a browser must not choose the code or the instance.
const RESERVED = new Set(['code', 'solutionInstanceId']);
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** The allow-list: Tray's parameters and the partner's own; a bad name fails at start-up. */
export function resolveWizardParameters(extra: readonly string[] | undefined, fail: (message: string) => never): ReadonlySet<string> {
  if (extra !== undefined && !Array.isArray(extra)) fail("wizardParameters must be an array of parameter names, e.g. ['theme'].");
  for (const name of extra ?? []) {
    if (typeof name !== 'string' || !NAME.test(name) || RESERVED.has(name)) {
      fail(`wizardParameters: ${JSON.stringify(name)} cannot be a wizard parameter (letters, digits, - and _; not "code" or "solutionInstanceId").`);
    }
  }
  return new Set([...DOCUMENTED_WIZARD_PARAMETERS, ...(extra ?? [])]);
}

/**
 * The `…/wizard-url` body's keys other than `solutionInstanceId`, as URL parameters: each must be
 * on the allow-list (anything else is a 400 naming it), with a string, number, boolean or list of
 * strings (sent as `name[]`, as `scopes[]` is). `false` leaves a flag out.
 */
export function wizardParametersOf(body: Record<string, unknown>, allowed: ReadonlySet<string>): Array<[string, string]> {
  const parameters: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(body)) {
    if (name === 'solutionInstanceId') continue;
    if (!allowed.has(name)) {
      throw new TrayHandlerError(
        400,
        'invalid_request',
        `"${name}" is not a wizard parameter this server allows. Allowed: ${[...allowed].join(', ')} (the server adds more with the wizardParameters option).`,
      );
    }
    if (value === false || value === null || value === undefined) continue;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      for (const item of value) parameters.push([`${name}[]`, item]);
    } else if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      parameters.push([name, String(value)]);
    } else {
      throw new TrayHandlerError(400, 'invalid_request', `"${name}" must be a string, a number, true or a list of strings.`);
    }
  }
  return parameters;
}
