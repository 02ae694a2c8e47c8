/**
 * Curated names (lexicon/data/aliases.json), loaded once:
 * - companies and divisions with their surface forms and parent ("AWS" -> Amazon Web Services,
 *   parent Amazon; "Microsoft Azure" -> parent Microsoft);
 * - products and product brands, never companies, with their owner (`ownerOfBrand`);
 * - bodies that are not companies (regulators, exchanges, indices, agencies cited as sources);
 * - company names that are ordinary words ("Target", "Orange") and need a company cue.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { nameKey } from './names.ts';
import { gazetteerLookup } from './gazetteer.ts';
import { readPrepared } from './prepared.ts';
import { DEMONYMS, FIRST_NAMES, LAST_NAMES, NATIONALITIES, PLACES, isCommonWord, isLexiconWord } from './words.ts';
import type { GazetteerEntry } from './gazetteer.ts';

const AliasFileSchema = z.object({
  companies: z.array(
    z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)), parent: z.string().min(1).optional() }),
  ),
  products: z.record(z.string(), z.string()),
  notCompanies: z.array(z.string().min(1)),
  guarded: z.array(z.string().min(1)),
});

export interface CuratedCompany {
  name: string;
  parent: string | null;
  /** The SEC-list entry of one of its forms, when listed ("Ford Motor" for Ford). */
  listed: GazetteerEntry | null;
  /** From the hand-curated list, or from the list of well-known companies (known-companies.json). */
  source: 'curated' | 'known';
}

const file = AliasFileSchema.parse(
  JSON.parse(readFileSync(new URL('./data/aliases.json', import.meta.url), 'utf8')),
);

const COMPANIES = new Map<string, CuratedCompany>();
for (const c of file.companies) {
  let listed: GazetteerEntry | null = null;
  for (const form of [c.name, ...c.aliases]) {
    const g = gazetteerLookup(nameKey(form));
    if (g && !g.short) {
      listed = g;
      break;
    }
  }
  const entry: CuratedCompany = { name: c.name, parent: c.parent ?? null, listed, source: 'curated' };
  for (const form of [c.name, ...c.aliases]) {
    const k = nameKey(form);
    if (k && !COMPANIES.has(k)) COMPANIES.set(k, entry);
  }
}
/**
 * Well-known companies named in news by a short form (lexicon/data/known-companies.json, compiled
 * from general knowledge, not from any labelled story): "Citicorp", "HBO", "Thomas Cook". The
 * curated list above wins where both name a form; a `guarded` entry is also an ordinary word, a
 * person's name or a place ("Ford", "Iceland") and needs a company cue.
 */
const KnownFileSchema = z.object({
  companies: z.array(
    z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]), parent: z.string().min(1).optional(), guarded: z.literal(true).optional() }),
  ),
});
const NOT_COMPANIES: ReadonlySet<string> = new Set(file.notCompanies.map(nameKey));
const ambiguousWord = (k: string) =>
  isCommonWord(k) || isLexiconWord(k) || FIRST_NAMES.has(k) || LAST_NAMES.has(k) || PLACES.has(k) || DEMONYMS.has(k) || NATIONALITIES.has(k);

/** One accepted form of a well-known company: [key, canonical name, parent or "", guarded 1/0]. */
export type KnownRow = [string, string, string, 0 | 1];

/**
 * The forms of known-companies.json that may name a company (prepared at build time by
 * prepare.ts: keying and checking 5,000 forms against the word tables costs ~150 ms at start).
 */
export function computeKnownTable(): KnownRow[] {
  const known = KnownFileSchema.parse(JSON.parse(readFileSync(new URL('./data/known-companies.json', import.meta.url), 'utf8')));
  // a first word shared by several companies ("Mitsubishi" of Mitsubishi Corp, Mitsubishi Motors,
  // Mitsubishi UFJ) names none of them alone
  const firstWords = new Map<string, number>();
  for (const c of known.companies) {
    const first = nameKey(c.name).split(' ')[0]!;
    firstWords.set(first, (firstWords.get(first) ?? 0) + 1);
  }
  const rows: KnownRow[] = [];
  for (const c of known.companies) {
    for (const form of [c.name, ...c.aliases]) {
      const k = nameKey(form);
      if (!k || NOT_COMPANIES.has(k) || file.products[form] !== undefined) continue;
      // One word alone must be a name and nothing else: not an ordinary word ("Orange", "Three"), a
      // person's name ("Miller"), a place or people ("Iceland", "Swiss", "American"), nor two letters.
      if (!k.includes(' ') && (c.guarded || k.length < 3 || ambiguousWord(k))) continue;
      // ...and a one-word short form of a longer name must look like a name of its own: an acronym
      // ("AIG") or an inner capital ("PayPal"), not a plain word of the name ("Telegraph", "Kingdom")
      if (!k.includes(' ') && form !== c.name && !/^[A-Z0-9&]{3,}$|[a-z][A-Z]/.test(form)) continue;
      if (!k.includes(' ') && (firstWords.get(k) ?? 0) > 1) continue;
      rows.push([k, c.name, c.parent ?? '', c.guarded ? 1 : 0]);
    }
  }
  return rows;
}

const KNOWN_GUARDED: string[] = [];
{
  const entries = new Map<string, CuratedCompany>();
  for (const [k, name, parent, guarded] of readPrepared<KnownRow[]>('known') ?? computeKnownTable()) {
    // the hand-curated list wins on a clash
    if (COMPANIES.has(k)) continue;
    let entry = entries.get(name);
    if (!entry) entries.set(name, (entry = { name, parent: parent || null, listed: null, source: 'known' }));
    COMPANIES.set(k, entry);
    if (guarded) KNOWN_GUARDED.push(k);
  }
}
const PRODUCTS = new Map<string, { name: string; owner: string }>();
for (const [name, owner] of Object.entries(file.products)) PRODUCTS.set(nameKey(name), { name, owner });
const GUARDED: ReadonlySet<string> = new Set([...file.guarded.map(nameKey), ...KNOWN_GUARDED]);

/** Longest curated name in key tokens. */
export const CURATED_MAX_TOKENS = Math.max(
  ...[...COMPANIES.keys(), ...PRODUCTS.keys(), ...NOT_COMPANIES].map((k) => k.split(' ').length),
);

/** The curated company or division with this name key ("aws" -> Amazon Web Services). */
export function curatedCompany(key: string): CuratedCompany | undefined {
  return COMPANIES.get(key);
}

/** True when the key names a product or product brand ("internet explorer", "ipod"). */
export function isProduct(key: string): boolean {
  return PRODUCTS.has(key);
}

/** True when the key names a known non-company body ("sec", "nasdaq", "european commission"). */
export function isNotCompany(key: string): boolean {
  return NOT_COMPANIES.has(key);
}

/** True when the key is a company name that is also an ordinary word ("target", "orange"). */
export function isGuarded(key: string): boolean {
  return GUARDED.has(key);
}

/**
 * The company that owns a brand, product or division, by any surface form:
 * "Internet Explorer" -> "Microsoft", "iPod" -> "Apple", "AWS" -> "Amazon"; null when unknown.
 * A name that is itself a company without a parent returns null.
 */
export function ownerOfBrand(name: string): string | null {
  const k = nameKey(name);
  const p = PRODUCTS.get(k);
  if (p) return p.owner;
  return COMPANIES.get(k)?.parent ?? null;
}
