/**
 * Strict UTF-8 decoding that says where the bytes go wrong. TextDecoder({fatal: true}) rejects
 * bad input but does not say where; on failure we scan once to find the first bad byte.
 */

const DECODER = new TextDecoder('utf-8', { fatal: true }); // drops a leading BOM (ignoreBOM: false)

export type Utf8Result = { ok: true; text: string } | { ok: false; offset: number };

export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: DECODER.decode(bytes) };
  } catch {
    return { ok: false, offset: firstInvalidUtf8(bytes) };
  }
}

/**
 * Length of the well-formed UTF-8 sequence starting at byte `i` (1 for ASCII, 2-4 for multi-byte),
 * or 0 when it is ill-formed there (WHATWG / Unicode table 3-7 rules: no overlongs, no
 * surrogates, nothing above U+10FFFF, no truncation at the end of the input).
 */
export function utf8SequenceAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + need >= b.length) return 0;
  const first = b[i + 1]!;
  if (first < lo || first > hi) return 0;
  for (let k = 2; k <= need; k++) {
    const cc = b[i + k]!;
    if (cc < 0x80 || cc > 0xbf) return 0;
  }
  return need + 1;
}

/**
 * Byte offset of the first byte of the first ill-formed sequence, or -1 when the bytes are valid.
 * Examples: windows-1252 "caf\xE9 au lait" -> 3; a lone continuation byte "\x80" -> 0.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const len = utf8SequenceAt(b, i);
    if (len === 0) return i;
    i += len;
  }
  return -1;
}
