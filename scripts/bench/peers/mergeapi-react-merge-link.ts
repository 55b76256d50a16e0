// Merge Link's React hook, its package's only export.
export { useMergeLink } from '@mergeapi/react-merge-link';
