import { createHold, FaultRules, type FaultMatch, type FaultOptions, type FaultRule, type Hold, type HoldOptions } from './faults.js';
import { rateLimitExceededBody } from './rateLimiter.js';
import type { MockTrayFaultKind, MockTrayRequestLogEntry } from './types.js';

/**
 * Which GraphQL requests a knob applies to: a string is a root field the operation selects
 * (`updateSolutionInstance`, `authorize`, `viewer`) or its operation name
 * (`MarketplaceSolutionInstances`: every `viewer` query shares the root field `viewer`).
 */
export type MockTrayRequestMatch = FaultMatch<MockTrayRequestLogEntry>;

/** A GraphQL error as Tray sends one in `errors[]`. */
export interface MockTrayGraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
  path?: ReadonlyArray<string | number>;
}

/**
 * Thrown by the mock's API handler instead of answering: the connection failed. In process,
 * the caller's `fetch` rejects; over HTTP the mock's server drops the socket.
 */
export class MockTrayUnreachableError extends Error {
  override readonly name = 'MockTrayUnreachableError';
}

/** What a matched request gets instead of (or after) being run. */
export type MockTrayFaultEffect =
  | { kind: 'graphql_errors' | 'http_response'; status: number; body: string; headers: Record<string, string> }
  | { kind: 'unreachable' }
  | { kind: 'lose_answer' };

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

function matchesName(entry: MockTrayRequestLogEntry, name: string): boolean {
  return entry.operationName === name || entry.rootFields.includes(name);
}

/**
 * The mock Tray's knobs for the states tests and stories need: for the next request(s) that
 * match, answer a GraphQL error, answer any HTTP status, fail the connection, hold until
 * released, or run the operation and then lose the answer. Each applies once unless
 * `times` says more; rules are tried in the order they were added.
 */
export class MockTrayFaults {
  readonly #effects = new FaultRules<MockTrayRequestLogEntry, MockTrayFaultEffect>(matchesName);
  readonly #holds = new FaultRules<MockTrayRequestLogEntry, (entry: MockTrayRequestLogEntry) => Promise<void>>(matchesName);

  /** Answers HTTP 200 `{ data: null, errors }` without running the operation (a refusal). */
  graphqlErrors(match: MockTrayRequestMatch, errors: readonly MockTrayGraphqlError[], options?: FaultOptions): FaultRule {
    if (!Array.isArray(errors) || errors.length === 0 || errors.some((error) => typeof error?.message !== 'string')) {
      throw new TypeError('graphqlErrors needs at least one error with a message, e.g. [{ message: "Tray is busy" }].');
    }
    return this.#effects.add(match, { kind: 'graphql_errors', status: 200, body: JSON.stringify({ data: null, errors }), headers: JSON_TYPE }, options);
  }

  /** Answers Tray's exact rate-limit body (HTTP 200, `access_not_allowed`), as a token over its limit gets. */
  rateLimited(match: MockTrayRequestMatch, options?: FaultOptions): FaultRule {
    return this.#effects.add(match, { kind: 'graphql_errors', status: 200, body: rateLimitExceededBody(new Date(), { path: ['viewer'], locations: [{ line: 1, column: 3 }] }), headers: JSON_TYPE }, options);
  }

  /** Answers `status` with `body` (a string as is, anything else as JSON) without running the operation. */
  httpResponse(match: MockTrayRequestMatch, response: { status: number; body?: unknown; headers?: Record<string, string> }, options?: FaultOptions): FaultRule {
    const { status, body = '' } = response;
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError(`httpResponse needs an HTTP status from 200 to 599 (got ${String(status)}).`);
    }
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return this.#effects.add(match, { kind: 'http_response', status, body: text, headers: { ...JSON_TYPE, ...response.headers } }, options);
  }

  /** Fails the connection: nothing runs, the caller's fetch rejects (our handler answers 502). */
  unreachable(match: MockTrayRequestMatch, options?: FaultOptions): FaultRule {
    return this.#effects.add(match, { kind: 'unreachable' }, options);
  }

  /** Runs the operation (the change is made), then fails the connection: the answer is lost. */
  loseAnswer(match: MockTrayRequestMatch, options?: FaultOptions): FaultRule {
    return this.#effects.add(match, { kind: 'lose_answer' }, options);
  }

  /**
   * Stops matching requests before anything runs, until released; what happens to them then
   * (run, or another knob added meanwhile) is decided at release.
   */
  hold(match: MockTrayRequestMatch, options: HoldOptions = {}): Hold<MockTrayRequestLogEntry> {
    let stop: (entry: MockTrayRequestLogEntry) => Promise<void> = () => Promise.resolve();
    const rule = this.#holds.add(match, (entry) => stop(entry), options);
    const control = createHold<MockTrayRequestLogEntry>(rule, options);
    stop = control.stop;
    return control.hold;
  }

  /** Drops every rule not used yet. Requests already held stay held until their hold is released. */
  clear(): void {
    this.#effects.clear();
    this.#holds.clear();
  }

  /** Called by the API for each request once logged: waits out holds, then returns the effect, if any. */
  async arrive(entry: MockTrayRequestLogEntry): Promise<MockTrayFaultEffect | undefined> {
    const holds = this.#holds.take(entry, true);
    if (holds.length > 0) {
      entry.held = true;
      await Promise.all(holds.map((stop) => stop(entry)));
    }
    const [effect] = this.#effects.take(entry);
    if (effect) entry.fault = effect.kind satisfies MockTrayFaultKind;
    return effect;
  }
}
