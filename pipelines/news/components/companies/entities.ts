/**
 * company_entities: the mentions of decided keys become entities; the surface forms of one company
 * merge into one ("Acme Widget Corp" ... "Acme" ... "AWC" ... "Acme's"), curated forms share their
 * curated name, divisions get their parent, and each entity its canonical name, ticker and CIK.
 */
import type { CompanyEntity, CompanyMention, Component, Doc } from '../../doc.ts';
import { slug } from '../../../../src/util/ids.ts';
import type { CuratedCompany } from '../../lexicon/aliases.ts';
import { curatedCompany } from '../../lexicon/aliases.ts';
import type { GazetteerEntry } from '../../lexicon/gazetteer.ts';
import { DESIGNATORS, displayName, nameKey } from '../../lexicon/names.ts';
import { LEGAL_SUFFIXES, isOwnLegalForm } from '../../lexicon/legal-forms.ts';
import { DATE_WORDS, DEMONYMS, FIRST_NAMES, PLACES, isCommonWord, isLexiconWord } from '../../lexicon/words.ts';
import { CLASS_RULES, LARGE_LISTED_RANK, LISTED_SHORT_FORM_MIN_CONFIDENCE, PLACE_WORD_MIN_CUE } from '../../rules/companies.ts';
import { cueScore } from './cues.ts';
import { DOTCOM_END_RE, DOTCOM_KEY_RE, initialsOf } from './tokens.ts';
import type { CompanyCandidate as Cand } from './types.ts';

interface Ent {
  key: string;
  forms: string[];
  mentions: CompanyMention[];
  curated: CuratedCompany | null;
  gaz: GazetteerEntry | null;
  ticker: string | null;
  conf: number;
  rule: string;
}

/** The company entities of an article, from its classified candidates and decided keys. */
/** A capitalised "The" right before a mention, inside a sentence (a word or comma before it). */
const MID_SENTENCE_THE = /[\w,;:]\s+The $/;

export function buildEntities(doc: Doc): CompanyEntity[] {
  const toks = doc.companyTokens;
  const { list: cands, brandKeys, acronyms: defined } = doc.companyCandidates;
  const { decided: companyKeys, blocked } = doc.companyDecisions;
  // Entities from decided keys; curated forms of one company share one entity.
  const ents = new Map<string, Ent>();
  const entOfKey = new Map<string, Ent>();
  const add = (ent: Ent, c: Cand) => {
    const t0 = toks[c.sp.a]!;
    const t1 = toks[c.sp.b - 1]!;
    if (ent.mentions.some((m) => m.start === t0.s)) return;
    ent.mentions.push({ start: t0.s, end: t1.e, text: doc.text.slice(t0.s, t1.e), sentence: t0.sent });
    if (!ent.forms.includes(c.surface)) ent.forms.push(c.surface);
    if (c.sp.ticker) ent.ticker ??= c.sp.ticker;
  };
  const curatedOfKey = new Map<string, CuratedCompany>();
  for (const c of cands) if (c.curated && c.kind !== 'other') curatedOfKey.set(c.key, c.curated);
  const groupOf = (k: string) => {
    const cur = curatedOfKey.get(k);
    return cur ? `curated:${cur.name}` : k;
  };
  for (const c of cands) {
    const long = defined.get(c.key);
    const dec = long !== undefined && companyKeys.has(long) ? companyKeys.get(long) : companyKeys.get(c.key);
    if (!dec || c.kind === 'other' || c.kind === 'person') continue;
    const group = long !== undefined && companyKeys.has(long) ? groupOf(long) : groupOf(c.key);
    let ent = ents.get(group);
    if (!ent) {
      ent = { key: c.key, forms: [], mentions: [], curated: c.curated, gaz: c.gaz, ticker: null, conf: dec.conf, rule: dec.rule };
      ents.set(group, ent);
    }
    ent.conf = Math.max(ent.conf, dec.conf);
    ent.gaz ??= c.gaz ?? c.curated?.listed ?? null;
    entOfKey.set(c.key, ent);
    add(ent, c);
  }
  const alias = new Map<string, Ent>();
  for (const [acr, long] of defined) {
    const ent = entOfKey.get(long);
    if (ent) alias.set(acr, ent);
  }
  // Short forms and acronyms: "Acme" and "AWC" for "Acme Widget Corp"; "Acme Canada" for
  // "Acme Motor Co of Canada" (same first and last word).
  let prefixOf = new Map<string, Ent | null>();
  let initials = new Map<string, Ent | null>();
  let byFirst = new Map<string, string[]>();
  const firstAt = (e: Ent) => Math.min(...e.mentions.map((m) => m.start));
  const note = (m: Map<string, Ent | null>, k: string, ent: Ent) => {
    const had = m.get(k);
    // "Boston Widget" after "Boston Widget Savings Bank" and "Boston Widget Bancorp": a short form of
    // two or more words is the company the article introduced first; one word ("Acme") stays ambiguous.
    if (had && had !== ent && k.includes(' ')) m.set(k, firstAt(had) <= firstAt(ent) ? had : ent);
    else m.set(k, had === undefined || had === ent ? ent : null);
  };
  const buildMaps = () => {
    prefixOf = new Map();
    initials = new Map();
    byFirst = new Map();
    for (const [k, ent] of entOfKey) {
      const t = k.split(' ');
      for (let n = 1; n < t.length; n++) note(prefixOf, t.slice(0, n).join(' '), ent);
      const list = byFirst.get(t[0]!) ?? [];
      list.push(k);
      byFirst.set(t[0]!, list);
    }
    for (const ent of ents.values()) {
      for (const f of ent.forms) {
        // "J. Walter Widget Inc" -> "walter widget", "walter"
        const lead = /^(?:[A-Z]\.?\s*){1,3}(?=[A-Z][a-z])/.exec(f);
        const rest = lead ? f.slice(lead[0].length) : '';
        if (rest) {
          const t = nameKey(rest).split(' ');
          for (let n = 1; n <= t.length; n++) {
            const own = entOfKey.get(t.slice(0, n).join(' '));
            if (!own || own !== ent) note(prefixOf, t.slice(0, n).join(' '), ent);
          }
        }
        // "Trans World Airlines Inc" -> "twai" and "twa"
        for (const form of [f, displayName(f)]) {
          const ini = initialsOf(form);
          if (ini.length >= 2) note(initials, ini, ent);
        }
      }
    }
  };
  const target = (key: string, lone: string | null): Ent | null => {
    let ent = alias.get(key) ?? null;
    // "Acme.com" for "Acme"
    const dot = DOTCOM_KEY_RE.exec(key);
    if (!ent && dot && lone) ent = entOfKey.get(dot[1]!) ?? null;
    if (!ent && lone && /^[A-Z&]{2,6}$/.test(lone)) ent = initials.get(key) ?? null;
    if (!ent) ent = prefixOf.get(key) ?? null;
    // "Widgets" for "Widget Industries"
    if (!ent && lone && key.length > 4 && key.endsWith('s') && !key.includes(' ')) ent = prefixOf.get(key.slice(0, -1)) ?? null;
    // "Dunmore" (from "Dunmore's") for "Dunmore's Inc"; "Pellfield" for "Pellfields Capital" (an "s" dropped)
    if (!ent && lone && key.length > 3 && !key.includes(' ')) ent = entOfKey.get(key + 's') ?? prefixOf.get(key + 's') ?? null;
    if (!ent) {
      const t = key.split(' ');
      if (t.length < 2) return null;
      let found: Ent | null = null;
      for (const k of byFirst.get(t[0]!) ?? []) {
        const u = k.split(' ');
        if (u.length <= t.length || u[u.length - 1] !== t[t.length - 1]) continue;
        let j = 0;
        for (const w of u) if (w === t[j]) j++;
        if (j === t.length) {
          const e = entOfKey.get(k)!;
          if (found && found !== e) return null;
          found = e;
        }
      }
      ent = found;
    }
    return ent;
  };
  // Merge whole entities: a short-form entity ("Acme", found by a cue) into its long form ("Acme
  // Widget Corp"); not a curated or listed company into a division ("Acme" vs "Acme Cloud").
  const canMerge = (ent: Ent, into: Ent): boolean => {
    if (into === ent) return false;
    // "Acme Bank" is short for "Acme Bank for Savings"
    const forForm = into.key.startsWith(ent.key + ' for ');
    // "Acme Corp" is a company in its own right even beside "Acme Widget Inc"
    // (a legal form: "Acme Financial" is still short for "Acme Financial Management Corp")
    if (!forForm && ent.forms.some((f) => / /.test(f) && LEGAL_SUFFIXES.has(f.slice(f.lastIndexOf(' ') + 1).toLowerCase().replace(/\./g, ''))))
      return false;
    if (ent.gaz && !ent.gaz.short && !ent.curated && !ent.key.includes(' ') && !into.forms.some((f) => /\s/.test(f))) return false;
    if (!ent.curated) return !(ent.gaz && !ent.gaz.short && !ent.key.includes(' ') && into.curated);
    if (ent.curated.parent || into.curated) return false;
    // "Lloyds" + "Lloyds Bank"; "Acme" after "NV Acme Gloeilampenfabriek": the long form
    // adds only designators or words that are nothing but a name, and comes first.
    const extra = into.key.split(' ').slice(ent.key.split(' ').length);
    return extra.every((w) => DESIGNATORS.has(w) || (!isLexiconWord(w) && !isCommonWord(w) && firstAt(into) < firstAt(ent)));
  };
  for (let changed = true; changed; ) {
    changed = false;
    buildMaps();
    // longest keys first, so "Acme" finds "Acme Widget" after "Acme Widget" joined "Acme Widget Corp"
    const order = [...ents].sort((x, y) => y[1].key.length - x[1].key.length);
    for (const [group, ent] of order) {
      const lone = ent.forms.length === 1 && !ent.forms[0]!.includes(' ') ? ent.forms[0]! : null;
      const into = target(ent.key, lone);
      if (!into || !canMerge(ent, into)) continue;
      for (const m of ent.mentions) if (!into.mentions.some((x) => x.start === m.start)) into.mentions.push(m);
      for (const f of ent.forms) if (!into.forms.includes(f)) into.forms.push(f);
      into.ticker ??= ent.ticker;
      into.conf = Math.max(into.conf, ent.conf);
      into.curated ??= ent.curated;
      into.gaz ??= ent.gaz;
      ents.delete(group);
      for (const [k, e] of entOfKey) if (e === ent) entOfKey.set(k, into);
      changed = true;
      break;
    }
  }
  buildMaps();
  // Undecided mentions that are short forms or acronyms of a decided entity.
  for (const c of cands) {
    const placeWord = c.kind === 'other' && c.rule === CLASS_RULES.place.rule && c.sp.b - c.sp.a === 1;
    if (entOfKey.has(c.key) || (c.kind === 'other' && !placeWord) || c.kind === 'person' || (blocked.has(c.key) && !placeWord)) continue;
    const lone = c.sp.b - c.sp.a === 1 ? toks[c.sp.a]! : null;
    if (c.weak && !(lone && /^[A-Z&]{2,6}$/.test(lone.w))) continue;
    if (brandKeys.has(c.key)) continue;
    if (lone && (FIRST_NAMES.has(lone.lower) || DATE_WORDS.has(lone.lower))) continue;
    // "American" for "American Airlines" only where it acts as a company: "American's share"
    if (lone && (PLACES.has(lone.lower) || DEMONYMS.has(lone.lower)) && (lone.start || cueScore(toks, c.sp).score < PLACE_WORD_MIN_CUE)) continue;
    const ent = target(c.key, lone?.w ?? null);
    if (ent) add(ent, c);
  }
  // "Acme Retail" beside a curated "Acme": a division, parent Acme.
  // Not "Acme Canada" or "Acme Motor Co of Canada": a separately named subsidiary has no parent here.
  const parentOf = (ent: Ent): string | null => {
    if (ent.curated) return null;
    const t = ent.key.split(' ');
    for (let n = t.length - 1; n >= 1; n--) {
      const cur = curatedCompany(t.slice(0, n).join(' '));
      if (!cur) continue;
      const extra = t.slice(n);
      const subsidiary = ent.forms.some((f) => isOwnLegalForm(f.slice(f.lastIndexOf(' ') + 1).toLowerCase())) ||
        extra.some((w) => PLACES.has(w) || DEMONYMS.has(w) || LEGAL_SUFFIXES.has(w) || w === 'of');
      return subsidiary ? null : (cur.parent ?? cur.name);
    }
    return null;
  };
  // Output.
  const out: CompanyEntity[] = [];
  for (const ent of ents.values()) {
    ent.mentions.sort((x, y) => x.start - y.start);
    const aliases: string[] = [];
    for (const m of ent.mentions) {
      if (!aliases.includes(m.text)) aliases.push(m.text);
      // "told The Daily Planet": a capitalised "The" inside a sentence is part of the name as written
      if (MID_SENTENCE_THE.test(doc.text.slice(Math.max(0, m.start - 8), m.start))) {
        const withThe = `The ${m.text}`;
        if (!aliases.includes(withThe)) aliases.push(withThe);
      }
    }
    // Canonical name: the longest form the article uses (legal suffix dropped); the curated name
    // when the article uses only an acronym ("AWS" -> "Amazon Web Services").
    let best = '';
    for (const f of ent.forms) {
      const words = (x: string) => (x ? x.split(/\s+/).length : 0);
      if (/^[A-Z&.]{2,6}$/.test(f) && ent.curated) continue;
      // "Acme" over "Acme.com" when the article uses both
      if (DOTCOM_END_RE.test(f) && ent.forms.some((g) => !DOTCOM_END_RE.test(g))) continue;
      if (words(f) > words(best) || (words(f) === words(best) && f.length > best.length)) best = f;
    }
    // a curated company that absorbed a "Name + designator" form keeps its own name ("BT", not "BT Retail")
    if (ent.curated && best && curatedCompany(nameKey(best)) !== ent.curated) best = '';
    // "Goldman, Sachs and Co" -> the curated "Goldman Sachs"
    if (ent.curated && best.includes(',') && nameKey(best) === nameKey(ent.curated.name)) best = ent.curated.name;
    // A curated company always takes its curated name, so one company has one id across articles
    // ("Google Cloud" whether an article says "Google Cloud" or "Google Cloud Platform").
    const name = ent.curated?.name ?? (best ? displayName(best) : displayName(ent.forms[0]!));
    // The SEC list is today's: trust its ticker for a large company or an exact name match only.
    const gazName = ent.gaz ? nameKey(ent.gaz.name) : '';
    const exact = ent.forms.some((f) => nameKey(f) === gazName && displayName(f).toLowerCase() === ent.gaz!.name.toLowerCase());
    const gaz = ent.gaz && (exact || ent.gaz.rank < LARGE_LISTED_RANK) && (!ent.gaz.short || ent.conf >= LISTED_SHORT_FORM_MIN_CONFIDENCE) ? ent.gaz : null;
    out.push({
      id: slug(name),
      name,
      aliases,
      mentions: ent.mentions,
      ticker: ent.ticker ?? gaz?.ticker ?? null,
      cik: gaz?.cik ?? null,
      parent: ent.curated?.parent ?? parentOf(ent),
      confidence: Math.round(ent.conf * 100) / 100,
      rule: ent.rule,
    });
  }
  // One entity per id.
  const byId = new Map<string, CompanyEntity>();
  for (const e of out) {
    const had = byId.get(e.id);
    if (!had) byId.set(e.id, e);
    else {
      for (const m of e.mentions) if (!had.mentions.some((x) => x.start === m.start)) had.mentions.push(m);
      had.mentions.sort((x, y) => x.start - y.start);
      for (const a of e.aliases) if (!had.aliases.includes(a)) had.aliases.push(a);
      had.confidence = Math.max(had.confidence, e.confidence);
      had.ticker ??= e.ticker;
      had.cik ??= e.cik;
    }
  }
  return [...byId.values()].sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start);
}

export const companyEntities: Component = {
  name: 'company_entities',
  requires: ['companyTokens', 'companyCandidates', 'companyDecisions'],
  assigns: ['companies'],
  run(doc) {
    doc.companies = buildEntities(doc);
  },
};
