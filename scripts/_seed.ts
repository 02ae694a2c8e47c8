import { readFileSync } from 'node:fs';
import { newDoc } from '../src/doc.ts';
import { normalize } from '../src/components/normalize.ts';
import { sentences } from '../src/components/sentences.ts';
import { companies } from '../src/components/companies.ts';
const doc = newDoc({ url: null, title: 'x', publishedAt: null, source: null, text: readFileSync(process.argv[2]!, 'utf8') });
normalize.run(doc, { pipeline: 'x' }); sentences.run(doc, { pipeline: 'x' }); companies.run(doc, { pipeline: 'x' });
for (const c of doc.companies) console.log(`${c.name} [${c.rule} ${c.confidence}] ${c.aliases.join(' / ')} T=${c.ticker} cik=${c.cik} P=${c.parent} n=${c.mentions.length}`);
