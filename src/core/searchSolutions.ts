import type { MarketplaceSolution } from '../graphql/marketplace.js';

/**
 * Search-as-you-type over the solutions already loaded: every word of `query` must appear
 * (case- and accent-insensitive) in the title, the description or a tag.
 */
export function searchSolutions(solutions: readonly MarketplaceSolution[], query: string): MarketplaceSolution[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...solutions];
  return solutions.filter((solution) => {
    const text = fold(`${solution.title} ${solution.description ?? ''} ${solution.tags.join(' ')}`);
    return words.every((word) => text.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
