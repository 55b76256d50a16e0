import { WIZARD_MESSAGE, type ValidateRequest, type WizardMessage } from './messages.js';

export interface ExpectedSender {
  /** The exact origin of the URL the popup was sent to. */
  origin: string;
  /** The popup window itself. */
  source: unknown;
}

/** The subset of MessageEvent we read, so tests and non-DOM callers can pass plain objects. */
export interface MessageLike {
  origin: string;
  source: unknown;
  data: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Returns the wizard message carried by `event`, or `null` for anything we must ignore.
 * The origin is compared exactly (a look-alike such as `https://embedded.tray.io.evil.example`
 * differs), and the sender must be our own popup: another window on the wizard's origin, say
 * a second widget's popup, cannot finish this session.
 */
export function readWizardMessage(event: MessageLike, expected: ExpectedSender): WizardMessage | null {
  if (event.origin !== expected.origin || event.source !== expected.source) return null;
  const data = event.data;
  if (!isRecord(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case WIZARD_MESSAGE.finish:
    case WIZARD_MESSAGE.cancel:
    case WIZARD_MESSAGE.ready:
      return { type: data.type };
    case WIZARD_MESSAGE.error:
      return { type: WIZARD_MESSAGE.error, err: data.err };
    case WIZARD_MESSAGE.validate: {
      const request = readValidateRequest(data.data);
      return request ? { type: WIZARD_MESSAGE.validate, request } : null;
    }
    default:
      return null;
  }
}

/** `validate` carries `data.data.visibleValues` (externalIds) and `data.data.configValues`. */
function readValidateRequest(payload: unknown): ValidateRequest | null {
  if (!isRecord(payload)) return null;
  const { visibleValues, configValues } = payload;
  if (!Array.isArray(visibleValues) || !visibleValues.every((id) => typeof id === 'string')) return null;
  if (configValues !== undefined && !isRecord(configValues)) return null;
  return { visibleValues: [...visibleValues], configValues: { ...(configValues ?? {}) } };
}

/** A readable text for the wizard's `data.err`, which Tray documents only by name. */
export function describeWizardError(err: unknown): string {
  if (typeof err === 'string' && err.trim()) return err.trim();
  if (isRecord(err) && typeof err.message === 'string' && err.message.trim()) return err.message.trim();
  return '';
}
