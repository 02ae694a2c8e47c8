import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashId } from '../../src/util/ids.ts';
import { IdSet } from '../../src/util/id-set.ts';

const hex16 = fc.stringMatching(/^[0-9a-f]{16}$/);
const anyId = fc.oneof(hex16, fc.constantFrom('ffffffffffffffff', '0000000000000000', 'FFFFFFFFFFFFFFFF', 'dup-of-abc', ''), fc.string({ maxLength: 20 }));

describe('IdSet', () => {
  it('answers has() and size exactly as a Set of the same adds would (through several resizes)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), anyId), { maxLength: 400 }), (ops) => {
        const mine = new IdSet(16);
        const ref = new Set<string>();
        for (const [add, id] of ops) {
          if (add) {
            mine.add(id);
            ref.add(id);
          }
          expect(mine.has(id)).toBe(ref.has(id));
        }
        expect(mine.size).toBe(ref.size);
        for (const id of ref) expect(mine.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('holds 200,000 real article ids: all found, 200,000 others not', () => {
    const s = new IdSet();
    for (let i = 0; i < 200_000; i++) s.add(hashId('https://news.example.com/a', i));
    expect(s.size).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(s.has(hashId('https://news.example.com/a', i))).toBe(true);
    let found = 0;
    for (let i = 0; i < 200_000; i++) if (s.has(hashId('https://news.example.com/b', i))) found++;
    expect(found).toBe(0);
  });
});
