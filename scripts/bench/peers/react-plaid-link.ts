// Plaid Link's React hook, as its README imports it. The package has no exports map; bundlers
// that read `module` (Vite, webpack, esbuild) get its ESM build, dist/index.esm.js.
export { usePlaidLink } from 'react-plaid-link';
