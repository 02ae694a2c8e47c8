/** Print the candidate spans of one dev article (or a file): npx tsx scripts/debug-companies.ts 05 [grep] */
import { readFileSync } from 'node:fs';
import { newDoc } from '../src/doc.ts';
import { normalize } from '../src/components/normalize.ts';
import { sentences } from '../src/components/sentences.ts';
import { debugCandidates } from '../src/components/companies.ts';
const arg = process.argv[2]!;
const art = arg.includes('/') ? { title: 'x', text: readFileSync(arg, 'utf8') } : JSON.parse(readFileSync(`/work/shared/corpus/news-dev/articles/${arg}.json`, 'utf8'));
const doc = newDoc({ url: null, publishedAt: null, source: null, ...art });
normalize.run(doc, { pipeline: 'x' });
sentences.run(doc, { pipeline: 'x' });
const re = process.argv[3] ? new RegExp(process.argv[3], 'i') : null;
for (const l of debugCandidates(doc)) if (!re || re.test(l)) console.log(l);
