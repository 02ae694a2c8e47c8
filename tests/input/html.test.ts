import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromHtml } from '../../src/input/html.ts';
import { readArticles } from '../../src/input/read.ts';
import { ArticleSchema } from '../../src/schema.ts';

const page = (name: string) => readFileSync(`tests/fixtures/input/${name}`, 'utf8');

describe('articleFromHtml: a full news page', () => {
  const a = articleFromHtml(page('article-full.html'));

  it('takes metadata from the head', () => {
    expect(a.url).toBe('https://www.ledgertimes.example/business/2024/03/05/northwind-bluefin-deal');
    expect(a.title).toBe('Northwind Robotics agrees £1.2bn deal for Bluefin Sensors');
    expect(a.publishedAt).toBe('2024-03-05T08:15:00+00:00');
    expect(a.source).toBe('The Ledger Times');
    expect(ArticleSchema.parse(a)).toEqual(a);
  });

  it('keeps the story, one paragraph per block, separated by blank lines', () => {
    expect(a.text).toBe(
      [
        'Northwind Robotics, the warehouse automation group, has agreed to buy Bluefin Sensors for £1.2bn in cash, creating one of the largest suppliers of lidar units to logistics firms in Europe.',
        "The offer of 410p a share is a premium of 38% to Bluefin's closing price on Monday, and the board of the Cambridge-based company has said it will recommend it to shareholders.",
        'Northwind said the deal would lift its share of the European market for warehouse sensing equipment to about 27%, from 19% last year, according to estimates from the research firm Quarry Analytics.',
        'Regulatory scrutiny',
        'Analysts expect competition regulators to examine the deal closely. Two rival bids for Bluefin collapsed last year over concerns about market concentration.',
        '“We think the combined business will be good for customers,” said Northwind chief executive Tomas Eriksen.',
        'The transaction is expected to complete in the third quarter, subject to shareholder and regulatory approval. Shares in Bluefin rose 34% to 402p in early trading.',
      ].join('\n\n'),
    );
  });

  it('leaves out navigation, ads, captions, related links, comments and footer', () => {
    for (const chrome of [
      'Markets', 'Opinion', 'Advertisement', 'cookies', 'Share on', 'Photograph', 'Read more', 'profit warning',
      'Comments', 'Disappointing', 'Most read', 'Morning Ledger', 'All rights reserved', 'Privacy', 'By Priya',
    ]) {
      expect(a.text).not.toContain(chrome);
    }
    expect(a.text).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]| {2}/);
  });
});

describe('articleFromHtml: fallbacks', () => {
  it('a page with only <title> and <p>s', async () => {
    expect(await readArticles('tests/fixtures/input/title-and-paragraphs.html')).toEqual([
      {
        url: null,
        title: 'Harbour Foods profits slip as costs rise',
        publishedAt: null,
        source: null,
        text:
          'Harbour Foods said on Thursday that first-half profit fell 12% as higher energy and packaging costs ate into margins.\n\n' +
          'Sales rose 4% to £640m, helped by price increases, but volumes fell in its chilled ready-meals division.\n\n' +
          'The company kept its full-year forecast unchanged and said cost pressures should ease in the second half.',
      },
    ]);
  });

  it('JSON-LD headline and date, a <time>, a site suffix, and a relative canonical url', () => {
    const html = `<!doctype html><html><head>
      <title>Lumen Grid wins maintenance deal - Grid Weekly</title>
      <meta name="application-name" content="Grid Weekly">
      <link rel="canonical" href="/2022/11/lumen-grid">
      <script type="application/ld+json">[{"@type": "WebSite", "name": "Grid Weekly"},
        {"@type": ["NewsArticle"], "headline": "Lumen Grid wins &amp; maintenance deal", "datePublished": "2022-11-03T14:05:00",
         "publisher": [{"@type": "Organization", "name": "Grid Weekly Media"}]}]</script>
      <script type="application/ld+json">{ broken json </script>
    </head><body><article><p>Lumen Grid won a grid maintenance contract worth 40 mln euros, it said on Thursday.</p>
      <p>The contract runs for five years<br>and covers 300 substations.</p></article></body></html>`;
    const a = articleFromHtml(html, { url: 'https://gridweekly.example/feed/item?id=9' });
    expect(a).toEqual({
      url: 'https://gridweekly.example/2022/11/lumen-grid',
      title: 'Lumen Grid wins & maintenance deal',
      publishedAt: '2022-11-03',
      source: 'Grid Weekly Media',
      text:
        'Lumen Grid won a grid maintenance contract worth 40 mln euros, it said on Thursday.\n\n' +
        'The contract runs for five years\n\nand covers 300 substations.',
    });
  });

  it('strips the site name from <title> and reads a <time datetime>', () => {
    const html = `<html><head><title>Tandem Air orders jets | Air Ledger</title><meta property="og:site_name" content="Air Ledger"></head>
      <body><article><time datetime="2021-07-09T10:00:00-04:00">July 9</time><p>Tandem Air ordered 12 jets, it said.</p></article></body></html>`;
    expect(articleFromHtml(html)).toMatchObject({
      title: 'Tandem Air orders jets',
      source: 'Air Ledger',
      publishedAt: '2021-07-09T10:00:00-04:00',
      url: null,
    });
  });

  it('a page without text is an error naming the url', () => {
    expect(() => articleFromHtml('<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>', { url: 'https://x.example/a' })).toThrow(
      '[input] https://x.example/a: no article text found in the HTML',
    );
  });

  it('uses opts.url when the page names none, and table rows as paragraphs', () => {
    const html = `<html><head><title>Phone market shares</title></head><body><article>
      <p>Shares of the phone market in the second quarter, according to a survey.</p>
      <table><tr><th>Maker</th><th>Share</th></tr><tr><td>Acme</td><td>34%</td></tr></table></article></body></html>`;
    const a = articleFromHtml(html, { url: 'https://phones.example/q2' });
    expect(a.url).toBe('https://phones.example/q2');
    expect(a.text).toBe('Shares of the phone market in the second quarter, according to a survey.\n\nMaker | Share\n\nAcme | 34%');
  });
});

describe('articleFromHtml: title without a known site name', () => {
  it('prefers the <h1> when <title> is the h1 plus a suffix', () => {
    const html = `<html><head><title>Korvo lifts prices – Steel &amp; Metals Daily</title></head><body>
      <article><h1>Korvo lifts prices</h1><p>Korvo Industries said it would raise prices by 6% from June.</p>
      <p>The company blamed steel costs.</p></article></body></html>`;
    const a = articleFromHtml(html);
    expect(a.title).toBe('Korvo lifts prices');
    expect(a.text).toBe('Korvo Industries said it would raise prices by 6% from June.\n\nThe company blamed steel costs.');
  });
});
