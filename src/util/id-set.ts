/**
 * A set of record ids that stays small when it grows to millions: the index a JSONL sink keeps of
 * every id in its files. Article ids are 16 lower-case hex digits (64 bits of a SHA-256, see
 * util/ids.ts); those are kept as two 32-bit halves in an open-addressing table (8 bytes a slot,
 * at most 2/3 full: about 12-16 bytes an id, against ~58 bytes in a Set of strings). Any other id
 * goes to an ordinary Set. Exact: no false positives, nothing is hashed away.
 */
const HEX16 = /^[0-9a-f]{16}$/;
const EMPTY_HI = 0xffffffff; // a slot is empty when hi = lo = EMPTY (that id is kept in `other`)

export class IdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  private packed = 0;
  private readonly other = new Set<string>();

  constructor(initialSlots = 1024) {
    let n = 16;
    while (n < initialSlots) n *= 2;
    this.hi = new Uint32Array(n).fill(EMPTY_HI);
    this.lo = new Uint32Array(n).fill(EMPTY_HI);
    this.mask = n - 1;
  }

  get size(): number {
    return this.packed + this.other.size;
  }

  has(id: string): boolean {
    const k = key(id);
    if (!k) return this.other.has(id);
    return this.find(k[0], k[1]) >= 0;
  }

  add(id: string): this {
    const k = key(id);
    if (!k) {
      this.other.add(id);
      return this;
    }
    const [h, l] = k;
    if (this.find(h, l) >= 0) return this;
    if ((this.packed + 1) * 3 > (this.mask + 1) * 2) this.grow();
    this.insert(h, l);
    this.packed++;
    return this;
  }

  /** Slot of (h, l), or -1. */
  private find(h: number, l: number): number {
    for (let i = slot(h, l, this.mask); ; i = (i + 1) & this.mask) {
      const sh = this.hi[i]!;
      const sl = this.lo[i]!;
      if (sh === h && sl === l) return i;
      if (sh === EMPTY_HI && sl === EMPTY_HI) return -1;
    }
  }

  private insert(h: number, l: number): void {
    let i = slot(h, l, this.mask);
    while (!(this.hi[i] === EMPTY_HI && this.lo[i] === EMPTY_HI)) i = (i + 1) & this.mask;
    this.hi[i] = h;
    this.lo[i] = l;
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2).fill(EMPTY_HI);
    this.lo = new Uint32Array(lo.length * 2).fill(EMPTY_HI);
    this.mask = this.hi.length - 1;
    for (let i = 0; i < hi.length; i++) if (!(hi[i] === EMPTY_HI && lo[i] === EMPTY_HI)) this.insert(hi[i]!, lo[i]!);
  }
}

/** The two halves of a 16-hex-digit id; null for any other id, and for the one the empty slot uses. */
function key(id: string): [number, number] | null {
  if (id.length !== 16 || !HEX16.test(id)) return null;
  const h = parseInt(id.slice(0, 8), 16);
  const l = parseInt(id.slice(8), 16);
  return h === EMPTY_HI && l === EMPTY_HI ? null : [h, l];
}

/** The ids are SHA-256 prefixes, already uniform: the low half picks the slot. */
const slot = (_h: number, l: number, mask: number) => (l ^ (l >>> 16)) & mask;
