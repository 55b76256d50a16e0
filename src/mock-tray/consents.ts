import type { MockAuthSlot, MockService } from './types.js';

/** A consent is good for 10 minutes, as OAuth providers' authorization requests are. */
export const CONSENT_TTL_MS = 10 * 60 * 1000;

/** The service an auth slot's authentications are for: the seed's, else one named after the slot. */
export function serviceOfSlot(slot: MockAuthSlot): MockService {
  return slot.service ?? { id: slot.externalId.replace(/_auth$/, ''), name: slot.title };
}

/** One round trip to the consent page: started by a wizard or auth page, decided by the user there. */
export interface MockConsent {
  state: string;
  /** The wizard or auth-dialog session that asked; only it may redeem the code. */
  sessionId: string;
  userId: string;
  service: MockService;
  /** What the authentication is called once made, e.g. "Demo User's Slack workspace". */
  accountName: string;
  /** Set when the auth-only dialog's edit page reconnects this authentication. */
  authId: string | null;
  /** The wizard origin's callback page, where the consent page sends the user back. */
  redirectUri: string;
  expiresAt: number;
  code: string | null;
}

/**
 * The OAuth-like consents the mock runs between its wizard origin and its consent origin:
 * `start` (wizard origin) → the user allows on the consent page (`approve`) → the callback
 * page hands the code back to the wizard, which `redeem`s it once, with its own session.
 */
export class MockConsents {
  readonly #now: () => number;
  readonly #consents = new Map<string, MockConsent>();

  constructor(now: () => number) {
    this.#now = now;
  }

  start(consent: Omit<MockConsent, 'state' | 'expiresAt' | 'code'>): MockConsent {
    const started = { ...consent, state: `mock-consent-${globalThis.crypto.randomUUID()}`, expiresAt: this.#now() + CONSENT_TTL_MS, code: null };
    this.#consents.set(started.state, started);
    return started;
  }

  /** A live, undecided consent; `null` when unknown, expired or already decided. */
  pending(state: string): MockConsent | null {
    const consent = this.#consents.get(state);
    return consent && consent.code === null && this.#now() < consent.expiresAt ? consent : null;
  }

  approve(state: string): MockConsent | null {
    const consent = this.pending(state);
    if (consent) consent.code = `mock-grant-${globalThis.crypto.randomUUID()}`;
    return consent;
  }

  deny(state: string): MockConsent | null {
    const consent = this.pending(state);
    if (consent) this.#consents.delete(state);
    return consent;
  }

  /** Uses the code up: the consent, if `code` is its grant and `sessionId` the session that asked. */
  redeem(state: string, code: string, sessionId: string): MockConsent | null {
    const consent = this.#consents.get(state);
    if (!consent || consent.code === null || consent.code !== code || consent.sessionId !== sessionId || this.#now() >= consent.expiresAt) return null;
    this.#consents.delete(state);
    return consent;
  }
}
