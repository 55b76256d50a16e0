import { describe, expect, it } from 'vitest';
import { errorFrom } from '../../src/core/errorRules';

describe('ENABLE_REFUSED (the partner’s beforeEnable said no)', () => {
  const refusal = { errors: [{ message: 'A required contract is missing.', path: ['updateSolutionInstance'], extensions: { code: 'ENABLE_REFUSED' } }], data: null };

  it('is `refused` with the partner’s words, even when they mention what other rules look for', () => {
    const error = errorFrom(200, refusal, true);
    expect(error.code).toBe('refused');
    expect(error.message).toBe('A required contract is missing.');
  });

  it('other refusals keep their codes', () => {
    expect(errorFrom(200, { errors: [{ message: 'Slack channel is required' }] }, true).code).toBe('missing_values');
    expect(errorFrom(200, { errors: [{ message: 'Nope', extensions: { code: 'ENABLE_REFUSED_LATER' } }] }, true).code).toBe('graphql');
  });
});
