/**
 * Deal templates compiled: every rule of rules/deals.ts becomes a RegExp over the masked text
 * (once, at module load), and matchTemplates runs them over one sentence.
 */
import { DEAL_RULES, MACROS } from '../../rules/deals.ts';
import type { DealRule } from '../../rules/deals.ts';
import { COMPANY_RE, GAP, LIST_SEP, OBJECT_WORDS, SLOT_RE } from '../../rules/deals-grammar.ts';
import type { GroupName, Span, TemplateMatch } from './types.ts';

/** Compile a rule template (syntax in rules/deals.ts) to a RegExp with indices. */
export function compileTemplate(template: string): RegExp {
  let src = template.replace(/<([A-Z_]+)>/g, (_m, name: string) => {
    const macro = MACROS[name];
    if (macro === undefined) throw new Error(`[deals] unknown macro <${name}> in template "${template}"`);
    return macro;
  });
  // "Acme, the Swiss firm, agreed to buy": the gap after a slot may start with punctuation.
  src = src.replace(/\} \{_\}/g, '}{_}');
  src = src.replace(/ /g, '\\s+');
  // a trigger is a word of its own: not the tail of "Acme-partnered"
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

/**
 * Every match of every template in one sentence, rule by rule in DEAL_RULES order: `masked` and
 * `text` are the sentence in the masked and the normalised text, `base` its offset.
 */
export function matchTemplates(masked: string, text: string, base: number): TemplateMatch[] {
  const out: TemplateMatch[] = [];
  const fired: (boolean | undefined)[] = new Array(TRIGGERS.length);
  for (const { rule, re, trigger } of COMPILED) {
    if (!(fired[trigger] ??= TRIGGERS[trigger]!.test(text))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const groups: Partial<Record<GroupName, Span>> = {};
      for (const [name, g] of Object.entries(m.indices?.groups ?? {})) {
        if (g) groups[name as GroupName] = [base + g[0], base + g[1]];
      }
      out.push({ rule, start: base + m.index, end: base + m.index + m[0].length, groups });
    }
  }
  return out;
}
