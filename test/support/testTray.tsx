import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { createInProcessTray, type InProcessTray, type InProcessTrayOptions } from '../../src/mock-tray/inProcess';
import { WIZARD_ORIGIN } from './fakePopup';

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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A config wizard URL as the handler builds it for `solutionInstanceId`: Tray's host (the
 * fake popup's origin), the mock's embedded id and a fresh mock code. jsdom checks only its shape.
 */
export function wizardUrlFor(solutionInstanceId: string): RegExp {
  return new RegExp(`^${escape(WIZARD_ORIGIN)}/external/solutions/mock-embedded-id/configure/${escape(encodeURIComponent(solutionInstanceId))}\\?code=mock-code-[0-9a-f-]{36}$`);
}
