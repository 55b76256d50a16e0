import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every component test renders inside <StrictMode>: double mounts must never double-enable.
configure({ reactStrictMode: true });
afterEach(() => cleanup());
