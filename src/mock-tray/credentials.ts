/** User tokens ~2 days, as `authorize` documents. */
export const USER_TOKEN_TTL_MS = 2 * 24 * 60 * 60 * 1000;
/** Authorization codes: single-use, about 5 minutes. */
export const AUTHORIZATION_CODE_TTL_MS = 5 * 60 * 1000;
/** A wizard session outlives its code so a slow user can still finish. */
export const WIZARD_SESSION_TTL_MS = 60 * 60 * 1000;

export interface IssuedCredential {
  value: string;
  userId: string;
  expiresAt: number;
}

export interface WizardSession {
  id: string;
  userId: string;
  solutionInstanceId: string;
  expiresAt: number;
}

export type CodeRedemption =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid_code' | 'code_used' | 'code_expired' };

/** Random enough for a local mock; `crypto.randomUUID` exists in Node 20 and every browser. */
function randomId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID()}`;
}

/**
 * Every secret the mock hands out, each with its expiry measured on the store's clock so tests
 * can move time instead of waiting for it.
 */
export class MockCredentials {
  readonly #now: () => number;
  readonly #userTokens = new Map<string, IssuedCredential>();
  readonly #codes = new Map<string, IssuedCredential & { used: boolean }>();
  readonly #sessions = new Map<string, WizardSession>();

  constructor(now: () => number) {
    this.#now = now;
  }

  issueUserToken(userId: string): IssuedCredential {
    const token = { value: randomId('mock-user-token'), userId, expiresAt: this.#now() + USER_TOKEN_TTL_MS };
    this.#userTokens.set(token.value, token);
    return token;
  }

  /** The user a live token belongs to; `null` when unknown or expired. */
  userForToken(token: string): string | null {
    const issued = this.#userTokens.get(token);
    if (!issued) return null;
    if (this.#now() >= issued.expiresAt) {
      this.#userTokens.delete(token);
      return null;
    }
    return issued.userId;
  }

  /** Makes `token` expire now, as if two days had passed (for "401 → evict and retry" tests). */
  expireUserToken(token: string): void {
    this.#userTokens.delete(token);
  }

  issueAuthorizationCode(userId: string): IssuedCredential {
    const code = { value: randomId('mock-code'), userId, expiresAt: this.#now() + AUTHORIZATION_CODE_TTL_MS, used: false };
    this.#codes.set(code.value, code);
    return code;
  }

  /** Peeks at a code without using it up. */
  checkAuthorizationCode(code: string): CodeRedemption {
    const issued = this.#codes.get(code);
    if (!issued) return { ok: false, reason: 'invalid_code' };
    if (issued.used) return { ok: false, reason: 'code_used' };
    if (this.#now() >= issued.expiresAt) return { ok: false, reason: 'code_expired' };
    return { ok: true, userId: issued.userId };
  }

  /** Uses the code up; call only once every other check has passed. */
  consumeAuthorizationCode(code: string): void {
    const issued = this.#codes.get(code);
    if (issued) issued.used = true;
  }

  startWizardSession(userId: string, solutionInstanceId: string): WizardSession {
    const session = { id: randomId('mock-wizard-session'), userId, solutionInstanceId, expiresAt: this.#now() + WIZARD_SESSION_TTL_MS };
    this.#sessions.set(session.id, session);
    return session;
  }

  wizardSession(id: string): WizardSession | null {
    const session = this.#sessions.get(id);
    if (!session || this.#now() >= session.expiresAt) return null;
    return session;
  }

  /** Drops everything a removed user held. */
  revokeUser(userId: string): void {
    for (const map of [this.#userTokens, this.#codes, this.#sessions] as Array<Map<string, { userId: string }>>) {
      for (const [key, value] of map) if (value.userId === userId) map.delete(key);
    }
  }
}
