/** Small JSON helpers shared by the patch builder, the merge patch and the apps diff. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A deep copy with JSON semantics: `undefined` members are dropped, so copies compare and
 * serialise the same way. Used so results never share objects with the caller's inputs.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) copy[key] = cloneJson(member);
    }
    return copy as T;
  }
  return value;
}

/** Deep equality of JSON values; a member set to `undefined` counts as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!jsonEqual(a[key], b[key])) return false;
    }
    return true;
  }
  return false;
}

/** True when an empty array occurs anywhere in `value` (the API answers 400 to `[]`). */
export function containsEmptyArray(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || value.some(containsEmptyArray);
  if (isPlainObject(value)) return Object.values(value).some(containsEmptyArray);
  return false;
}
