import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SolutionInstanceEnabler } from '../../src';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { createTestTray } from '../support/testTray';

describe('SolutionInstanceEnabler onError', () => {
  it('fires once per load error, however often the host re-renders while it persists', async () => {
    const tray = createTestTray({ user: null }); // the handler answers 401: the load fails, and keeps failing
    const onError = vi.fn();
    const view = (label: string) => (
      // A new onError function and new labels on every render, as hosts often write them.
      <SolutionInstanceEnabler solutionInstanceId={SEED_IDS.instances.disabledComplete} onError={(error) => onError(error)} labels={{ configure: label }} />
    );
    const { rerender } = render(view('Configure'), { wrapper: tray.wrapper });
    expect(await screen.findByRole('alert')).toHaveTextContent('Your session expired. Sign in again.');
    for (let i = 0; i < 5; i += 1) rerender(view(`Configure ${i}`));
    expect(screen.getByRole('button', { name: 'Configure 4' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'unauthenticated', status: 401 });
  });
});
