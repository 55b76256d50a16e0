/** Bodies read chunk by chunk, decoded once whole. */

/** The chunks as one array (the chunk itself when there is one, as there usually is). */
export function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// Not streaming: each decode gets a whole body, so one decoder of each kind serves every call.
/** Replaces malformed bytes (Tray's answers). */
export const lenientUtf8 = new TextDecoder();
/** Throws on malformed bytes (request bodies: answered 400). */
export const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
