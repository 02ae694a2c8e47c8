import { describe, expect, it } from 'vitest';
import { normalizeDate, parseFeed } from '../../src/feeds/parse.ts';

describe('feed dates: a day the month does not have is null, never rolled over into the next month', () => {
  it.each([
    ['Thu, 30 Feb 2023 10:00:00 GMT', null],
    ['2023-02-29T10:00:00Z', null],
    ['2023-04-31', null],
    ['February 30, 2023', null],
    ['30 Feb 23 1500 GMT', null],
    ['2/30/2023', null],
    ['Tue, 31 Apr 2024 10:00 EDT', null],
    // real days are unchanged, leap days and zone shifts across a month end included
    ['2024-02-29T10:00:00Z', '2024-02-29T10:00:00.000Z'],
    ['29 Feb 24 1500 GMT', '2024-02-29T15:00:00.000Z'],
    ['2023-01-31T23:00:00-05:00', '2023-02-01T04:00:00.000Z'],
    ['Wed, 31 Jan 2024 10:00:00 +0100', '2024-01-31T09:00:00.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
  ])('%s -> %s', (raw, want) => {
    expect(normalizeDate(raw)).toBe(want);
  });

  it('an item with an impossible pubDate has no date; an Atom entry falls back to <updated>', async () => {
    const rss = await parseFeed(
      '<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>' +
        '<item><title>A</title><link>https://news.example/a</link><pubDate>Thu, 30 Feb 2023 10:00:00 GMT</pubDate></item>' +
        '</channel></rss>',
      'https://news.example/feed.xml',
    );
    expect(rss.items[0]).toMatchObject({ title: 'A', publishedAt: null });
    const atom = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2023-03-01T00:00:00Z</updated>' +
        '<entry><title>B</title><id>urn:b</id><link href="https://news.example/b"/>' +
        '<published>2023-02-29T10:00:00Z</published><updated>2023-03-01T09:00:00Z</updated></entry></feed>',
      'https://news.example/atom.xml',
    );
    expect(atom.items[0]).toMatchObject({ title: 'B', publishedAt: '2023-03-01T09:00:00.000Z', updatedAt: '2023-03-01T09:00:00.000Z' });
  });
});
