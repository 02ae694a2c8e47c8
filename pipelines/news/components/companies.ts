/**
 * Company recognition, as four components over the Doc (components/companies/), linear in the text:
 *
 *   company_spans     one tokenising pass, one pass that groups capitalised words into candidate
 *                     names (spans.ts, refine.ts)
 *   company_classes   constant-size lookups per candidate (curated aliases, the SEC gazetteer,
 *                     word lists: all hash maps built once at module load) (classify.ts)
 *   company_cues      context cues and lists decide the candidates that need corroboration
 *                     (decide.ts, with the cue table of rules/companies.ts read by cues.ts)
 *   company_entities  a merge of the surface forms of one company into one entity (entities.ts)
 *
 * A candidate counts as a company on its own evidence (curated name, listed name, a corporate
 * designator such as "Corp" or "Airlines", angle brackets in wire copy, a ticker after it) or on a
 * company cue around one of its mentions ("oil firm X", "X shares", "stake in X", "X's chief
 * executive"). Once a name is a company in an article, its other mentions, short forms
 * ("Acme Corp" ... "Acme"), acronyms ("Acme Widget Systems (AWS)") and possessives count too.
 *
 * `companies` runs the four as one component, for tools and tests that want the entities only.
 */
import type { Component, Doc } from '../doc.ts';
import { classify, companyClasses } from './companies/classify.ts';
import { cueScore } from './companies/cues.ts';
import { companyCues } from './companies/decide.ts';
import { companyEntities } from './companies/entities.ts';
import { refineSpans } from './companies/refine.ts';
import { candidateSpans, companySpans } from './companies/spans.ts';
import { tokenize } from './companies/tokens.ts';

export { companyClasses, companyCues, companyEntities, companySpans };

/** The company components, in pipeline order. */
export const COMPANY_COMPONENTS: readonly Component[] = [companySpans, companyClasses, companyCues, companyEntities];

// "Acme Corp. said on Tuesday it would buy Foo Ltd's parent ..." -> Acme, Foo
export const companies: Component = {
  name: 'companies',
  requires: ['norm', 'sentences'],
  assigns: ['companyTokens', 'companySpans', 'companyCandidates', 'companyDecisions', 'companies'],
  run(doc, ctx) {
    for (const c of COMPANY_COMPONENTS) c.run(doc, ctx);
  },
};

/** Debug view: every candidate span with its class. */
export function debugCandidates(doc: Doc): string[] {
  const toks = tokenize(doc);
  const persons = new Set<string>();
  return refineSpans(toks, candidateSpans(toks)).map((sp) => {
    const c = classify(toks, sp, persons);
    const cue = cueScore(toks, sp);
    return `${c.surface} | ${c.key} | ${c.kind} ${c.rule} ${c.weak ? 'weak' : ''} cue=${cue.cue}${sp.stripped.length ? ' stripped=' + sp.stripped.join(',') : ''}`;
  });
}
