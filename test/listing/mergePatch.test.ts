import { describe, expect, it } from 'vitest';
import { applyMergePatch } from '../../src/listing';

// The test cases of RFC 7396, Appendix A.
const RFC_EXAMPLES: Array<[unknown, unknown, unknown]> = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

describe('applyMergePatch', () => {
  it.each(RFC_EXAMPLES)('RFC 7396 example: %j patched with %j gives %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  it('replaces arrays whole: sending only the new element deletes the others', () => {
    const stored = { solnUrls: [{ name: 'solution1', url: 'https://example.com/solution1' }, { name: 'solution2', url: 'https://example.com/solution2' }] };
    const result = applyMergePatch(stored, { solnUrls: [{ name: 'solution3', url: 'https://example.com/solution3' }] });
    expect(result).toEqual({ solnUrls: [{ name: 'solution3', url: 'https://example.com/solution3' }] });
  });

  it('does not mutate the target or the patch', () => {
    const target = { a: { b: 1, c: [1, 2] } };
    const patch = { a: { b: null, d: { e: 1 } } };
    const result = applyMergePatch(target, patch) as { a: { d: { e: number } } };
    result.a.d.e = 2;
    expect(target).toEqual({ a: { b: 1, c: [1, 2] } });
    expect(patch).toEqual({ a: { b: null, d: { e: 1 } } });
  });
});
