/**
 * Pure scoring of predictions against gold labels, as corpus/news-dev/README.md ("How to score")
 * specifies. Nothing here does I/O; run.ts loads files and runs the pipeline.
 *
 * Decisions the README leaves open, made here and documented where they apply:
 * - company names also fold typographic quotes/dashes and collapse inner whitespace (predictions
 *   are sliced from the text, labels are typed);
 * - a predicted party or claim company is expanded to the name + aliases of the predicted company
 *   entity of that name (the record's `companies[]`), so a deal names the entity it points to;
 * - a gold deal with fewer than two parties matches only when all its parties are matched;
 * - within one deal a predicted party counts for at most one gold party;
 * - greedy one-to-one matching takes the strongest pairs first (see each scorer);
 * - 0/0 precision or recall is 1 when there was nothing to find and nothing was found, else 0.
 */
import type { ClaimAttr, DealAttr, Accuracy, Counts, Prf, GoldClaim, GoldCompany, GoldDeal, LabelFile } from './schema.ts';
import { CLAIM_ATTRS, DEAL_ATTRS } from './schema.ts';
import type { DealType } from '../schema.ts';

// ---------------------------------------------------------------------------------------------
// Predictions: the parts of an ArticleRecord that are scored.

export interface PredCompany {
  name: string;
  aliases: readonly string[];
}
export interface PredClaim {
  company: string;
  share: number;
  market: string | null;
  region: string | null;
  period: string | null;
  attributedTo: string | null;
}
export interface PredDeal {
  type: DealType;
  parties: readonly string[];
  /** Each party's role (record schema 1.1); absent in older predictions: then parties[0] is the buyer. */
  roles?: readonly string[];
  status: string | null;
  value: { amount: number; currency: string } | null;
  name: string | null;
}
export interface Prediction {
  companies: readonly PredCompany[];
  marketShareClaims: readonly PredClaim[];
  deals: readonly PredDeal[];
}
export type Gold = Pick<LabelFile, 'companies' | 'optionalCompanies' | 'marketShareClaims' | 'deals'>;

// ---------------------------------------------------------------------------------------------
// Name normalisation

/** Typographic quotes and dashes folded to ASCII, as doc.norm does. */
const FOLD: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' '],
];

function fold(s: string): string {
  let out = s.normalize('NFKC');
  for (const [re, to] of FOLD) out = out.replace(re, to);
  return out.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Corporate suffixes ignored at the end of a name, lower case and written without dots (the
 * pattern lets any letter carry one: "S.A.", "Inc.", "N.V"). Stripped repeatedly, so
 * "Acme Holdings Co Ltd" -> "acme"; a name that is nothing but suffixes is kept as it is.
 */
const CORPORATE_SUFFIXES: readonly string[] = [
  // English-speaking
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'cos', 'company', 'companies', 'ltd', 'limited',
  'plc', 'llc', 'llp', 'lp', 'group', 'holdings', 'holding', '& co', 'and co', 'pty', 'pte', 'nl',
  // Continental Europe
  'ag', 'sa', 'nv', 'bv', 'gmbh', 'kgaa', 'kg', 'se', 'spa', 'sarl', 'srl', 'sas', 'oy', 'oyj', 'ab',
  'asa', 'as', 'a/s', '& cie', 'et cie', 'cie',
  // Asia
  'kk', 'bhd', 'sdn bhd', 'tbk',
];
// Longest first, so "sdn bhd" is tried before "bhd"; each needs a space or comma before it, and
// any letter may carry a dot ("S.A.", "Inc.", "N.V").
const SUFFIX_RE = new RegExp(
  `[ ,]+(?:${[...CORPORATE_SUFFIXES]
    .sort((a, b) => b.length - a.length)
    .map((s) => [...s].map((ch) => (/[a-z]/.test(ch) ? `${ch}\\.?` : ch === ' ' ? ' ?' : `\\${ch}`)).join(''))
    .join('|')})$`,
);
/** Punctuation ignored around a name: quotes, brackets (<Cobey Corp>), commas, dots, dashes. */
const SURROUNDING_PUNCT = /^[\s"'()[\]{}<>,.;:!?*-]+|[\s"'()[\]{}<>,.;:!?*-]+$/g;

/**
 * Canonical comparison key of a company name: case-insensitive, corporate suffixes and
 * surrounding punctuation ignored. "<Acme Corp.>" -> "acme", "Foo, Inc." -> "foo",
 * "Bar S.A." -> "bar". Inner punctuation stays ("Pratt & Whitney" != "Pratt and Whitney").
 */
export function normalizeCompanyName(name: string): string {
  let s = fold(name).replace(SURROUNDING_PUNCT, '');
  for (;;) {
    const m = SUFFIX_RE.exec(s);
    if (!m) break;
    const base = s.slice(0, m.index).replace(SURROUNDING_PUNCT, '');
    if (!base) break;
    s = base;
  }
  return s;
}

/** Keys of a set of surface forms (name + aliases), empty keys dropped. */
export function companyKeys(forms: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const f of forms) {
    const k = normalizeCompanyName(f);
    if (k) out.add(k);
  }
  return out;
}

/**
 * Loose comparison of informative text attributes (market, region, period, attributedTo, deal
 * name): case-insensitive, dots ignored ("U.S." = "US"), equal or one contains the other;
 * null (or blank) matches only null.
 */
export function looseMatch(pred: string | null | undefined, gold: string | null | undefined): boolean {
  const p = pred == null ? '' : fold(pred).replace(/\./g, '').replace(SURROUNDING_PUNCT, '');
  const g = gold == null ? '' : fold(gold).replace(/\./g, '').replace(SURROUNDING_PUNCT, '');
  if (!p || !g) return !p && !g;
  return p === g || p.includes(g) || g.includes(p);
}

// ---------------------------------------------------------------------------------------------
// Precision / recall

export function prf(c: Counts): Prf {
  const { tp, fp, fn } = c;
  const nothing = tp + fp + fn === 0;
  const precision = tp + fp > 0 ? tp / (tp + fp) : nothing ? 1 : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : nothing ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, neutral: a.neutral + b.neutral };
}

export const ZERO: Counts = Object.freeze({ tp: 0, fp: 0, fn: 0, neutral: 0 });

export function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total > 0 ? correct / total : null };
}

// ---------------------------------------------------------------------------------------------
// Greedy one-to-one matching

interface Pair {
  p: number;
  g: number;
  /** Higher is stronger; ties go to the earlier prediction, then the earlier gold item. */
  strength: number;
}

/** Take pairs strongest first; each prediction and each gold item is used at most once. */
function greedy(pairs: Pair[]): Map<number, number> {
  pairs.sort((a, b) => b.strength - a.strength || a.p - b.p || a.g - b.g);
  const usedG = new Set<number>();
  const byP = new Map<number, number>();
  for (const x of pairs) {
    if (byP.has(x.p) || usedG.has(x.g)) continue;
    byP.set(x.p, x.g);
    usedG.add(x.g);
  }
  return byP;
}

export interface FieldResult<P, G> {
  counts: Counts;
  matches: Array<{ pred: P; gold: G }>;
  falsePositives: P[];
  falseNegatives: G[];
  neutral: P[];
}

function collect<P, G>(pred: readonly P[], gold: readonly G[], byP: Map<number, number>, neutral: (p: P) => boolean): FieldResult<P, G> {
  const matches: Array<{ pred: P; gold: G }> = [];
  const falsePositives: P[] = [];
  const neutralItems: P[] = [];
  const matchedG = new Set<number>();
  pred.forEach((p, i) => {
    const g = byP.get(i);
    if (g !== undefined) {
      matches.push({ pred: p, gold: gold[g]! });
      matchedG.add(g);
    } else if (neutral(p)) neutralItems.push(p);
    else falsePositives.push(p);
  });
  const falseNegatives = gold.filter((_, i) => !matchedG.has(i));
  return {
    counts: { tp: matches.length, fp: falsePositives.length, fn: falseNegatives.length, neutral: neutralItems.length },
    matches,
    falsePositives,
    falseNegatives,
    neutral: neutralItems,
  };
}

// ---------------------------------------------------------------------------------------------
// Companies

/**
 * Companies: a prediction matches a gold company when any of its name/aliases has the key of the
 * gold name or of a gold alias. Pairs are taken strongest first: predicted name = gold name (3),
 * predicted name = gold alias (2), predicted alias = gold name (1), alias = alias (0); so a
 * prediction that names a company exactly wins over one that reaches it through an alias.
 * Ties go to the pair whose forms are also equal before suffixes are stripped, then to the pair
 * sharing more keys: two companies can differ only by suffix (a "General Widget Co" and a
 * "General Widget Co Plc" in one story) and should each pair with their own prediction.
 * Unmatched predictions that match optionalCompanies are neutral.
 */
export function scoreCompanies(
  pred: readonly PredCompany[],
  gold: readonly GoldCompany[],
  optional: readonly string[] = [],
): FieldResult<PredCompany, GoldCompany> {
  // key -> [gold index, is the gold name]
  const index = new Map<string, Array<[number, boolean]>>();
  const goldExact = gold.map((g) => new Set([g.name, ...g.aliases].map(exactForm)));
  gold.forEach((g, gi) => {
    const nameKey = normalizeCompanyName(g.name);
    for (const k of companyKeys([g.name, ...g.aliases])) {
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push([gi, k === nameKey]);
    }
  });
  const pairs: Pair[] = [];
  pred.forEach((p, pi) => {
    const level = new Map<number, number>();
    const shared = new Map<number, number>();
    const nameKey = normalizeCompanyName(p.name);
    for (const k of companyKeys([p.name, ...p.aliases])) {
      for (const [gi, goldName] of index.get(k) ?? []) {
        const s = (k === nameKey ? 2 : 0) + (goldName ? 1 : 0);
        if (s > (level.get(gi) ?? -1)) level.set(gi, s);
        shared.set(gi, (shared.get(gi) ?? 0) + 1);
      }
    }
    const exact = [p.name, ...p.aliases].map(exactForm);
    for (const [g, l] of level) {
      const ex = exact.some((f) => goldExact[g]!.has(f)) ? 1 : 0;
      pairs.push({ p: pi, g, strength: l * 100 + ex * 10 + Math.min(9, shared.get(g) ?? 0) });
    }
  });
  const optionalKeys = companyKeys(optional);
  return collect(pred, gold, greedy(pairs), (p) => [...companyKeys([p.name, ...p.aliases])].some((k) => optionalKeys.has(k)));
}

/** A name folded but with its suffixes kept: "General Widget Co Plc." -> "general widget co plc". */
function exactForm(name: string): string {
  return fold(name).replace(SURROUNDING_PUNCT, '');
}

/**
 * Resolves names used in claims and deals to sets of keys. Gold: a canonical name -> the keys of
 * that gold company's name and aliases. Predicted: a name -> the keys of the predicted company
 * entity with that name (name + aliases), or of the name alone when no entity has it.
 */
export class NameResolver {
  private readonly byName = new Map<string, Set<string>>();
  private readonly byKey = new Map<string, Set<string>>();
  constructor(companies: ReadonlyArray<{ name: string; aliases: readonly string[] }>) {
    for (const c of companies) {
      const keys = companyKeys([c.name, ...c.aliases]);
      // The exact name first: two companies may share a key once suffixes are stripped.
      if (!this.byName.has(c.name)) this.byName.set(c.name, keys);
      const k = normalizeCompanyName(c.name);
      const prev = this.byKey.get(k);
      if (prev) for (const x of keys) prev.add(x);
      else this.byKey.set(k, new Set(keys));
    }
  }
  keys(name: string): Set<string> {
    const exact = this.byName.get(name);
    if (exact) return exact;
    const k = normalizeCompanyName(name);
    return this.byKey.get(k) ?? new Set(k ? [k] : []);
  }
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Market-share claims

/** Share tolerance in percentage points (README: |share_pred - share_gold| <= 0.05). */
export const SHARE_TOLERANCE = 0.05;
const EPS = 1e-9;

/**
 * Claims: company matches (as for companies) and |share diff| <= 0.05. Pairs are taken closest
 * share first, then the one agreeing on more of market/region/period/attributedTo, so that two
 * gold claims with the same company and share pair up with the right predictions.
 */
export function scoreClaims(
  pred: readonly PredClaim[],
  gold: readonly GoldClaim[],
  predNames: NameResolver,
  goldNames: NameResolver,
): FieldResult<PredClaim, GoldClaim> {
  const goldKeys = gold.map((g) => goldNames.keys(g.company));
  const pairs: Pair[] = [];
  pred.forEach((p, pi) => {
    const pk = predNames.keys(p.company);
    gold.forEach((g, gi) => {
      const diff = Math.abs(p.share - g.share);
      if (diff > SHARE_TOLERANCE + EPS || !intersects(pk, goldKeys[gi]!)) return;
      const agree = CLAIM_ATTRS.filter((a) => looseMatch(p[a], g[a])).length;
      // diff dominates (steps of 0.01 pp), agreement breaks ties.
      pairs.push({ p: pi, g: gi, strength: -Math.round(diff * 100) * 10 + agree });
    });
  });
  return collect(pred, gold, greedy(pairs), () => false);
}

// ---------------------------------------------------------------------------------------------
// Deals

/** Unordered pairs of compatible deal types besides identity (README). */
const COMPATIBLE_TYPES: ReadonlyArray<readonly [DealType, DealType]> = [
  ['acquisition', 'merger'],
  ['acquisition', 'investment'],
  ['partnership', 'agreement'],
  ['partnership', 'joint_venture'],
  ['agreement', 'joint_venture'],
  ['contract', 'agreement'],
];
const COMPATIBLE = new Set(COMPATIBLE_TYPES.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

export function compatibleTypes(a: DealType, b: DealType): boolean {
  return a === b || COMPATIBLE.has(`${a}|${b}`);
}

/**
 * Number of gold parties matched by distinct predicted parties (maximum bipartite matching;
 * party lists are short, so simple augmenting paths suffice).
 */
export function matchedParties(pred: ReadonlyArray<ReadonlySet<string>>, gold: ReadonlyArray<ReadonlySet<string>>): number {
  const adj = gold.map((g) => pred.map((p, i) => (intersects(p, g) ? i : -1)).filter((i) => i >= 0));
  const owner = new Array<number>(pred.length).fill(-1);
  const tryAssign = (g: number, seen: boolean[]): boolean => {
    for (const p of adj[g]!) {
      if (seen[p]) continue;
      seen[p] = true;
      if (owner[p] === -1 || tryAssign(owner[p]!, seen)) {
        owner[p] = g;
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let g = 0; g < gold.length; g++) if (tryAssign(g, new Array<boolean>(pred.length).fill(false))) n++;
  return n;
}

/**
 * Deals: compatible types and at least two gold parties matched by predicted parties (order
 * ignored); a gold deal with a single party needs that party. Pairs are taken with the most
 * matched parties first, then identical type before merely compatible, then the pair agreeing
 * on status and value (a rejected bid and a new bid between the same two firms).
 */
export function scoreDeals(
  pred: readonly PredDeal[],
  gold: readonly GoldDeal[],
  predNames: NameResolver,
  goldNames: NameResolver,
): FieldResult<PredDeal, GoldDeal> {
  const goldParties = gold.map((g) => g.parties.map((x) => goldNames.keys(x)));
  const pairs: Pair[] = [];
  pred.forEach((p, pi) => {
    const pp = p.parties.map((x) => predNames.keys(x));
    gold.forEach((g, gi) => {
      if (!compatibleTypes(p.type, g.type)) return;
      const need = Math.min(2, g.parties.length);
      const n = matchedParties(pp, goldParties[gi]!);
      if (n < need) return;
      const agree = (p.status === g.status ? 1 : 0) + (valueMatch(p.value, g.value) ? 1 : 0);
      pairs.push({ p: pi, g: gi, strength: (n * 2 + (p.type === g.type ? 1 : 0)) * 10 + agree });
    });
  });
  return collect(pred, gold, greedy(pairs), () => false);
}

/** Deal value: both null, or same currency and amount within 1% of the gold amount. */
export function valueMatch(pred: PredDeal['value'], gold: GoldDeal['value']): boolean {
  if (!pred || !gold) return !pred && !gold;
  return pred.currency.toUpperCase() === gold.currency.toUpperCase() && Math.abs(pred.amount - gold.amount) <= 0.01 * Math.abs(gold.amount);
}

export function claimAttrMatch(attr: ClaimAttr, p: PredClaim, g: GoldClaim): boolean {
  return looseMatch(p[attr], g[attr]);
}

/** Gold deal types whose first party is a buyer or investor (the README: "acquirer/investor first"). */
const BUYER_FIRST: ReadonlySet<string> = new Set(['acquisition', 'investment']);

/** Whether an attribute is scored for a gold deal: `acquirer` only where the labels name one. */
export function dealAttrApplies(attr: DealAttr, g: GoldDeal): boolean {
  return attr !== 'acquirer' || (BUYER_FIRST.has(g.type) && g.parties.length >= 2);
}

/** The predicted buyer or investor: the party whose role says so, else the first party. */
export function predictedAcquirer(p: PredDeal): string | null {
  const i = p.roles ? p.roles.findIndex((r) => r === 'acquirer' || r === 'investor') : 0;
  return i >= 0 ? (p.parties[i] ?? null) : null;
}

/** Name resolvers of one article, for attributes that compare companies. */
export interface DealNames {
  pred: NameResolver;
  gold: NameResolver;
}

export function dealAttrMatch(attr: DealAttr, p: PredDeal, g: GoldDeal, names?: DealNames): boolean {
  switch (attr) {
    case 'acquirer': {
      const a = predictedAcquirer(p);
      if (!a || !names || !g.parties[0]) return false;
      const want = names.gold.keys(g.parties[0]);
      return [...names.pred.keys(a)].some((k) => want.has(k));
    }
    case 'type':
      return p.type === g.type;
    case 'status':
      return p.status === g.status;
    case 'value':
      return valueMatch(p.value, g.value);
    case 'name':
      return looseMatch(p.name, g.name);
  }
}

// ---------------------------------------------------------------------------------------------
// One article

export interface AttrTally {
  marketShareClaims: Record<ClaimAttr, { correct: number; total: number }>;
  deals: Record<DealAttr, { correct: number; total: number }>;
}

export interface ArticleScore {
  companies: FieldResult<PredCompany, GoldCompany>;
  marketShareClaims: FieldResult<PredClaim, GoldClaim>;
  deals: FieldResult<PredDeal, GoldDeal>;
  attrs: AttrTally;
}

export function emptyTally(): AttrTally {
  const t = () => ({ correct: 0, total: 0 });
  return {
    marketShareClaims: { market: t(), region: t(), period: t(), attributedTo: t() },
    deals: { type: t(), status: t(), value: t(), name: t(), acquirer: t() },
  };
}

/** Score one article's prediction against its labels. */
export function scoreArticle(pred: Prediction, gold: Gold): ArticleScore {
  const predNames = new NameResolver(pred.companies);
  const goldNames = new NameResolver(gold.companies);
  const companies = scoreCompanies(pred.companies, gold.companies, gold.optionalCompanies);
  const marketShareClaims = scoreClaims(pred.marketShareClaims, gold.marketShareClaims, predNames, goldNames);
  const deals = scoreDeals(pred.deals, gold.deals, predNames, goldNames);
  const attrs = emptyTally();
  for (const { pred: p, gold: g } of marketShareClaims.matches) {
    for (const a of CLAIM_ATTRS) {
      attrs.marketShareClaims[a].total++;
      if (claimAttrMatch(a, p, g)) attrs.marketShareClaims[a].correct++;
    }
  }
  for (const { pred: p, gold: g } of deals.matches) {
    for (const a of DEAL_ATTRS) {
      if (!dealAttrApplies(a, g)) continue;
      attrs.deals[a].total++;
      if (dealAttrMatch(a, p, g, { pred: predNames, gold: goldNames })) attrs.deals[a].correct++;
    }
  }
  return { companies, marketShareClaims, deals, attrs };
}
