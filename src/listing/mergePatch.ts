import { cloneJson, isPlainObject } from './json.js';

/**
 * Applies a JSON Merge Patch (RFC 7396, section 2) and returns the result; never mutates
 * `target` or `patch`. In short: an object patch merges member by member, `null` deletes a
 * member, and any other value, **arrays included**, replaces the target's value whole.
 *
 * The mock listing API uses this to behave like UpdateSolution; the tests use it to prove
 * that `buildSolutionPatch(before, after)` applied to `before` gives `after`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7396#section-2
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? cloneJson(target) : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[name];
    } else if (value !== undefined) {
      result[name] = applyMergePatch(result[name], value);
    }
  }
  return result;
}
