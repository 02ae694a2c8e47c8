#!/usr/bin/env python3
"""Draw news-dev 141-224: 84 more English Wikinews business stories for development (issue 10).

Mechanical: from ../shared/corpus/wikinews/articles.ndjson (or argv[1]), articles of 150-1,200 words
not used by news-dev 41-80, three keyword pools (as for 41-80), each sorted by Wikinews page id and
shuffled with random.Random(seed); the first N of each pool are taken as drawn (no reading, no
rejection): 50 deal, 20 market-share, 14 distractor. Later pools exclude earlier picks. Writes
corpus/news-dev/articles/NNN.json in the news-dev format.
"""
import json, random, re, sys, os

src = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/wikinews/articles.ndjson'
out = sys.argv[2] if len(sys.argv) > 2 else 'corpus/news-dev/articles'
rows = [json.loads(l) for l in open(src, encoding='utf-8')]
used = set()
for f in os.listdir(out):
    a = json.load(open(os.path.join(out, f), encoding='utf-8'))
    used.add(a['url'])
rows = [r for r in rows if r['url'] not in used and 150 <= len(r['text'].split()) <= 1200]
pid = lambda r: int(r['id'].split('-')[1])
I = re.I
DEAL = re.compile(r"\b(acquir(e|es|ed|ing)|acquisition|merger|takeover|buyout|joint venture|partnership|stake in|funding round|agreed to (buy|acquire|purchase)|bid for|contract with|deal with|invest(s|ed|ment) in)\b", I)
SHARE = re.compile(r"(market share|share of the [\w\s'-]{0,40}market|\d(\.\d+)?\s?(%|percent|per cent) (market )?share|\d(\.\d+)?\s?(%|percent|per cent) of (the |its |their )?([\w'-]+ ){0,4}(market|sales|shipments|users|subscribers|searches))", I)
PCT = re.compile(r"(\d\s?(%|percent|per cent)|[$£€]\s?\d|\d+(\.\d+)? (million|billion))", I)
NOT_DISTRACTOR = re.compile(r"\b(share|stake|merg|acqui|buy|bought|deal|invest)", I)

def pool(pred, seed, n, taken):
    p = sorted([r for r in rows if r['id'] not in taken and pred(r)], key=pid)
    random.Random(seed).shuffle(p)
    return p[:n]

taken = set()
share = pool(lambda r: SHARE.search(r['text']), 20261220, 20, taken); taken |= {r['id'] for r in share}
deal = pool(lambda r: len(DEAL.findall(r['text'])) >= 2, 20261221, 50, taken); taken |= {r['id'] for r in deal}
dis = pool(lambda r: PCT.search(r['text']) and not DEAL.search(r['text']) and not SHARE.search(r['text']) and not NOT_DISTRACTOR.search(r['text']), 20261222, 14, taken)
n = 141
for kind, group in (('market share', share), ('deal', deal), ('distractor', dis)):
    for r in group:
        a = {'id': str(n), 'url': r['url'], 'title': r['title'], 'publishedAt': r['publishedAt'], 'source': 'Wikinews', 'text': r['text']}
        with open(os.path.join(out, f'{n}.json'), 'w', encoding='utf-8') as f:
            json.dump(a, f, ensure_ascii=False, indent=2); f.write('\n')
        print(n, r['id'], kind, r['publishedAt'], r['title'][:70], len(r['text'].split()), sep='\t')
        n += 1
