import { isExpectedSender, isRecord, type ExpectedSender, type MessageLike } from './messageGuard.js';

/**
 * The messages of Tray's auth-only dialog (shared/reference/tray-fidelity.md). Tray spells the
 * error `tray.authPopup.error` (capital P) and the others in lower case; we read either.
 */
export const AUTH_MESSAGE = {
  finish: 'tray.authpopup.finish',
  close: 'tray.authpopup.close',
  error: 'tray.authPopup.error',
  /** Enhanced session security: the dialog asks; we answer with the same type and `data: accountId`. */
  accountIdRequest: 'tray.authpopup.accountIdRequest',
} as const;

/** What a finished auth dialog says: the authentication it created or edited. */
export interface AuthResult {
  authId: string;
  authType?: string;
}

/** Typed by Tray's names, in the spelling of `AUTH_MESSAGE` whatever the dialog sent. */
export type AuthDialogMessage =
  | { type: typeof AUTH_MESSAGE.finish; result: AuthResult }
  | { type: typeof AUTH_MESSAGE.close }
  | { type: typeof AUTH_MESSAGE.error; error: unknown }
  | { type: typeof AUTH_MESSAGE.accountIdRequest };

/** Returns the auth dialog's message carried by `event`, or `null` for anything we must ignore. */
export function readAuthMessage(event: MessageLike, expected: ExpectedSender): AuthDialogMessage | null {
  return isExpectedSender(event, expected) ? parseAuthMessage(event.data) : null;
}

/** The auth dialog's message in `data` (already from the expected sender), or `null`. */
export function parseAuthMessage(data: unknown): AuthDialogMessage | null {
  if (!isRecord(data) || typeof data.type !== 'string') return null;
  const body = isRecord(data.data) ? data.data : {};
  switch (data.type.toLowerCase()) {
    case 'tray.authpopup.finish': {
      const { authId, authType } = body;
      // A finish that names no authentication cannot be used: say so rather than wait forever.
      if (typeof authId !== 'string' || authId === '') return { type: AUTH_MESSAGE.error, error: 'The sign-in finished without naming the account (no data.authId).' };
      return { type: AUTH_MESSAGE.finish, result: typeof authType === 'string' ? { authId, authType } : { authId } };
    }
    case 'tray.authpopup.close':
      return { type: AUTH_MESSAGE.close };
    case 'tray.authpopup.error':
      // data.error today; earlier dialogs sent err, at the top or in data.
      return { type: AUTH_MESSAGE.error, error: body.error ?? body.err ?? data.error ?? data.err };
    case 'tray.authpopup.accountidrequest':
      return { type: AUTH_MESSAGE.accountIdRequest };
  }
  return null;
}
