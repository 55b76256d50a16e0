// The same hook from react-plaid-link's CommonJS build (`main`, dist/index.js): what a bundler
// that ignores `module` ships.
export { usePlaidLink } from 'react-plaid-link/dist/index.js';
