import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InstanceConsole, createAdminClient } from '../../../src';
import { createTestTray, type TestTray } from '../../support/testTray';

const listCalls = (tray: TestTray) => tray.backend.requests.filter((request) => request.path === '/api/tray/admin/instances').length;

describe('InstanceConsole and its client prop', () => {
  it('a new client object on every render reloads nothing; the newest is used for the next call', async () => {
    const tray = createTestTray();
    const renders: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      renders.push(new Headers(init?.headers).get('x-render') ?? '');
      return tray.fetch(input, init);
    };
    // The host writes createAdminClient(...) inline, so every render passes a new object.
    const view = (n: number) => <InstanceConsole client={createAdminClient({ fetch, headers: { 'x-render': String(n) } })} />;
    const { rerender } = render(view(0));
    await screen.findByRole('table');
    await act(async () => {}); // requests are recorded once their body is read
    const afterMount = listCalls(tray); // StrictMode mounts twice: two loads, the first one dropped
    for (let n = 1; n <= 5; n += 1) rerender(view(n));
    await act(async () => {});
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(listCalls(tray)).toBe(afterMount);
    // The newest client is the one used: its header reaches the handler on the next call.
    await act(() => screen.getByRole('button', { name: 'Apply filters' }).click());
    await screen.findByRole('table');
    await act(async () => {});
    expect(renders.at(-1)).toBe('5');
  });
});
