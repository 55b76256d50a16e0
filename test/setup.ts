import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every component test renders inside <StrictMode>: double mounts must never double-enable.
// Components talk to our real handler and the mock Tray in process (test/support/testTray.tsx):
// on a loaded 2-core machine a signal can take longer than Testing Library's 1 s default.
configure({ reactStrictMode: true, asyncUtilTimeout: 4000 });
afterEach(() => cleanup());
