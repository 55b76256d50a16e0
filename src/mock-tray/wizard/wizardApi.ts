import type { MockTrayStore } from '../store.js';
import { applyAuthValues, authSlotViews } from './authSlots.js';
import { applyWizardValues, slotViews } from './values.js';

/** The wizard page's JSON endpoints, on the wizard origin. */
export const WIZARD_SESSION_PATH = '/wizard-api/session';
export const WIZARD_SAVE_PATH = '/wizard-api/save';

export function failure(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, ...extra } }, { status });
}

export const CODE_FAILURES = {
  invalid_code: 'This setup link is not valid. Close this window and start the setup again from the app.',
  code_used: 'This setup link was already used. Close this window and start the setup again from the app.',
  code_expired: 'This setup link has expired (links last 5 minutes). Close this window and start the setup again from the app.',
} as const;

export async function readJson(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body = (await request.json()) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * `POST /wizard-api/session` `{ embeddedId, solutionInstanceId, code }` → the form to show.
 * The code must be live, unused, issued for the instance's owner, and the URL's embeddedId must
 * be the store's; only then is the code used up, so a mistyped link does not burn it.
 */
export async function startWizardSession(store: MockTrayStore, request: Request): Promise<Response> {
  const body = await readJson(request);
  const { embeddedId, solutionInstanceId, code } = body ?? {};
  if (typeof embeddedId !== 'string' || typeof solutionInstanceId !== 'string' || typeof code !== 'string') {
    return failure(400, 'bad_request', 'Send JSON { embeddedId, solutionInstanceId, code }, all strings.');
  }
  const check = store.credentials.checkAuthorizationCode(code);
  if (!check.ok) return failure(401, check.reason, CODE_FAILURES[check.reason]);
  if (embeddedId !== store.embeddedId) {
    return failure(400, 'wrong_embedded_id', `The Embedded ID "${embeddedId}" in this link is not this account's. Check the embeddedId your server builds wizard URLs with.`);
  }
  const instance = store.instances.get(solutionInstanceId);
  const solution = instance && store.solutions.get(instance.solutionId);
  if (!instance || !solution || instance.owner !== check.userId) {
    return failure(404, 'instance_not_found', 'This setup link does not match an integration of yours. Close this window and start the setup again from the app.');
  }
  store.credentials.consumeAuthorizationCode(code);
  const session = store.credentials.startWizardSession(check.userId, instance.id);
  store.record({ type: 'wizardSessionStarted', solutionInstanceId: instance.id, userId: check.userId });
  return Response.json({
    sessionId: session.id,
    solution: { id: solution.id, title: solution.title, description: solution.description },
    instance: { id: instance.id, name: instance.name },
    slots: slotViews(solution, instance),
    authSlots: authSlotViews(store, solution, instance),
  });
}

/**
 * `POST /wizard-api/save` `{ sessionId, values, authValues? }` (decoded values and chosen
 * authentications by externalId) → stores them (values JSON encoded), as Tray would. An auth
 * slot left out keeps the account the page showed. It never enables the instance: the host app
 * does that after `tray.configPopup.finish`.
 */
export async function saveWizardValues(store: MockTrayStore, request: Request): Promise<Response> {
  const body = await readJson(request);
  const { sessionId, values, authValues = {} } = body ?? {};
  const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (typeof sessionId !== 'string' || !isMap(values) || !isMap(authValues)) {
    return failure(400, 'bad_request', 'Send JSON { sessionId, values: { [externalId]: value }, authValues?: { [externalId]: authId } }.');
  }
  const session = store.credentials.wizardSession(sessionId);
  if (!session) return failure(401, 'session_expired', 'This setup session has ended. Close this window and start the setup again from the app.');
  const instance = store.instances.get(session.solutionInstanceId);
  const solution = instance && store.solutions.get(instance.solutionId);
  if (!instance || !solution || instance.owner !== session.userId) {
    return failure(404, 'instance_not_found', 'This integration no longer exists. Close this window.');
  }
  const result = applyWizardValues(solution, instance, values);
  const auths = applyAuthValues(store, solution, instance, authValues);
  if (!result.ok || !auths.ok) {
    const message = !result.ok && result.unknown.length > 0 ? `Unknown config slots: ${result.unknown.join(', ')}.` : 'Some values need attention.';
    return failure(400, 'invalid_values', message, { fieldErrors: { ...(auths.ok ? {} : auths.fieldErrors), ...(result.ok ? {} : result.fieldErrors) } });
  }
  instance.configValues = result.configValues;
  instance.authValues = auths.authValues;
  const configValues = Object.fromEntries(result.configValues);
  const savedAuths = Object.fromEntries(auths.authValues.map(({ externalId, authId }) => [externalId, authId]));
  store.record({ type: 'wizardSaved', solutionInstanceId: instance.id, configValues, authValues: savedAuths });
  return Response.json({ ok: true, configValues, authValues: savedAuths });
}
