/**
 * The type of a deal: the rule's own, or the kind word's ("partnership", a bare "deal" typed by
 * the sentence around it), changed by the object phrase between the trigger and the target
 * ("a 20% stake in" -> investment; "10 jets from" -> contract, not a takeover).
 */
import type { Doc } from '../../doc.ts';
import type { DealType } from '../../../../src/schema.ts';
import { CONTEXT_TYPE, GENERIC_KIND, KIND_TYPE } from '../../rules/deals.ts';
import type { DealRule } from '../../rules/deals.ts';
import {
  GOODS_WORDS, MAJORITY_PCT, MAJORITY_WORDS, PRICE_PER_SHARE, PROPER_NAME_OBJECT, REST_OF_TARGET, STAKE_AFTER_TARGET, STAKE_PCT,
  STAKE_WORDS, UNIT_WORDS,
} from '../../rules/deals-cues.ts';
import { plain } from './mentions.ts';
import type { Slots } from './slots.ts';
import type { TemplateMatch } from './types.ts';

export interface Typed {
  type: DealType;
  /** The type came from a generic word ("deal", "agreement"). */
  generic: boolean;
}

/** The type of the deal `m` reports in sentence `si`, or null when its object rules it out. */
export function dealType(doc: Doc, masked: string, si: number, m: TemplateMatch, slots: Slots, triggerEnd: number): Typed | null {
  const sent = doc.sentences[si]!;
  // The object phrase: from the trigger to the last slot after it.
  let objEnd = triggerEnd;
  for (const s of ['a', 'b', 's', 'u'] as const) {
    const g = m.groups[s];
    if (g && g[0] >= triggerEnd) objEnd = Math.max(objEnd, g[0]);
  }
  const obj = plain(masked.slice(triggerEnd, objEnd));
  const typed = m.rule.type === 'kind' ? kindOfMatch(doc, si, m) : { type: m.rule.type, generic: false };
  // "bought the Widget shares": the stake words may follow the company
  const target = m.groups.b ?? m.groups.u;
  const afterTarget = target ? doc.norm.slice(target[1], target[1] + 30) : '';
  const stakeAfter = STAKE_AFTER_TARGET.exec(afterTarget);
  // "buy the shares in Widget it does not already own": the rest of the company, a takeover
  const targetEnd = target ? target[1] : sent.start;
  const restOf = REST_OF_TARGET.test(doc.norm.slice(targetEnd, targetEnd + 50));
  const objForType = (stakeAfter ? obj + ' ' + stakeAfter[0] : obj) + (restOf ? ' remaining' : '');
  const type = objectType(m.rule, obj, objForType, (slots.names.get('u') ?? []).length > 0, typed.type);
  return type === null ? null : { type, generic: typed.generic };
}

/** A rule of type 'kind': the kind word's type; a bare "agreement" may take its type from the context. */
function kindOfMatch(doc: Doc, si: number, m: TemplateMatch): Typed {
  const sent = doc.sentences[si]!;
  const k = m.groups.k;
  const kind = k ? doc.norm.slice(k[0], k[1]) : 'agreement';
  const typed = kindType(kind, doc.norm.slice(sent.start, sent.end));
  if (typed.generic && typed.type === 'agreement') {
    // "Acme sold its PC unit to Widget. The $1.75bn agreement Widget signed with Acme ...": a bare
    // "agreement" is a takeover, merger or stake when the sentence before, else the headline, says so
    // (a partnership or an order there says nothing new: those are kinds of agreement already)
    const prev = doc.sentences[si - 1];
    const context = [prev ? doc.norm.slice(prev.start, prev.end) : '', doc.article.title];
    for (const text of context) {
      const t = kindType(kind, text);
      if (t.type === 'acquisition' || t.type === 'merger' || t.type === 'investment') return { type: t.type, generic: true };
    }
  }
  return typed;
}

function kindType(kind: string, sentence: string): Typed {
  if (GENERIC_KIND.test(kind.trim())) {
    for (const cue of CONTEXT_TYPE) if (cue.match.test(sentence)) return { type: cue.type, generic: true };
    return { type: 'agreement', generic: true };
  }
  for (const cue of KIND_TYPE) if (cue.match.test(kind)) return { type: cue.type, generic: false };
  return { type: 'agreement', generic: false };
}

/** What the object phrase makes of the type (the rule's `object`), or null when it rules the match out. */
function objectType(rule: DealRule, obj: string, objForType: string, unitNamed: boolean, type: DealType): DealType | null {
  const goods = isGoods(obj);
  switch (rule.object) {
    case 'goods':
      return goods ? type : null;
    case 'not-goods':
      return goods ? null : type;
    case 'stake-not-goods':
      return goods ? null : (stakeType(objForType) ?? type);
    case 'stake':
      return stakeType(objForType) ?? type;
    case 'asset': {
      if (goods) return null;
      // ("bought Ohio Mining from Acme": an object that is a bare proper name is a business the company list missed)
      const properName = rule.rule === 'acq.verb.from' && PROPER_NAME_OBJECT.test(obj.replace(/\s+from\s*$/, ''));
      if (!unitNamed && !properName && !STAKE_WORDS.test(obj) && !UNIT_WORDS.test(obj) && !/\bCO\b/.test(obj)) return null;
      return stakeType(obj) ?? type;
    }
    default:
      return type;
  }
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
