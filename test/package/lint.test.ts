import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, describeRun, ensureBuilt, run } from './support/dist.js';

beforeAll(() => {
  ensureBuilt();
});

describe('package linters', () => {
  it('publint (strict, suggestions included) finds nothing', async () => {
    const { messages, pkg } = await publint({ pkgDir: ROOT, pack: 'npm', level: 'suggestion', strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`)).toEqual([]);
  });

  // The package is ESM-only ("type": "module", no CommonJS build), so the `esm-only` profile
  // ignores the node10 and node16-from-CJS resolutions: there a CommonJS `require` correctly
  // reports "ESM (dynamic import only)" (Node ≥ 20.19 can still `require()` it). The CSS
  // entries have no types by nature; TypeScript never resolves them.
  it('are-the-types-wrong finds nothing for node16 (ESM) and bundler resolution', () => {
    const attw = join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    const args = ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', './listing.css', './marketplace.css', '--no-definitely-typed'];
    const result = run(process.execPath, [attw, ...args, '--format', 'table-flipped', '--no-color', '--no-emoji']);
    expect(result.status, describeRun('attw', result)).toBe(0);
    expect(result.stdout).toContain('react-tray-embedded/server');
  });
});
