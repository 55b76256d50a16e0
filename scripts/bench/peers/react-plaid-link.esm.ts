// The same hook from react-plaid-link's ES module build (`module`, dist/index.esm.js), which
// Vite does not pick by itself: the package's `browser` field, read first, names its UMD build.
// react-plaid-link ships no types for this path; they are those of react-plaid-link.ts.
// @ts-expect-error TS7016: no declaration file for react-plaid-link/dist/index.esm.js
export { usePlaidLink } from 'react-plaid-link/dist/index.esm.js';
