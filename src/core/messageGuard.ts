import type { WizardMessage } from './messages.js';

export interface ExpectedSender {
  /** The exact origin of the URL the popup (or the dialog's frame) was sent to. */
  origin: string;
  /** The popup window itself, or the dialog's `iframe.contentWindow`. */
  source: unknown;
}

/** The subset of MessageEvent we read, so tests and non-DOM callers can pass plain objects. */
export interface MessageLike {
  origin: string;
  source: unknown;
  data: unknown;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The one guard of every message we act on: the origin compared exactly (a look-alike such as
 * `https://embedded.tray.io.evil.example` differs), and the sender our own popup or frame:
 * another window on the wizard's origin, say a second widget's popup, cannot finish this session.
 */
export const isExpectedSender = (event: MessageLike, expected: ExpectedSender): boolean =>
  event.origin === expected.origin && event.source === expected.source;

/** Returns the wizard message carried by `event`, or `null` for anything we must ignore (see `isExpectedSender`). */
export function readWizardMessage(event: MessageLike, expected: ExpectedSender): WizardMessage | null {
  return isExpectedSender(event, expected) ? parseWizardMessage(event.data) : null;
}

/** The config wizard's message in `data` (already from the expected sender), or `null`. */
export function parseWizardMessage(data: unknown): WizardMessage | null {
  if (!isRecord(data)) return null;
  const { type } = data;
  const body = isRecord(data.data) ? data.data : {};
  if (type === 'tray.configPopup.ready') return { type };
  // Real wizards send data.solutionInstanceId with finish, cancel and error.
  const report = typeof body.solutionInstanceId === 'string' ? { solutionInstanceId: body.solutionInstanceId } : {};
  if (type === 'tray.configPopup.finish' || type === 'tray.configPopup.cancel') return { type, ...report };
  // Tray's sample reads the error's text at the top (data.err); other callers read data.data.err.
  if (type === 'tray.configPopup.error') return { type, err: data.err ?? body.err, ...report };
  if (type !== 'tray.configPopup.validate' || !isRecord(data.data)) return null;
  // data.data.visibleValues / configValues; before 2019-03 they were visibleSlots / slotValues.
  const visibleValues = body.visibleValues ?? body.visibleSlots;
  const configValues = body.configValues ?? body.slotValues ?? {};
  if (!Array.isArray(visibleValues) || !visibleValues.every((id) => typeof id === 'string') || !isRecord(configValues)) return null;
  return { type, request: { visibleValues, configValues } };
}

/** A readable text for the wizard's `data.err`, which Tray documents only by name. */
export function describeWizardError(err: unknown): string {
  const text = typeof err === 'string' ? err : isRecord(err) ? err.message : '';
  return typeof text === 'string' ? text.trim() : '';
}
