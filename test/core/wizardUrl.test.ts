import { describe, expect, it } from 'vitest';
import { TrayEmbeddedError } from '../../src/core/errors';
import { assertWizardUrl } from '../../src/core/wizardUrl';
import { buildWizardUrl } from '../../src/core/wizardUrl';

const base = { embeddedId: 'acme', solutionInstanceId: 'si-1', authorizationCode: 'code 1' };

describe('buildWizardUrl', () => {
  it.each([
    [undefined, 'https://embedded.tray.io'],
    ['us', 'https://embedded.tray.io'],
    ['eu', 'https://embedded.eu1.tray.io'],
    ['apac', 'https://embedded.ap1.tray.io'],
  ] as const)('region %s uses %s', (region, origin) => {
    expect(buildWizardUrl({ ...base, region })).toBe(
      `${origin}/external/solutions/acme/configure/si-1?code=code+1`,
    );
  });

  it('uses a white-label host over the region and adds customValidation', () => {
    expect(
      buildWizardUrl({ ...base, region: 'eu', host: 'https://acme.integration-configuration.com/', customValidation: true }),
    ).toBe('https://acme.integration-configuration.com/external/solutions/acme/configure/si-1?code=code+1&customValidation=true');
  });

  it('encodes path segments', () => {
    expect(buildWizardUrl({ ...base, solutionInstanceId: 'a/b?c' })).toContain('/configure/a%2Fb%3Fc?');
  });

  it.each(['embeddedId', 'solutionInstanceId', 'authorizationCode'] as const)('refuses an empty %s', (key) => {
    expect(() => buildWizardUrl({ ...base, [key]: ' ' })).toThrow(/is empty/);
  });
});

describe('assertWizardUrl', () => {
  it.each(['https://embedded.tray.io/x', 'http://localhost:5174/x', 'http://127.0.0.1:9/x', 'http://[::1]:9/x'])(
    'accepts %s',
    (url) => expect(assertWizardUrl(url).href).toBe(new URL(url).href),
  );

  it.each([
    'http://embedded.tray.io/x',
    'http://127.0.0.1.evil.example/x',
    'javascript:alert(1)',
    'not a url',
    '/relative/path',
    '',
    42,
    null,
  ])('refuses %s with invalid_wizard_url', (url) => {
    try {
      assertWizardUrl(url);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TrayEmbeddedError);
      expect((error as TrayEmbeddedError).code).toBe('invalid_wizard_url');
    }
  });
});
