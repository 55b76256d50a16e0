/**
 * How a secret (a user token, a refused token) is written into Redis. With an encryption key:
 * AES-256-GCM through Web Crypto, a fresh 12-byte IV per value, and the Redis key as
 * additional data, so a value copied under another user's key does not decrypt. Without one:
 * the plain text (the partner was told, once, when the store was opened).
 */
export interface SecretCodec {
  readonly encrypted: boolean;
  seal(plain: string, key: string): Promise<string>;
  /** The plain text, or undefined when the value is not one this codec sealed under `key`. */
  open(sealed: string, key: string): Promise<string | undefined>;
}

const IV_BYTES = 12;
const MARK = 'v1.';

export function createSecretCodec(encryptionKey: Uint8Array | string | undefined): SecretCodec {
  if (encryptionKey === undefined) {
    return { encrypted: false, seal: async (plain) => plain, open: async (sealed) => sealed };
  }
  const raw = keyBytes(encryptionKey);
  let cryptoKey: Promise<CryptoKey> | undefined;
  // Imported on first use: a store can be made at module scope, before any await.
  const key = () => (cryptoKey ??= subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return {
    encrypted: true,
    async seal(plain, name) {
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(name) }, await key(), encoder.encode(plain));
      return MARK + toBase64(iv) + '.' + toBase64(new Uint8Array(sealed));
    },
    async open(sealed, name) {
      if (!sealed.startsWith(MARK)) return undefined;
      const [iv, data] = sealed.slice(MARK.length).split('.');
      if (!iv || !data) return undefined;
      try {
        const plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(iv), additionalData: encoder.encode(name) }, await key(), fromBase64(data));
        return decoder.decode(plain);
      } catch {
        return undefined; // another key (rotated), or tampered with: a miss
      }
    },
  };
}

function subtle(): SubtleCrypto {
  const found = globalThis.crypto?.subtle;
  if (!found) throw new Error('createRedisStore: encryptionKey needs Web Crypto (globalThis.crypto.subtle), which Node 20+, Workers and Deno have.');
  return found;
}

/** 32 bytes, given as bytes (a Buffer is one) or as 64 hex characters. */
function keyBytes(value: Uint8Array | string): Uint8Array<ArrayBuffer> {
  if (typeof value === 'string') {
    if (!/^[0-9a-fA-F]{64}$/.test(value)) throw badKey(`a string of ${value.length} characters`);
    return Uint8Array.from(value.match(/../g)!, (pair) => parseInt(pair, 16));
  }
  if (!(value instanceof Uint8Array)) throw badKey(typeof value);
  if (value.byteLength !== 32) throw badKey(`${value.byteLength} bytes`);
  return new Uint8Array(value);
}

function badKey(received: string): Error {
  return new Error(
    `createRedisStore: encryptionKey must be 32 bytes (a Uint8Array/Buffer) or 64 hex characters; received ${received}. Make one with \`openssl rand -hex 32\` and keep it with your other secrets.`,
  );
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
