// Plaid Link's React hook, as its README imports it. The package has no exports map, and its
// `browser` field names its UMD build (dist/index.umd.js): that is what Vite resolves here,
// browser first, ahead of `module` (see react-plaid-link.cjs.ts and .esm.ts for the others).
export { usePlaidLink } from 'react-plaid-link';
