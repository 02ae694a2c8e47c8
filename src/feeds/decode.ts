/**
 * Feed bytes -> text. Real feeds lie about their encoding, so every label is weighed against
 * the bytes:
 *   1. gzip magic (a body compressed twice, or saved compressed) -> gunzip first;
 *   2. a BOM (UTF-8, UTF-16LE/BE), or UTF-16 without BOM recognised by "<?" as 16-bit units;
 *   3. the Content-Type charset, then the XML declaration's encoding="...";
 *   4. otherwise UTF-8 when the bytes are valid UTF-8, else windows-1252.
 * Checks on a label (header or prolog):
 *   - a single-byte label (latin-1, windows-125x, ...) over bytes that are valid UTF-8 with
 *     multi-byte sequences is a mislabel: the bytes win (UTF-8). Legacy text almost never forms
 *     valid multi-byte UTF-8 by chance;
 *   - a UTF-8 label over bytes that are mostly invalid UTF-8 is a mislabel too: windows-1252;
 *   - a UTF-16 label over ASCII-compatible bytes ("<?xml" as single bytes) is ignored;
 *   - unknown labels (encoding="invalid") are ignored.
 * After decoding: C1 controls (U+0080-U+009F, which only appear when windows-1252 bytes were
 * taken as Latin-1 code points) become the windows-1252 characters; characters illegal in XML
 * 1.0 are removed; the declaration's encoding is dropped so no parser decodes again.
 */
import { utf8SequenceAt } from '../input/utf8.ts';
import { gunzipSync } from 'node:zlib';

export interface DecodedFeed {
  text: string;
  /** WHATWG name of the encoding used, e.g. 'utf-8', 'windows-1252', 'utf-16le'. */
  encoding: string;
}

/** Cap on a gunzipped body (the HTTP client caps the wire body; this caps the inflation). */
const MAX_GUNZIP_BYTES = 32 * 1024 * 1024;

/** Encodings with one byte per character: a label of one of these can be overruled by valid UTF-8. */
const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|ibm866|x-mac-cyrillic)$/;

export function decodeFeedBytes(body: Buffer, contentType?: string | null): DecodedFeed {
  let bytes: Uint8Array = body;
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIP_BYTES });
    } catch {
      // Not really gzip (or truncated): decode the bytes as they are; the parser will say why.
    }
  }
  const { encoding, offset } = chooseEncoding(bytes, contentType ?? undefined);
  let text = new TextDecoder(encoding).decode(bytes.subarray(offset));
  text = cleanText(text);
  return { text: dropDeclaredEncoding(text), encoding };
}

function chooseEncoding(b: Uint8Array, contentType: string | undefined): { encoding: string; offset: number } {
  // 2. BOMs and BOM-less UTF-16.
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { encoding: utf8Verdict(b, 3) === 'invalid' ? 'windows-1252' : 'utf-8', offset: 3 };
  }
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', offset: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', offset: 2 };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return { encoding: 'utf-16le', offset: 0 };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return { encoding: 'utf-16be', offset: 0 };

  // 3. Labels, each checked against the bytes.
  const verdict = utf8Verdict(b, 0);
  for (const label of [charsetFromContentType(contentType), encodingFromProlog(b)]) {
    const enc = label ? canonicalEncoding(label) : null;
    if (!enc) continue;
    if (enc.startsWith('utf-16')) continue; // 8-bit bytes (we got here without a 16-bit pattern)
    if (enc === 'utf-8') return { encoding: verdict === 'invalid' ? 'windows-1252' : 'utf-8', offset: 0 };
    if (SINGLE_BYTE.test(enc) && verdict === 'multibyte') return { encoding: 'utf-8', offset: 0 };
    return { encoding: enc, offset: 0 };
  }
  // 4. No usable label.
  return { encoding: verdict === 'invalid' ? 'windows-1252' : 'utf-8', offset: 0 };
}

/** `text/xml; charset="ISO-8859-1"` -> 'ISO-8859-1'. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

/** The encoding="..." of an XML declaration near the start (read as ASCII), if any. */
function encodingFromProlog(b: Uint8Array): string | null {
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  const m = /<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1]! : null;
}

/** A label TextDecoder knows, as its canonical name ('latin1' -> 'windows-1252'), else null. */
function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * One pass over the bytes: 'ascii' (no byte >= 0x80), 'multibyte' (valid UTF-8 with at least one
 * multi-byte sequence, or mostly valid with a few corrupt bytes), or 'invalid' (invalid sequences
 * outnumber valid multi-byte ones: a legacy single-byte encoding).
 */
function utf8Verdict(b: Uint8Array, from: number): 'ascii' | 'multibyte' | 'invalid' {
  let valid = 0;
  let invalid = 0;
  for (let i = from; i < b.length; ) {
    const len = utf8SequenceAt(b, i);
    if (len === 0) {
      invalid++;
      i++;
    } else {
      if (len > 1) valid++;
      i += len;
    }
  }
  if (invalid === 0) return valid === 0 ? 'ascii' : 'multibyte';
  return valid >= invalid * 4 ? 'multibyte' : 'invalid';
}

/** windows-1252 0x80-0x9F; undefined positions (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to ''. */
const CP1252_C1 =
  '\u20ac\u0000\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u0000\u017d\u0000' +
  '\u0000\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u0000\u017e\u0178';

/**
 * C1 controls -> windows-1252 characters; remove what XML 1.0 forbids (C0 controls other than
 * tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) and the BOM character.
 */
export function cleanText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff\ufffe\uffff]|[\u0080-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (ch) => {
      const code = ch.charCodeAt(0);
      if (code >= 0x80 && code <= 0x9f) {
        const mapped = CP1252_C1[code - 0x80]!;
        return mapped === '\u0000' ? '' : mapped;
      }
      return '';
    },
  );
}

/** `<?xml version="1.0" encoding="windows-1252"?>` -> `<?xml version="1.0"?>` (text is decoded now). */
function dropDeclaredEncoding(text: string): string {
  const start = text.search(/\S/);
  if (start < 0 || !text.startsWith('<?xml', start)) return text;
  const end = text.indexOf('?>', start);
  if (end < 0 || end > start + 512) return text;
  const decl = text.slice(start, end).replace(/\s+encoding\s*=\s*(["'])[^"']*\1/, '');
  return text.slice(0, start) + decl + text.slice(end);
}
