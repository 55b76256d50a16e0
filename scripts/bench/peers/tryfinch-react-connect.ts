// Finch Connect's React hook from the package root (its README's import).
export { useFinchConnect } from '@tryfinch/react-connect';
