import type { Component } from '../doc.ts';

/** One-for-one folds: every entry maps one UTF-16 unit to one, so offsets survive. */
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u3000': ' ',
  '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ', '\u2006': ' ', '\u2008': ' ',
  '\u200B': ' ', '\uFEFF': ' ', '\t': ' ', '\r': '\n', '\u2028': '\n', '\u2029': '\n', '\u00AD': ' ',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('').replace(/[\]\\^-]/g, '\\$&')}]`, 'g');

/** Fold typographic variants to ASCII without changing the text's length. */
export function foldText(text: string): string {
  return text.replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

// "Microsoft’s" -> "Microsoft's"; "Russia—based" -> "Russia-based"; NBSP -> space.
export const normalize: Component = {
  name: 'normalize',
  requires: [],
  assigns: ['norm'],
  run(doc) {
    doc.norm = foldText(doc.text);
  },
};
