import { LruMap } from './lru.js';

/**
 * Every secret this handler knows (the master token, the user tokens it issued or used,
 * previous ones included, and the authorization codes it minted) and the scrubber that keeps
 * them out of answers and log lines. Strings are checked as decoded values, never as wire
 * text, so a token Tray echoes JSON-escaped (`\u004d…`) is found like a plain one; strings
 * that look percent-, backslash- or HTML-escaped are checked decoded too, and redacted whole.
 *
 * Scanning is one rolling hash over each string (no allocation per position), so the cost
 * does not grow with the number of secrets.
 */
export interface SecretRegistry {
  /** Remembers a secret until it becomes the least recently seen past the bound. */
  add(secret: string): void;
  /** Replaces every secret in a string. */
  scrubText(text: string): string;
  /** Whether `text` holds a secret as it is (no decoding). */
  contains(text: string): boolean;
  /**
   * Replaces every secret in every string and key of a JSON value, in place. Throws a
   * `RangeError` for values nested deeper than `maxDepth`.
   */
  scrubValue<T>(value: T, maxDepth?: number): T;
}

export const REDACTED = '[redacted]';

/** Characters hashed per window; secrets shorter than this are searched for one by one. */
const WINDOW = 6;
const BASE = 31;
const BASE_POW = (() => {
  let pow = 1;
  for (let i = 1; i < WINDOW; i++) pow = Math.imul(pow, BASE);
  return pow;
})();

function windowHash(text: string, start: number): number {
  let hash = 0;
  for (let i = start; i < start + WINDOW; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

// A bit per hash value modulo its size, set for every indexed secret: most windows of a text
// are ruled out by one array read instead of a map lookup.
const FILTER_BITS = 1 << 16;

export function createSecretRegistry(options: { permanent: string[]; maxEntries: number }): SecretRegistry {
  const byHash = new Map<number, string[]>();
  const short = new Set<string>();
  // Counts, not bits, so that removing a secret can clear its slot when no other uses it.
  const filter = new Uint16Array(FILTER_BITS);

  const index = (secret: string) => {
    if (secret.length < WINDOW) return short.add(secret);
    const hash = windowHash(secret, 0);
    filter[hash & (FILTER_BITS - 1)]! += 1;
    const list = byHash.get(hash);
    if (list) list.push(secret);
    else byHash.set(hash, [secret]);
  };
  const unindex = (secret: string) => {
    if (secret.length < WINDOW) return short.delete(secret);
    const hash = windowHash(secret, 0);
    const list = byHash.get(hash);
    if (!list?.includes(secret)) return;
    filter[hash & (FILTER_BITS - 1)]! -= 1;
    const rest = list.filter((known) => known !== secret);
    if (rest.length === 0) byHash.delete(hash);
    else byHash.set(hash, rest);
  };

  const permanent = new Set(options.permanent.filter((secret) => secret !== ''));
  permanent.forEach(index);
  const recent = new LruMap<string, true>({
    maxEntries: options.maxEntries,
    onRemove: (secret) => {
      if (!permanent.has(secret)) unindex(secret);
    },
  });

  /** The secrets found in `text`, or undefined when there are none. */
  function find(text: string): Set<string> | undefined {
    let found: Set<string> | undefined;
    for (const secret of short) {
      if (text.includes(secret)) (found ??= new Set()).add(secret);
    }
    if (text.length < WINDOW || byHash.size === 0) return found;
    let hash = windowHash(text, 0);
    for (let i = 0; ; i++) {
      const candidates = filter[hash & (FILTER_BITS - 1)] === 0 ? undefined : byHash.get(hash);
      if (candidates) {
        for (const secret of candidates) if (text.startsWith(secret, i)) (found ??= new Set()).add(secret);
      }
      if (i + WINDOW >= text.length) break;
      hash = (Math.imul((hash - Math.imul(text.charCodeAt(i), BASE_POW)) | 0, BASE) + text.charCodeAt(i + WINDOW)) | 0;
    }
    return found;
  }

  function scrubText(text: string): string {
    const found = find(text);
    if (found) {
      let result = text;
      for (const secret of found) result = result.split(secret).join(REDACTED);
      return result;
    }
    // An encoded secret cannot be cut out of its encoding cleanly: the whole string goes.
    for (const decoded of decodings(text)) if (find(decoded)) return REDACTED;
    return text;
  }

  function scrubValue<T>(root: T, maxDepth = Infinity): T {
    if (typeof root === 'string') return scrubText(root) as T;
    const stack: Array<[unknown, number]> = [[root, 0]];
    while (stack.length > 0) {
      const [value, depth] = stack.pop()!;
      if (typeof value !== 'object' || value === null) continue;
      if (depth > maxDepth) throw new RangeError(`A value is nested deeper than ${maxDepth} levels.`);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (typeof item === 'string') value[i] = scrubText(item);
          else if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
        }
        continue;
      }
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        const safeKey = scrubText(key);
        if (safeKey !== key) {
          delete record[key];
          record[safeKey] = item;
        }
        if (typeof item === 'string') record[safeKey] = scrubText(item);
        else if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
      }
    }
    return root;
  }

  return {
    add(secret) {
      if (secret === '' || permanent.has(secret)) return;
      if (recent.get(secret)) return; // known: refreshed
      index(secret);
      recent.set(secret, true);
    },
    scrubText,
    scrubValue,
    contains: (text) => find(text) !== undefined,
  };
}

/** Decoded readings of a string that looks escaped: percent, backslash and HTML numeric escapes, nested up to three deep. */
function* decodings(text: string): Generator<string> {
  let current = text;
  for (let round = 0; round < 3; round++) {
    const next = decodeOnce(current);
    if (next === current) return;
    yield next;
    current = next;
  }
}

function decodeOnce(text: string): string {
  let result = text;
  if (result.includes('%')) {
    try {
      result = decodeURIComponent(result);
    } catch {
      result = result.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  }
  if (result.includes('\\')) {
    result = result
      .replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\(.)/g, '$1');
  }
  if (result.includes('&#')) {
    result = result
      .replace(/&#x([0-9a-fA-F]{1,6});?/g, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
      .replace(/&#([0-9]{1,7});?/g, (_, dec: string) => safeCodePoint(parseInt(dec, 10)));
  }
  return result;
}

function safeCodePoint(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
