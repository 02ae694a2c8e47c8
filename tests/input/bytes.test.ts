import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineColumn } from '../../src/input/json.ts';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/input/utf8.ts';

describe('firstInvalidUtf8', () => {
  const b = (...xs: number[]) => Uint8Array.from(xs);
  it.each([
    ['valid ASCII and multi-byte', Buffer.from('a£€😀z'), -1],
    ['windows-1252 é after "caf"', b(0x63, 0x61, 0x66, 0xe9, 0x20), 3],
    ['lone continuation byte', b(0x41, 0x80), 1],
    ['overlong encoding of "/"', b(0xc0, 0xaf), 0],
    ['UTF-16 surrogate encoded in UTF-8', b(0x41, 0xed, 0xa0, 0x80), 1],
    ['above U+10FFFF', b(0xf4, 0x90, 0x80, 0x80), 0],
    ['truncated at end', b(0x41, 0x42, 0xe2, 0x82), 2],
  ] as const)('%s', (_name, bytes, want) => {
    expect(firstInvalidUtf8(bytes)).toBe(want);
    expect(decodeUtf8(bytes).ok).toBe(want === -1);
  });

  it('drops a BOM when decoding', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFHeadline'))).toEqual({ ok: true, text: 'Headline' });
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', -1],
    ['[1, -2.5e3, true, null, "x\\u00e9"]', -1],
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a": tru}', 9],
    ['{"a": 01}', 7],
    ['{"a": "x', 8],
    ['{} extra', 3],
    ['', 0],
  ] as const)('%s -> %d', (text, want) => {
    expect(jsonErrorOffset(text)).toBe(want);
    let threw = false;
    try {
      JSON.parse(text);
    } catch {
      threw = true;
    }
    expect(threw).toBe(want !== -1);
  });

  it('lineColumn is 1-based', () => {
    expect(lineColumn('{\n  "a" 1\n}', 8)).toEqual({ line: 2, column: 7 });
    expect(lineColumn('x', 0)).toEqual({ line: 1, column: 1 });
  });
});
