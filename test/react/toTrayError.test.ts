import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { TrayEmbeddedError } from '../../src/core/errors';
import { toTrayError } from '../../src/graphql/apolloErrors';

const graphqlErrors = (errors: object[]) => new CombinedGraphQLErrors({ data: null, errors: errors as never });
const serverError = (status: number, body: unknown) =>
  new ServerError('Response not successful', { response: new Response(null, { status }), bodyText: typeof body === 'string' ? body : JSON.stringify(body) });

describe('toTrayError', () => {
  it.each([
    ['missing values named in the message', graphqlErrors([{ message: 'Required config values are missing: Channel' }]), 'enable', 'missing_values'],
    ['missing values named only in extensions', graphqlErrors([{ message: 'Cannot enable', extensions: { code: 'MISSING_VALUES' } }]), 'enable', 'missing_values'],
    ['another refusal of an enable', graphqlErrors([{ message: 'Solution version is deprecated' }]), 'enable', 'graphql'],
    ['a refused disable', graphqlErrors([{ message: 'required field' }]), 'disable', 'graphql'],
    ['UNAUTHENTICATED from Tray', graphqlErrors([{ message: 'nope', extensions: { code: 'UNAUTHENTICATED' } }]), 'enable', 'unauthenticated'],
    ['401 from our handler', serverError(401, { error: { code: 'unauthenticated', message: 'Sign in' } }), 'load', 'unauthenticated'],
    ['429 with Tray rate-limit body', serverError(429, { data: null, errors: [{ message: 'Rate limit exceeded', extensions: { code: 'access_not_allowed' } }] }), 'enable', 'rate_limited'],
    ['403 forbidden operation', serverError(403, { error: { code: 'forbidden_operation', message: 'Not allowed' } }), 'enable', 'forbidden'],
    ['502 Tray unreachable', serverError(502, { error: { code: 'upstream_unreachable' } }), 'enable', 'network'],
    ['fetch failing', new TypeError('Failed to fetch'), 'enable', 'network'],
  ] as const)('%s → %s', (_label, error, action, code) => {
    const mapped = toTrayError(error, action);
    expect(mapped).toBeInstanceOf(TrayEmbeddedError);
    expect(mapped.code).toBe(code);
  });

  it('keeps Tray’s words as the message', () => {
    expect(toTrayError(serverError(429, { errors: [{ message: 'Rate limit exceeded' }] }), 'enable').message).toBe('Rate limit exceeded');
    expect(toTrayError(serverError(403, { error: { message: 'Not allowed' } }), 'enable').message).toBe('Not allowed');
  });

  it('passes our own errors through', () => {
    const error = new TrayEmbeddedError('popup_blocked', 'x');
    expect(toTrayError(error, 'enable')).toBe(error);
  });
});
