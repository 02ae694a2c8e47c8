import { describe, expect, it } from 'vitest';
import { contentHash, hamming, simhash64, simhashBands } from '../../src/ingest/dedupe.ts';
import { articleIdOf, canonicalUrl } from '../../src/util/ids.ts';

describe('canonicalUrl', () => {
  it.each([
    ['HTTPS://News.Example.COM:443/a/b?utm_source=rss&utm_medium=feed&b=2&a=1#top', 'https://news.example.com/a/b?a=1&b=2'],
    ['http://example.com:80', 'http://example.com/'],
    ['http://example.com:8080/x?fbclid=abc', 'http://example.com:8080/x'],
    ['https://example.com/story?id=7&at_medium=RSS&at_campaign=rss', 'https://example.com/story?id=7'],
    ['https://example.com./x', 'https://example.com/x'],
  ])('%s -> %s', (input, want) => {
    expect(canonicalUrl(input)).toBe(want);
  });

  it('keeps parameters that select content, and gives equal ids to variants', () => {
    expect(canonicalUrl('https://example.com/article?p=123')).toBe('https://example.com/article?p=123');
    expect(articleIdOf('https://Example.com/a?utm_campaign=x#c')).toBe(articleIdOf('https://example.com/a'));
    expect(articleIdOf('https://example.com/a?p=1')).not.toBe(articleIdOf('https://example.com/a?p=2'));
  });

  it('leaves non-http inputs alone', () => {
    expect(canonicalUrl(' not a url ')).toBe('not a url');
    expect(canonicalUrl('file:///tmp/a.xml')).toBe('file:///tmp/a.xml');
  });
});

const STORY = [
  'The company said on Tuesday that it had agreed to buy a smaller rival for about two billion dollars in cash,',
  'adding software for factories and warehouses to its range. The deal is expected to close in the second half',
  'of the year, subject to approval by regulators in Europe and the United States. Shares in the target rose',
  'sharply in early trading while the buyer slipped slightly. Analysts said the price looked full but that the',
  'purchase filled an obvious gap in the product line and would help the group sell more services to existing customers.',
  'The chief executive told investors on a call that the two businesses had worked together for several years and',
  'shared many customers in the car and food industries. He said there were no plans to close sites or cut jobs,',
  'although some back office work would be combined over time. The target was founded fifteen years ago by two',
  'engineers and employs about three thousand people, most of them in research and development. Its revenue grew',
  'by a fifth last year, helped by demand from manufacturers who want to track stock and machines in real time.',
  'The buyer has made a string of smaller purchases over the past decade but this is its largest so far. It said it',
  'would pay for the deal from cash reserves and new borrowing, and that it still expected to keep its dividend.',
].join(' ');

describe('content hash and SimHash', () => {
  it('content hash folds case and whitespace only', () => {
    expect(contentHash('A  b\nC')).toBe(contentHash('a b c'));
    expect(contentHash('a b c')).not.toBe(contentHash('a b d'));
  });

  it('a syndicated copy (last line changed, agency line added) is within the default 6 bits; another story is not', () => {
    const copy = STORY.replace('slipped slightly', 'slipped') + ' This report was distributed by a news agency.';
    const other =
      'Heavy rain closed several roads in the north of the country overnight and forecasters warned that more ' +
      'storms were on the way, with flood alerts in place for rivers in three regions until the weekend at least.';
    const a = simhash64(STORY)!;
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hamming(a, simhash64(copy)!)).toBeLessThanOrEqual(6);
    expect(hamming(a, simhash64(other)!)).toBeGreaterThan(10);
    expect(simhash64('  ')).toBeNull();
  });

  it('bands: two signatures within k bits share a band (pigeonhole)', () => {
    const a = simhash64(STORY)!;
    let x = BigInt('0x' + a);
    for (const bit of [1, 17, 33, 49, 60, 62]) x ^= 1n << BigInt(bit); // flip 6 bits across the word
    const b = x.toString(16).padStart(16, '0');
    expect(hamming(a, b)).toBe(6);
    const ba = simhashBands(a, 6);
    const bb = simhashBands(b, 6);
    expect(ba).toHaveLength(7);
    expect(ba.some((band, i) => band === bb[i])).toBe(true);
  });
});
