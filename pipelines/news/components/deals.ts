/**
 * deals: business transactions between named companies (acquisitions, mergers, stakes, joint
 * ventures, partnerships, agreements, orders), with status, value and evidence.
 *
 * How it works: company mentions and money amounts are masked in a copy of `doc.norm` (same
 * length, so offsets hold), then the templates of src/rules/deals.ts run over each sentence that
 * has a company and a trigger word. A template's slots pick out the parties; the words between the
 * trigger and the target type the deal ("a 20% stake in" -> investment, "10 jets from" -> contract);
 * cue words in the clause give the status; money in the clause gives the value. Reports of one
 * transaction in several sentences are merged.
 */
import type { Component } from '../doc.ts';
import type { Doc, MoneyQ } from '../doc.ts';
import { evidence, sentenceAt } from '../doc.ts';
import type { Deal, DealStatus, DealType } from '../../../src/schema.ts';
import { hashId } from '../../../src/util/ids.ts';
import { CONTEXT_TYPE, DEAL_RULES, GENERIC_KIND, KIND_TYPE, MACROS, SCORE_ADJUST } from '../rules/deals.ts';
import type { DealRule, PartySpec, SlotName } from '../rules/deals.ts';
import {
  ANAPHOR_RE, CO_HEAD, CO_TAIL, COMPANY_RE, GAP, LIST_SEP, MONEY_HEAD, MONEY_TAIL, OBJECT_WORDS, PLURAL_ANAPHOR, SLOT_RE, TICKER_AT, TRIGGER_ANY,
} from '../rules/deals-grammar.ts';
import {
  BARE_PRONOUN, GOODS_WORDS, GROUP_GENERIC_WORDS, MAJORITY_PCT, MAJORITY_WORDS, NATIONALITY_ANAPHOR, NATIONALITY_OF_AFTER, NATIONALITY_REACH,
  OBJECT_PRONOUN, OWNER_OF_NEXT, PEOPLE_OF, POSSESSIVE_BID, PRICE_PER_SHARE, PRONOUN_HEAD, PRONOUN_LIST_LEAD, PROPER_NAME_OBJECT, REST_OF_TARGET,
  RIVAL_OF, STAKE_AFTER_TARGET, STAKE_NOUN, STAKE_PCT, STAKE_WORDS, UNIT_AFTER, UNIT_WORDS,
} from '../rules/deals-cues.ts';
import {
  AMOUNT_BEFORE_TRIGGER, CLAUSE_STOP, DEAL_FAMILIES, DEAL_NAME_PATTERNS, FOLLOW_UP, MENTION_RULES, MIN_DEAL_VALUE, MONEY_NOT_VALUE_AFTER,
  MONEY_NOT_VALUE_BEFORE, NAME_REACH, NEW_OFFER, NOT_A_DEAL, NOT_A_DEAL_NAME, OFFER_RULE, RESTATING_ASIDE, SIGNING_RULES, STATUS_CUES, STATUS_RANK, VALUE_MODAL,
} from '../rules/deals-status.ts';
import { nationalityOf } from '../lexicon/nationalities.ts';

const ANAPHOR_TEST = new RegExp(ANAPHOR_RE, 'i');

/** Compile a rule template (syntax in src/rules/deals.ts) to a RegExp with indices. */
export function compileTemplate(template: string): RegExp {
  let src = template.replace(/<([A-Z_]+)>/g, (_m, name: string) => {
    const macro = MACROS[name];
    if (macro === undefined) throw new Error(`[deals] unknown macro <${name}> in template "${template}"`);
    return macro;
  });
  // "Acme, the Swiss firm, agreed to buy": the gap after a slot may start with punctuation.
  src = src.replace(/\} \{_\}/g, '}{_}');
  src = src.replace(/ /g, '\\s+');
  // a trigger is a word of its own: not the tail of "Microsoft-partnered"
  src = src.replace(/(?:\\b)?\(\?<v>/g, '(?<![\\w-])(?<v>');
  src = src
    .replace(/\{([absu])!\}/g, (_m, s: string) => `(?<${s}><?${COMPANY_RE})`)
    .replace(/\{([absu])\+\}/g, (_m, s: string) => `(?<${s}>${SLOT_RE}(?:${LIST_SEP}${COMPANY_RE}[>)]?)*)`)
    .replace(/\{([absu])\}/g, (_m, s: string) => `(?<${s}>${SLOT_RE})`)
    .replace(/\{_\}/g, GAP)
    .replace(/\{w\}/g, OBJECT_WORDS);
  return new RegExp(src, 'dgi');
}

/**
 * The trigger group of a compiled rule, alone: a cheap test that a sentence can match the rule at
 * all (most sentences hold no trigger of most rules), so the full pattern runs only where it may.
 */
export function triggerOf(re: RegExp): RegExp {
  const src = re.source;
  const at = src.indexOf('(?<v>');
  if (at < 0) throw new Error(`[deals] rule pattern has no (?<v>...) trigger: ${src}`);
  let depth = 0;
  let i = at;
  for (; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) break;
  }
  return new RegExp(src.slice(at + '(?<v>'.length, i).replace(/\(\?<[a-z]>/g, '(?:'), 'i');
}

interface CompiledRule {
  rule: DealRule;
  re: RegExp;
  /** Index into TRIGGERS. */
  trigger: number;
}
/** Distinct trigger patterns: rules that share one are tested once per sentence. */
const TRIGGERS: RegExp[] = [];
const COMPILED: readonly CompiledRule[] = DEAL_RULES.map((rule) => {
  const re = compileTemplate(rule.match);
  const trigger = triggerOf(re);
  let t = TRIGGERS.findIndex((x) => x.source === trigger.source && x.flags === trigger.flags);
  if (t < 0) t = TRIGGERS.push(trigger) - 1;
  return { rule, re, trigger: t };
});

// ---------------------------------------------------------------------------------------------
// Per-document helpers
// ---------------------------------------------------------------------------------------------
interface Mention {
  start: number;
  end: number;
  name: string;
  sentence: number;
}

const TRAILING_MENTION_GAP = /^\s*$/;

function collectMentions(doc: Doc): Mention[] {
  const all: Mention[] = [];
  for (const c of doc.companies) {
    for (const m of c.mentions) all.push({ start: m.start, end: m.end, name: c.name, sentence: m.sentence });
  }
  all.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Mention[] = [];
  for (const m of all) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue; // overlapping: keep the first, longest
    if (last && doc.norm[m.start - 1] === '<' && TICKER_AT.test(doc.norm.slice(m.start - 1, m.start + 14))) {
      if (TRAILING_MENTION_GAP.test(doc.norm.slice(last.end, m.start - 1))) continue;
    }
    if (m.end > m.start) out.push(m);
  }
  return out;
}

function maskText(doc: Doc, mentions: readonly Mention[], money: readonly MoneyQ[]): string {
  type Span = { start: number; end: number; head: string; tail: string };
  const spans: Span[] = mentions.map((m) => ({ start: m.start, end: m.end, head: CO_HEAD, tail: CO_TAIL }));
  for (const q of money) spans.push({ start: q.start, end: q.end, head: MONEY_HEAD, tail: MONEY_TAIL });
  spans.sort((x, y) => x.start - y.start);
  const parts: string[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos || s.end <= s.start || s.end > doc.norm.length) continue;
    parts.push(doc.norm.slice(pos, s.start), s.head, s.tail.repeat(s.end - s.start - 1));
    pos = s.end;
  }
  parts.push(doc.norm.slice(pos));
  return parts.join('');
}

/** First index in sorted `arr` whose start >= pos. */
function lowerBound(arr: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Ctx {
  doc: Doc;
  mentions: Mention[];
  masked: string;
  money: MoneyQ[];
  /** Per sentence: index of its first mention in `mentions` (or -1). */
  firstMention: Int32Array;
  /** The last deal found and its sentence: "it" in "... and in May it bought Y" is its buyer. */
  recent: { parties: string[]; sentence: number } | null;
  /** Candidates found so far, in reading order (for "X's offer was topped by Y": X's target). */
  cands: Candidate[];
  /** The article's topic: its most-mentioned company when it clearly dominates (see topicOf), or null. */
  topic: string | null;
}

function mentionsIn(ctx: Ctx, start: number, end: number): Mention[] {
  const out: Mention[] = [];
  for (let i = lowerBound(ctx.mentions, start); i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i]!;
    if (m.start >= end) break;
    out.push(m);
  }
  return out;
}

/**
 * Resolve an anaphor at [start, end) of sentence `si`. Subject anaphors ("It also acquired ...",
 * "X said it agreed ...") take the sentence's first company, else the previous sentence's first;
 * object anaphors ("offered to buy the company") take the nearest company before them. Plural
 * anaphors ("the two companies", "both") take the two most recent distinct companies.
 */
function resolveAnaphor(ctx: Ctx, si: number, start: number, text: string, subject: boolean, exclude: Set<string>, reach = 3): string[] {
  const before = lowerBound(ctx.mentions, start) - 1;
  if (PLURAL_ANAPHOR.test(text)) {
    const names: string[] = [];
    const minSentence = si - 2;
    for (let i = before; i >= 0 && names.length < 2; i--) {
      const m = ctx.mentions[i]!;
      if (m.sentence < minSentence) break;
      if (!names.includes(m.name)) names.push(m.name);
    }
    return names.length === 2 ? names.reverse() : [];
  }
  if (subject) {
    const r = ctx.recent;
    if (r && r.sentence >= si - 1 && r.parties[0] && !exclude.has(r.parties[0])) return [r.parties[0]];
    for (let s = si; s >= Math.max(0, si - reach); s--) {
      const fi = ctx.firstMention[s]!;
      if (fi < 0) continue;
      for (let i = fi; i < ctx.mentions.length; i++) {
        const m = ctx.mentions[i]!;
        if (m.sentence !== s || m.start >= start) break;
        if (!exclude.has(m.name)) return [m.name];
      }
    }
    return [];
  }
  const floor = ctx.doc.sentences[Math.max(0, si - 1)]?.start ?? 0;
  for (let i = before; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.start < floor) break;
    if (!exclude.has(m.name)) return [m.name];
  }
  return [];
}

/** Text of a masked span with companies as "CO" and money as "MONEY", for classifying words. */
function plain(masked: string): string {
  return masked.replace(/\u0001\u0002*/g, 'CO').replace(/\u0003\u0004*/g, 'MONEY');
}

function isGoods(obj: string): boolean {
  if (STAKE_WORDS.test(obj) || UNIT_WORDS.test(obj)) return false;
  // "10 A320 aircraft", "50 jets": the goods word decides; a bare count ("eight centres") does not
  return GOODS_WORDS.test(obj);
}

/** A purchase of a minority stake is an investment; of a majority or all shares, an acquisition. */
function stakeType(obj: string): DealType | null {
  // ("offered 30 dlrs a share for Widget": a price per share, not a stake)
  obj = obj.replace(PRICE_PER_SHARE, ' ');
  if (!STAKE_WORDS.test(obj)) return null;
  if (MAJORITY_WORDS.test(obj)) return 'acquisition';
  const pct = STAKE_PCT.exec(obj);
  if (pct && Number(pct[1]) > MAJORITY_PCT) return 'acquisition';
  return 'investment';
}

function kindType(kind: string, sentence: string): { type: DealType; generic: boolean } {
  if (GENERIC_KIND.test(kind.trim())) {
    for (const cue of CONTEXT_TYPE) if (cue.match.test(sentence)) return { type: cue.type, generic: true };
    return { type: 'agreement', generic: true };
  }
  for (const cue of KIND_TYPE) if (cue.match.test(kind)) return { type: cue.type, generic: false };
  return { type: 'agreement', generic: false };
}


/**
 * Status from cue words: a cancelling, rejecting or hedging word in the clause wins; a hedge before
 * it ("Sources said X is in talks to buy Y") counts too. Otherwise the clause's own words decide
 * (pending, announced, completed), then the words before it.
 */
function findStatus(left: string, clause: string): { status: DealStatus | null; hedged: boolean; strong: boolean } {
  const inClause = clause.replace(VALUE_MODAL, ' ');
  const leftClean = left.replace(VALUE_MODAL, ' ');
  for (const cue of STATUS_CUES) {
    const strong = cue.status === 'rumored' || cue.status === 'cancelled' || cue.status === 'rejected';
    if (!strong) continue;
    if (cue.match.test(inClause) || (cue.status === 'rumored' && cue.match.test(leftClean))) {
      return { status: cue.status, hedged: cue.hedged ?? false, strong: true };
    }
  }
  for (const text of [inClause, leftClean]) {
    for (const cue of STATUS_CUES) {
      if (cue.status === 'rumored' || cue.status === 'cancelled' || cue.status === 'rejected') continue;
      if (cue.match.test(text)) return { status: cue.status, hedged: false, strong: false };
    }
  }
  return { status: null, hedged: false, strong: false };
}

function findValue(ctx: Ctx, start: number, end: number): { amount: number; currency: string } | null {
  for (let i = lowerBound(ctx.money, start); i < ctx.money.length; i++) {
    const q = ctx.money[i]!;
    if (q.start >= end) break;
    const after = ctx.doc.norm.slice(q.end, q.end + 40);
    const before = ctx.doc.norm.slice(Math.max(0, q.start - 40), q.start);
    if (q.perShare || MONEY_NOT_VALUE_AFTER.test(after) || MONEY_NOT_VALUE_BEFORE.test(before)) continue;
    if (q.amount < MIN_DEAL_VALUE) continue; // a price per share or per unit, not a deal's value
    // "($2.3bn; £1.8bn)" restates the amount just given in another currency: the first one counts.
    return { amount: q.amount, currency: q.currency };
  }
  return null;
}

/**
 * The name of the deal at [from, to) of the sentence, if the sentence gives one near it (within
 * NAME_REACH characters of the deal's span).
 */
function findName(sentence: string, parties: readonly string[], from: number, to: number): string | null {
  for (const re of DEAL_NAME_PATTERNS) {
    const m = new RegExp(re.source, re.flags.includes('d') ? re.flags : re.flags + 'd').exec(sentence);
    const name = m?.[1]?.trim();
    if (!name) continue;
    const [ns, ne] = m!.indices![1]!;
    if (ne < from - NAME_REACH || ns > to + NAME_REACH) continue;
    if (NOT_A_DEAL_NAME.test(name)) continue;
    if (parties.some((p) => p === name || p.startsWith(name) || name.startsWith(p))) continue;
    return name;
  }
  return null;
}

/**
 * A sentence that only talks about "the deal" just reported adds its status or value to it:
 * "Acme agreed to buy Widget. The acquisition is subject to regulatory approval." -> pending.
 */
function followUp(ctx: Ctx, si: number, text: string, cands: Candidate[]): void {
  const last = cands[cands.length - 1];
  if (!last || !FOLLOW_UP.test(text)) return;
  const lastSentence = sentenceAt(ctx.doc, last.start);
  if (lastSentence < si - 2) return;
  const sent = ctx.doc.sentences[si]!;
  const st = findStatus('', plain(ctx.masked.slice(sent.start, sent.end)));
  if (st.status && st.status !== 'announced' && (last.status === 'announced' || last.status === null) && !last.hedged) {
    last.status = st.status;
    last.hedged = st.hedged;
  }
  last.value ??= findValue(ctx, sent.start, sent.end);
}

/**
 * An offer reported from the target's side, with the bidder named in a following sentence:
 * "Acme has received a $3bn takeover offer. The bid has come from investment firm Widget." The
 * first sentence alone has one party; the second names the bidder of "the bid" it points back to.
 */
interface PendingOffer {
  target: string;
  sentence: number;
  value: { amount: number; currency: string } | null;
  hedged: boolean;
}

function offerReceived(ctx: Ctx, si: number): PendingOffer | null {
  const sent = ctx.doc.sentences[si]!;
  const masked = ctx.masked.slice(sent.start, sent.end);
  const m = OFFER_RULE.received.exec(masked);
  if (!m || /\bfrom\s/i.test(masked.slice(m.index + m[0].length))) return null;
  const target = mentionsIn(ctx, sent.start + m.index, sent.start + m.index + m[0].length)[0];
  if (!target) return null;
  const st = findStatus('', plain(masked));
  return { target: target.name, sentence: si, value: findValue(ctx, sent.start, sent.end), hedged: st.hedged };
}

function offerBidder(ctx: Ctx, si: number, pending: PendingOffer): Candidate | null {
  if (si - pending.sentence > OFFER_RULE.reach) return null;
  const sent = ctx.doc.sentences[si]!;
  const masked = ctx.masked.slice(sent.start, sent.end);
  const m = OFFER_RULE.from.exec(masked);
  if (!m) return null;
  const at = sent.start + m.index + m[0].length;
  const bidder = mentionsIn(ctx, at - 1, sent.end)[0];
  if (!bidder || bidder.name === pending.target || bidder.start > at + OFFER_RULE.bidderReach) return null;
  const start = sent.start + m.index;
  return {
    type: 'acquisition',
    generic: false,
    parties: [bidder.name, pending.target],
    name: null,
    value: pending.value,
    status: 'announced',
    hedged: pending.hedged,
    start,
    end: bidder.end,
    trigger: start,
    confidence: OFFER_RULE.score,
    rule: OFFER_RULE.rule,
    text: plain(masked),
  };
}

// ---------------------------------------------------------------------------------------------
// Candidates, merging, output
// ---------------------------------------------------------------------------------------------
interface Candidate {
  type: DealType;
  generic: boolean;
  parties: string[];
  name: string | null;
  value: { amount: number; currency: string } | null;
  status: DealStatus | null;
  hedged: boolean;
  start: number;
  end: number;
  trigger: number;
  confidence: number;
  rule: string;
  text: string;
}

function sameFamily(a: DealType, b: DealType): boolean {
  return a === b || DEAL_FAMILIES.some((g) => g.includes(a) && g.includes(b));
}

function matchSentence(ctx: Ctx, si: number, out: Candidate[]): void {
  const { doc } = ctx;
  const sent = doc.sentences[si]!;
  const masked = ctx.masked.slice(sent.start, sent.end);
  const seenTrigger = new Set<number>();
  const text = doc.norm.slice(sent.start, sent.end);
  const fired: (boolean | undefined)[] = new Array(TRIGGERS.length);
  for (const { rule, re, trigger } of COMPILED) {
    if (!(fired[trigger] ??= TRIGGERS[trigger]!.test(text))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const c = candidateFrom(ctx, si, rule, m, sent.start);
      if (c && !seenTrigger.has(c.trigger)) {
        seenTrigger.add(c.trigger);
        for (const one of distribute(c)) out.push(one);
        ctx.recent = { parties: c.parties, sentence: si };
      }
    }
  }
}

/** "The bidders were X and Y": one candidate per company of the rule's `each` slot. */
function distribute(c: Candidate & { each?: string[] }): Candidate[] {
  const each = c.each;
  delete c.each;
  if (!each || each.length < 2) return [c];
  const rest = c.parties.filter((p) => !each.includes(p));
  return each.map((p) => ({ ...c, parties: [p, ...rest] }));
}

/**
 * "The German firm wanted to buy X": the company last introduced with that nationality
 * ("German carmaker Y", "Germany's Y"), if any, within a few sentences.
 */
function resolveNationality(ctx: Ctx, si: number, start: number, text: string, exclude: Set<string>): string | null {
  const adj = NATIONALITY_ANAPHOR.exec(text)?.[1];
  if (!adj) return null;
  const entry = nationalityOf(adj);
  if (!entry) return null;
  const floor = ctx.doc.sentences[Math.max(0, si - NATIONALITY_REACH)]?.start ?? 0;
  for (let i = lowerBound(ctx.mentions, start) - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.start < floor) break;
    if (exclude.has(m.name)) continue;
    const sentStart = ctx.doc.sentences[m.sentence]?.start ?? 0;
    const prevEnd = i > 0 ? ctx.mentions[i - 1]!.end : 0;
    const before = ctx.doc.norm.slice(Math.max(sentStart, prevEnd, m.start - 40), m.start);
    // the cue must stand right before the name ("German carmaker Y", "Germany's Y") or right after it ("Y of Germany")
    const lead = /(?:[^\s,;()]+\s+){0,3}$/.exec(before)?.[0] ?? '';
    const tail = NATIONALITY_OF_AFTER.exec(ctx.doc.norm.slice(m.end, m.end + 24))?.[0] ?? '';
    if (entry.cue.test(lead) || entry.cue.test(tail)) return m.name;
  }
  return null;
}

/** How many recent candidates targetOf looks back over (keeps the component linear in the text). */
const TARGET_LOOKBACK = 24;

/** The target of the latest acquisition whose buyer is `bidder` ("X's offer was topped by Y"). */
function targetOf(ctx: Ctx, bidder: string | null): string | null {
  for (let i = ctx.cands.length - 1; i >= Math.max(0, ctx.cands.length - TARGET_LOOKBACK); i--) {
    const c = ctx.cands[i]!;
    if (c.type !== 'acquisition' && c.type !== 'merger' && c.type !== 'investment') continue;
    if (bidder === null || c.parties[0] === bidder) return c.parties[1] ?? null;
  }
  return null;
}


/** Two names of one group: the same first word ("Acme" and "Acme Petroleum International"). */
function sameGroup(x: string, y: string): boolean {
  const first = (n: string) => /^[^\s,]+/.exec(n)?.[0].toLowerCase() ?? n;
  const fx = first(x);
  return fx.length > 2 && fx === first(y) && !GROUP_GENERIC_WORDS.test(fx);
}

function candidateFrom(ctx: Ctx, si: number, rule: DealRule, m: RegExpExecArray, base: number): (Candidate & { each?: string[] }) | null {
  const { doc } = ctx;
  const sent = doc.sentences[si]!;
  const idx = m.indices?.groups ?? {};
  const v = idx['v'];
  if (!v) return null;
  const trigger = base + v[0];
  const triggerEnd = base + v[1];
  let spanStart = base + m.index;
  const matchStart = spanStart;
  let spanEnd = base + m.index + m[0].length;

  // Parties, slot by slot. Companies already named in other slots are not reused by anaphors.
  const slotNames = new Map<SlotName, string[]>();
  const named = new Set<string>();
  for (const s of ['a', 'b', 's', 'u'] as const) {
    const g = idx[s];
    if (!g) continue;
    const ms = mentionsIn(ctx, base + g[0], base + g[1]);
    // "Acme Corp's French subsidiary Widget and Gadget bid": the unit, not its owner, is the party
    // ("an offer made by Widget managers and Acme": the managers, not Widget, bid)
    const names = ms
      .filter((x, i) => !(s === 'a' && ms[i + 1] && OWNER_OF_NEXT.test(doc.norm.slice(x.end, ms[i + 1]!.start))))
      .filter((x) => !(x.start > trigger && PEOPLE_OF.test(doc.norm.slice(x.end, x.end + 20))))
      .map((x) => x.name);
    slotNames.set(s, names);
    for (const n of names) named.add(n);
  }
  // "X said it and Y agreed to merge": a list that starts with a pronoun holds the subject too
  for (const s of ['a', 'b'] as const) {
    const g = idx[s];
    const names = slotNames.get(s);
    if (!g || !names || names.length === 0 || base + g[0] >= trigger) continue;
    if (!PRONOUN_LIST_LEAD.test(doc.norm.slice(base + g[0], base + g[1]))) continue;
    const lead = resolveAnaphor(ctx, si, base + g[0], 'it', true, named)[0];
    if (!lead) continue;
    slotNames.set(s, [lead, ...names]);
    named.add(lead);
  }
  let anaphoric = false;
  // "Planemaker's great European competitor is to sell ...": the subject is not Planemaker.
  const rivalAnaphor = new Set<SlotName>();
  for (const s of ['a', 'b', 's', 'u'] as const) {
    const g = idx[s];
    if (!g || base + g[0] >= trigger) continue;
    const names = slotNames.get(s)!;
    if (names.length === 1 && RIVAL_OF.test(doc.norm.slice(base + g[1], base + g[1] + 60))) {
      rivalAnaphor.add(s);
      slotNames.set(s, []);
    }
  }
  for (const s of ['a', 'b', 's', 'u'] as const) {
    const g = idx[s];
    if (!g || slotNames.get(s)!.length > 0) continue;
    if (rivalAnaphor.has(s)) {
      // the rival is the most recent other company: resolve as an object anaphor
      const resolved = resolveAnaphor(ctx, si, base + g[0], 'the rival', false, named);
      if (resolved.length === 0) return null;
      anaphoric = true;
      slotNames.set(s, resolved);
      for (const n of resolved) named.add(n);
      continue;
    }
    const text = doc.norm.slice(base + g[0], base + g[1]);
    // "invested in the Canadian firm Widget": an anaphor-like noun in apposition to a name is that name
    const next = /^\s*(?:<)?/.exec(ctx.masked.slice(base + g[1], base + g[1] + 3))![0].length + base + g[1];
    const apposed = ctx.masked[next] === CO_HEAD && !BARE_PRONOUN.test(text) ? mentionsIn(ctx, next, next + 1)[0] : undefined;
    if (apposed && !named.has(apposed.name)) {
      slotNames.set(s, [apposed.name]);
      named.add(apposed.name);
      continue;
    }
    // "bought 20% of Widget from the firm's deputy chairman": the seller is a person of the firm
    if (s === 's' && /^'s?\s/.test(doc.norm.slice(base + g[1], base + g[1] + 3))) return null;
    // "sold the units, to buyers it did not name": a pronoun after a noun starts a relative clause
    if (base + g[0] > triggerEnd && OBJECT_PRONOUN.test(text) && !PRONOUN_HEAD.test(doc.norm.slice(triggerEnd, base + g[0]))) return null;
    const resolved = [resolveNationality(ctx, si, base + g[0], text, named) ?? resolveAnaphor(ctx, si, base + g[0], text, base + g[0] < trigger, named, rule.reach)].flat();
    if (resolved.length === 0) return null;
    anaphoric = true;
    slotNames.set(s, resolved);
    for (const n of resolved) named.add(n);
  }
  if (rule.possessive && idx['u'] && idx['b']) {
    // "bought 60% of Widget's US affiliate Gadget" -> [buyer, Gadget]; "... of Widget's Gadget unit" -> [buyer, Gadget, Widget]
    const between = plain(ctx.masked.slice(base + idx['b'][1], base + idx['u'][0]));
    const after = doc.norm.slice(base + idx['u'][1], base + idx['u'][1] + 24);
    // ("acquire Widget's 13 pct stake in Gadget": Widget sells its stake, it stays a party)
    if (!UNIT_WORDS.test(between) && !STAKE_NOUN.test(between) && !UNIT_AFTER.test(after)) slotNames.set('b', []);
  }
  const parties: string[] = [];
  for (const spec of rule.parties as readonly PartySpec[]) {
    const [slot, fallback] = spec.split('|') as [SlotName, string | undefined];
    let names = slotNames.get(slot) ?? [];
    if (names.length === 0 && fallback === 'S') {
      // The sentence subject: its first company not already a party.
      const first = ctx.firstMention[si]!;
      for (let i = first; i >= 0 && i < ctx.mentions.length; i++) {
        const mm = ctx.mentions[i]!;
        if (mm.sentence !== si || mm.start > trigger || trigger - mm.start > 160) break;
        if (!named.has(mm.name)) {
          // "X's offer was topped by an offer from Y": X is a bidder; Y bids for X's target
          if (POSSESSIVE_BID.test(doc.norm.slice(mm.end, mm.end + 50))) {
            const t = targetOf(ctx, mm.name);
            names = t && !named.has(t) ? [t] : [];
          } else names = [mm.name];
          spanStart = Math.min(spanStart, mm.start);
          break;
        }
      }
    } else if (names.length === 0 && (fallback === 'R' || fallback === 'T')) {
      const last = fallback === 'R' && ctx.cands.length ? ctx.cands[ctx.cands.length - 1]! : null;
      const recent = last && sentenceAt(doc, last.start) >= si - 2 ? targetOf(ctx, null) : null;
      const t = recent && !named.has(recent) ? recent : ctx.topic;
      if (t && !named.has(t)) names = [t];
    }
    for (const n of names) if (!parties.includes(n)) parties.push(n);
  }
  if (parties.length < 2) return null;
  // "Acme Petroleum will become a subsidiary of Acme": a group reorganising itself makes no deal
  // (only for this rule: buying out the minority of one's own affiliate is a deal)
  if (rule.rule === 'acq.become-unit' && parties.length === 2 && sameGroup(parties[0]!, parties[1]!)) return null;
  // "X and Y pulled out of the bidding": each bidder needs a target besides the bidders
  if (rule.each && parties.every((p) => (slotNames.get(rule.each!) ?? []).includes(p))) return null;

  // The object phrase: from the trigger to the last slot after it.
  let objEnd = triggerEnd;
  for (const s of ['a', 'b', 's', 'u'] as const) {
    const g = idx[s];
    if (g && base + g[0] >= triggerEnd) objEnd = Math.max(objEnd, base + g[0]);
  }
  const obj = plain(ctx.masked.slice(triggerEnd, objEnd));
  let type: DealType;
  let generic = false;
  const sentText = doc.norm.slice(sent.start, sent.end);
  if (rule.type === 'kind') {
    const k = idx['k'];
    const kind = k ? doc.norm.slice(base + k[0], base + k[1]) : 'agreement';
    ({ type, generic } = kindType(kind, sentText));
    if (generic && type === 'agreement') {
      // "IBM sold its PC unit to Lenovo. The $1.75bn agreement Lenovo signed with IBM ...": a bare
      // "agreement" is a takeover, merger or stake when the sentence before, else the headline, says so
      // (a partnership or an order there says nothing new: those are kinds of agreement already)
      const prev = doc.sentences[si - 1];
      const context = [prev ? doc.norm.slice(prev.start, prev.end) : '', doc.article.title];
      for (const text of context) {
        const t = kindType(kind, text);
        if (t.type === 'acquisition' || t.type === 'merger' || t.type === 'investment') {
          type = t.type;
          break;
        }
      }
    }
  } else type = rule.type;
  // "bought the Widget shares": the stake words may follow the company
  const target = idx['b'] ?? idx['u'];
  const afterTarget = target ? doc.norm.slice(base + target[1], base + target[1] + 30) : '';
  const stakeAfter = STAKE_AFTER_TARGET.exec(afterTarget);
  // "buy the shares in Widget it does not already own": the rest of the company, a takeover
  const restOf = REST_OF_TARGET.test(doc.norm.slice(base + (target?.[1] ?? 0), base + (target?.[1] ?? 0) + 50));
  const objForType = (stakeAfter ? obj + ' ' + stakeAfter[0] : obj) + (restOf ? ' remaining' : '');
  const goods = isGoods(obj);
  switch (rule.object) {
    case 'goods':
      if (!goods) return null;
      break;
    case 'not-goods':
      if (goods) return null;
      break;
    case 'stake-not-goods':
      if (goods) return null;
      type = stakeType(objForType) ?? type;
      break;
    case 'stake':
      type = stakeType(objForType) ?? type;
      break;
    case 'asset': {
      const unitNamed = (slotNames.get('u') ?? []).length > 0;
      if (goods) return null;
      // ("bought Utah from GE": an object that is a bare proper name is a business the company list missed)
      const properName = rule.rule === 'acq.verb.from' && PROPER_NAME_OBJECT.test(obj.replace(/\s+from\s*$/, ''));
      if (!unitNamed && !properName && !STAKE_WORDS.test(obj) && !UNIT_WORDS.test(obj) && !/\bCO\b/.test(obj)) return null;
      type = stakeType(obj) ?? type;
      break;
    }
    default:
      break;
  }

  // The clause: up to the next ";" or ", " after the match, or the sentence end.
  const rest = ctx.masked.slice(spanEnd, sent.end);
  const stop = CLAUSE_STOP.exec(rest);
  let clauseEnd = stop ? spanEnd + stop.index : sent.end;
  if (stop && RESTATING_ASIDE.test(rest.slice(stop.index))) {
    // ", a bid that was rejected by the board": the aside belongs to the clause
    const next = CLAUSE_STOP.exec(rest.slice(stop.index + 1));
    clauseEnd = next ? spanEnd + stop.index + 1 + next.index : sent.end;
  }
  const leftStart = Math.max(sent.start, ctx.masked.lastIndexOf(';', spanStart) + 1);
  const left = plain(ctx.masked.slice(leftStart, spanStart));
  const clause = plain(ctx.masked.slice(spanStart, clauseEnd));
  if (NOT_A_DEAL.test(plain(ctx.masked.slice(Math.max(leftStart, spanStart - 40), spanEnd)))) return null;
  const st = findStatus(left, clause);
  let status = st.status;
  if (rule.status && !st.strong) status = rule.status;
  // a deal reported with no word on its state has at least been announced
  status ??= 'announced';

  // "X's $5bn takeover of Y", "the proposed 225 mln dlr acquisition of Y": an amount right before the trigger
  const pre = AMOUNT_BEFORE_TRIGGER.exec(ctx.masked.slice(Math.max(sent.start, trigger - 60), trigger));
  // (not from the sentence subject taken as a party: its amounts belong to other clauses)
  const valueStart = pre ? trigger - pre[0].length : Math.min(matchStart, trigger);
  const value = findValue(ctx, Math.min(valueStart, matchStart), clauseEnd);
  const confidence = Math.round(rule.score * (anaphoric ? SCORE_ADJUST.anaphor : 1) * (st.hedged ? SCORE_ADJUST.hedged : 1) * 100) / 100;
  const eachSlot = rule.each ? slotNames.get(rule.each) : undefined;
  return {
    ...(eachSlot && eachSlot.length > 1 ? { each: eachSlot } : {}),
    type,
    generic,
    parties,
    name: findName(doc.text.slice(sent.start, sent.end), parties, spanStart - sent.start, clauseEnd - sent.start),
    value,
    status,
    hedged: st.hedged,
    start: spanStart,
    end: spanEnd,
    trigger,
    confidence,
    rule: rule.rule,
    text: clause,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
function valuesDiffer(a: Candidate['value'], b: Candidate['value']): boolean {
  if (!a || !b) return false;
  if (a.currency !== b.currency) return false; // "$2.3bn" and "3.1bn Australian dollars" may be one amount
  return Math.abs(a.amount - b.amount) > 0.1 * Math.max(a.amount, b.amount);
}

/** Merge reports of one transaction: compatible type, same party set, no conflicting value. */
function mergeCandidates(cands: Candidate[]): Candidate[] {
  cands.sort((x, y) => x.start - y.start || x.trigger - y.trigger);
  const out: Candidate[] = [];
  for (const c of cands) {
    const twin = out.find((o) => {
      // same parties; or a shorter report of the same buyer's deal ("X plans to buy Y, Z and W" ... "X is looking to buy Y")
      const subset = o.parties.length > c.parties.length && c.parties.every((p) => o.parties.includes(p)) && o.type === c.type && o.parties[0] === c.parties[0];
      if (!sameSet(o.parties, c.parties) && !subset) return false;
      // a stake and a takeover between the same parties are usually separate steps: sameFamily only
      if (!(o.generic || c.generic || sameFamily(o.type, c.type))) return false;
      if (valuesDiffer(o.value, c.value)) return false;
      // "rejected an $8bn offer" and "will table a new offer" are two offers.
      const closed = (s: DealStatus | null) => s === 'rejected' || s === 'cancelled';
      if (closed(o.status) !== closed(c.status) && (NEW_OFFER.test(o.text) || NEW_OFFER.test(c.text))) return false;
      return true;
    });
    if (!twin) {
      out.push({ ...c });
      continue;
    }
    if (twin.generic && !c.generic) {
      twin.type = c.type;
      twin.generic = false;
    }
    // "Acme announced a shift in its partnership with Widget ... Acme has signed a new agreement that
    // gives it ... Widget's ...": the signing is the reported event; a mention of the standing
    // relationship only names it. The event's type and evidence represent the deal.
    if (MENTION_RULES.has(twin.rule) && SIGNING_RULES.has(c.rule) && sameFamily(twin.type, c.type)) {
      Object.assign(twin, { type: c.type, start: c.start, end: c.end, trigger: c.trigger, rule: c.rule, text: c.text });
    }
    twin.value ??= c.value;
    twin.name ??= c.name;
    if (c.status && (!twin.status || (STATUS_RANK[c.status] > STATUS_RANK[twin.status] && !twin.hedged))) {
      if (!(twin.status === 'rejected' || twin.status === 'cancelled')) twin.status = c.status;
    }
    twin.hedged = twin.hedged && c.hedged;
    twin.confidence = Math.min(1, Math.max(twin.confidence, c.confidence) + SCORE_ADJUST.merged);
  }
  return out;
}

/**
 * The article's topic: the most-mentioned company, when it clearly dominates (named at least twice,
 * and at least twice as often as any other). A story about two rivals has no single topic: null.
 */
function topicOf(mentions: readonly Mention[]): string | null {
  const count = new Map<string, number>();
  for (const m of mentions) count.set(m.name, (count.get(m.name) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  let second = 0;
  for (const [name, n] of count) {
    if (n > bestN) {
      second = bestN;
      best = name;
      bestN = n;
    } else if (n > second) second = n;
  }
  return best !== null && bestN >= 2 && bestN >= 2 * second ? best : null;
}

/** Find the deals of a document. Pure over the Doc's sentences, companies and money. */
export function findDeals(doc: Doc): Deal[] {
  const mentions = collectMentions(doc);
  if (mentions.length < 1) return [];
  const money = [...doc.money].sort((a, b) => a.start - b.start);
  const firstMention = new Int32Array(doc.sentences.length).fill(-1);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    // trust offsets over the mention's sentence field, which upstream may leave unset
    const s = sentenceAt(doc, m.start);
    m.sentence = s;
    if (s >= 0) firstMention[s] = i;
  }
  const cands: Candidate[] = [];
  const ctx: Ctx = { doc, mentions, masked: maskText(doc, mentions, money), money, firstMention, recent: null, cands, topic: topicOf(mentions) };
  let pending: PendingOffer | null = null;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const text = doc.norm.slice(s.start, s.end);
    if (pending && firstMention[si]! >= 0) {
      const c = offerBidder(ctx, si, pending);
      if (c) {
        cands.push(c);
        pending = null;
      }
    }
    if (firstMention[si]! >= 0) pending = offerReceived(ctx, si) ?? pending;
    // "The two are set to merge": a sentence without a company name may still hold an anaphor.
    if ((firstMention[si]! < 0 && !ANAPHOR_TEST.test(text)) || !TRIGGER_ANY.test(text)) {
      followUp(ctx, si, text, cands);
      continue;
    }
    const before = cands.length;
    matchSentence(ctx, si, cands);
    if (cands.length === before) followUp(ctx, si, text, cands);
  }
  return mergeCandidates(cands).map((c) => {
    const ev = evidence(doc, c.start, c.end);
    return {
      id: hashId('deal', c.type, c.parties.join('|'), c.start),
      type: c.type,
      parties: c.parties,
      name: c.name,
      value: c.value,
      status: c.status,
      hedged: c.hedged,
      evidence: ev,
      confidence: c.confidence,
      rule: c.rule,
    };
  });
}

// "Acme agreed to buy Widget for $5m" -> {type: acquisition, parties: [Acme, Widget], value: 5e6 USD, status: announced}
export const deals: Component = {
  name: 'deals',
  requires: ['norm', 'sentences', 'companies', 'money'],
  assigns: ['deals'],
  run(doc) {
    doc.deals = findDeals(doc);
  },
};
