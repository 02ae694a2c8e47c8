/**
 * company_cues: candidates that need corroboration are decided by a company cue around one of their
 * mentions ("oil firm X", "X shares", "stake in X") or by being listed beside a company ("Acme, Foo
 * and Bar"); a key decided anywhere in the article holds everywhere.
 */
import type { Component } from '../../doc.ts';
import { isGuarded } from '../../lexicon/aliases.ts';
import { FIRST_NAMES, LAST_NAMES, PLACES, isCommonWord } from '../../lexicon/words.ts';
import { BUSINESS_ONLY_HEADS, LIST_SEPARATORS } from '../../lexicon/cues.ts';
import { BUSINESS_HEAD_CUE, CLASS_RULES, CUE_CONFIDENCE, LIST_CUES, ORDINARY_WORD_MIN_CUE } from '../../rules/companies.ts';
import { cueScore } from './cues.ts';
import { isAcronymTok } from './tokens.ts';
import type { CompanyCandidate as Cand, CompanyCandidates, CompanyDecision, CompanyDecisions, CompanyToken as Tok } from './types.ts';

/** Decide which keys name companies. */
export function decideCompanies(toks: Tok[], { list: cands, persons }: CompanyCandidates): CompanyDecisions {
  // Companies on their own evidence first; a key decided anywhere in the article holds everywhere.
  const companyKeys = new Map<string, CompanyDecision>();
  const blocked = new Set<string>();
  for (const c of cands) {
    if (c.kind === 'company') {
      const prev = companyKeys.get(c.key);
      if (!prev || prev.conf < c.conf) companyKeys.set(c.key, { conf: c.conf, rule: c.rule });
    } else if (c.kind === 'other' || c.kind === 'person') blocked.add(c.key);
  }
  const decide = (c: Cand, score: number, cue: string) => {
    // weak cues ("X said") do not make an ordinary word a company
    const lone = c.sp.b - c.sp.a === 1 ? toks[c.sp.a]!.lower : '';
    const ordinary =
      lone !== '' &&
      (isCommonWord(lone) || isGuarded(c.key) || ((FIRST_NAMES.has(lone) || LAST_NAMES.has(lone)) && !isAcronymTok(toks[c.sp.a]!)));
    if (ordinary && score < ORDINARY_WORD_MIN_CUE && !c.curated) return;
    const conf = Math.min(c.conf, CUE_CONFIDENCE.base + score * CUE_CONFIDENCE.weight);
    const prev = companyKeys.get(c.key);
    if (!prev || prev.conf < conf) companyKeys.set(c.key, { conf, rule: `${c.rule === CLASS_RULES.context.rule ? 'cue' : c.rule}:${cue}` });
  };
  const open = (c: Cand) =>
    c.kind === 'candidate' && !c.weak && !companyKeys.has(c.key) && !(c.sp.b - c.sp.a === 1 && persons.has(c.key));
  for (const c of cands) {
    if (!open(c)) continue;
    const cue = cueScore(toks, c.sp);
    if (cue.score > 0) decide(c, cue.score, cue.cue);
  }
  // "polling firm Jones", "investment bank Smith": a surname-like word (weak alone) after a head
  // noun that names only businesses
  for (const c of cands) {
    if (c.kind !== 'candidate' || !c.weak || companyKeys.has(c.key) || persons.has(c.key) || toks[c.sp.a]!.start) continue;
    const prev = toks[c.sp.a - 1];
    if (prev?.word && !prev.cap && prev.sent === toks[c.sp.a]!.sent && BUSINESS_ONLY_HEADS.has(prev.lower)) decide(c, BUSINESS_HEAD_CUE.score, BUSINESS_HEAD_CUE.rule);
  }
  // "Acme, Foo and Bar": a name listed beside companies is one (weak, so not an ordinary word).
  const nameWordOf = (c: Cand) => {
    const lone = c.sp.b - c.sp.a === 1 ? toks[c.sp.a]!.lower : '';
    return lone !== '' && !isCommonWord(lone) && !FIRST_NAMES.has(lone) && !PLACES.has(lone) && !isGuarded(c.key);
  };
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    // "Acme, Foo and Thomson": a surname-like word (weak alone) may be listed too
    const weakName = c.kind === 'candidate' && c.weak && !toks[c.sp.a]!.start && nameWordOf(c) && !companyKeys.has(c.key) && !persons.has(c.key);
    if (!open(c) && !weakName) continue;
    // "Foo, Bar and Ruritania's Baz": step over the possessive place before a name
    const pl = cands[i - 1];
    const skip = pl && pl.kind === 'other' && pl.rule === CLASS_RULES.place.rule && toks[pl.sp.b - 1]!.poss && pl.sp.b === c.sp.a ? 1 : 0;
    for (const j of [i - 1 - skip, i + 1]) {
      const o = cands[j];
      if (!o || !companyKeys.has(o.key) || toks[o.sp.a]!.sent !== toks[c.sp.a]!.sent) continue;
      const [x, y] = j < i ? [o, c] : [c, o];
      const gap = toks.slice(x.sp.b, j < i && skip ? pl!.sp.a : y.sp.a).map((t) => t.w).join(' ');
      // a bare comma links list items only inside a list: "A, B, C" or "A, B and C", not "in Foo, Acme said"
      const before = toks[c.sp.a - 1]?.w;
      const after = toks[c.sp.b]?.w;
      const inList = gap !== ',' || (j < i ? after === ',' || after === 'and' || after === 'or' : before === ',');
      if (LIST_SEPARATORS.has(gap) && inList) {
        // "Acme, Foo and Thomson": a surname-like word listed beside a company found on its own evidence
        const own = !companyKeys.get(o.key)!.rule.includes(LIST_CUES.beside.rule);
        const cue = own && nameWordOf(c) ? LIST_CUES.nameBesideEvidence : LIST_CUES.beside;
        decide(c, cue.score, cue.rule);
        break;
      }
    }
  }
  return { decided: companyKeys, blocked };
}

export const companyCues: Component = {
  name: 'company_cues',
  requires: ['companyTokens', 'companyCandidates'],
  assigns: ['companyDecisions'],
  run(doc) {
    doc.companyDecisions = decideCompanies(doc.companyTokens, doc.companyCandidates);
  },
};
