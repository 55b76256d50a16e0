import { ApolloProvider } from '@apollo/client/react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { createInProcessTray, type InProcessTray, type InProcessTrayOptions } from '../../src/mock-tray/inProcess';
import { WIZARD_ORIGIN, nextPopup, type FakePopup } from './fakePopup';

export interface TestTray extends InProcessTray {
  /** Renders children inside `ApolloProvider` with the harness's one client. */
  wrapper: (props: { children: ReactNode }) => ReactNode;
}

/**
 * The in-process harness (src/mock-tray/inProcess.ts) for jsdom tests: our real handler in front
 * of a fresh mock Tray (seeded unless `seed: false`), plus a `wrapper` for Testing Library.
 */
export function createTestTray(options: InProcessTrayOptions = {}): TestTray {
  const tray = createInProcessTray(options);
  const wrapper = ({ children }: { children: ReactNode }) => <ApolloProvider client={tray.client}>{children}</ApolloProvider>;
  return Object.assign(tray, { wrapper });
}

/**
 * What each component test on the harness starts from: a fresh seeded harness and a fresh fake
 * popup behind `window.open`. In a file: `beforeEach(() => { ({ tray, popup } = freshTrayAndPopup()); })`.
 */
export function freshTrayAndPopup(options: InProcessTrayOptions = {}): { tray: TestTray; popup: FakePopup } {
  const popup = nextPopup();
  return { popup, tray: createTestTray(options) };
}

/** Renders `ui` inside the harness's `ApolloProvider`, with a user-event session to drive it. */
export function renderWithTray(tray: TestTray, ui: ReactElement) {
  const view = render(ui, { wrapper: tray.wrapper });
  return { ...view, user: userEvent.setup() };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A config wizard URL as the handler builds it for `solutionInstanceId`: Tray's host (the
 * fake popup's origin), the mock's embedded id and a fresh mock code. jsdom checks only its shape.
 */
export function wizardUrlFor(solutionInstanceId: string): RegExp {
  return new RegExp(`^${escape(WIZARD_ORIGIN)}/external/solutions/mock-embedded-id/configure/${escape(encodeURIComponent(solutionInstanceId))}\\?code=mock-code-[0-9a-f-]{36}$`);
}
