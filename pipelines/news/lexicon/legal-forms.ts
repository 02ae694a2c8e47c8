/**
 * The one list of legal forms ("Inc", "Ltd", "GmbH", "Oy"...): every other list of legal suffixes
 * in company recognition is a column of this table, derived once at module load.
 *
 * A row is one legal form, lower case and without dots, and the roles it plays:
 *   key          dropped from name keys: "Acme Widget Corp" and "Acme Widget" share the key "acme widget"
 *   keepInName   kept in a canonical name all the same: "Synergy Research Group" stays whole
 *   designator   ends a capitalised run as a business: "Acme Widget Ltd" ('upper': only in capitals,
 *                "Acme Mining NL" but not the initials "N.L.")
 *   final        closes a name: "Acme Ltd of Ruritania" describes Acme Ltd, while "Acme Motor Co of
 *                Canada" is one name (co is not final)
 *   own          a name that ends in it is a company of its own, no division of a namesake:
 *                "Acme Retail Ltd" beside a curated "Acme" has no parent
 *   title        title-cased when a filing name in capitals is cleaned ("ACME INC" -> "Acme Inc"),
 *                not kept as an acronym
 *   partner      the "and Co" of a partnership name: "Goldman Sachs and Co", "Acme & Cos"
 *   afterComma   ends a comma-separated partners' name: "Foo, Bar, Baz, Inc"
 *   group        names a group, which may carry a brand's name: "Acme Cola Group" (not "Acme Cola PLC")
 *   dotted       a dotted spelling that counts where dots are not folded away ("n.v", "s.a")
 * Examples are invented.
 */

export interface LegalForm {
  form: string;
  key: boolean;
  keepInName?: true;
  designator: boolean | 'upper';
  final?: true;
  own?: true;
  title?: true;
  partner?: true;
  afterComma?: true;
  group?: true;
  dotted?: string;
}

export const LEGAL_FORMS: readonly LegalForm[] = [
  // "Acme Inc", "Acme Incorporated", "Acme Corp", "Acme Corporation"
  { form: 'inc', key: true, designator: true, final: true, own: true, title: true, afterComma: true },
  { form: 'incorporated', key: true, designator: true },
  { form: 'corp', key: true, designator: true, own: true, title: true, afterComma: true },
  { form: 'corporation', key: true, designator: true },
  // "Acme and Co", "Acme Cos", "Acme Company", "the Acme Companies"
  { form: 'co', key: true, designator: true, own: true, title: true, partner: true, afterComma: true },
  { form: 'cos', key: true, designator: true, title: true, partner: true },
  { form: 'company', key: true, keepInName: true, designator: true, partner: true },
  { form: 'companies', key: true, keepInName: true, designator: true },
  // "Acme Ltd", "Acme Limited", "Acme plc", "Acme LLC", "Acme LLP", "Acme LP", "Acme L.P."
  { form: 'ltd', key: true, designator: true, final: true, own: true, title: true, afterComma: true },
  { form: 'limited', key: true, designator: true },
  { form: 'plc', key: true, designator: true, final: true, own: true },
  { form: 'llc', key: true, designator: true, final: true, own: true },
  { form: 'llp', key: true, designator: true },
  { form: 'lp', key: true, designator: true },
  { form: 'l', key: true, designator: false },
  { form: 'p', key: true, designator: false },
  { form: 'pllc', key: true, designator: false },
  { form: 'lc', key: true, designator: false },
  { form: 'pc', key: true, designator: false },
  // "Acme AG", "Acme SA", "Acme S.A.", "Acme NV", "Acme N.V.", "Acme BV", "Acme SE", "Acme GmbH", "Acme SpA"
  { form: 'ag', key: true, designator: true, final: true, own: true },
  { form: 'sa', key: true, designator: true, final: true, own: true, dotted: 's.a' },
  { form: 'nv', key: true, designator: true, final: true, own: true, dotted: 'n.v' },
  { form: 'bv', key: true, designator: true, final: true },
  { form: 'se', key: true, designator: true, final: true },
  { form: 'gmbh', key: true, designator: true, final: true, own: true },
  { form: 'spa', key: true, designator: true, final: true, own: true },
  { form: 'sarl', key: true, designator: false },
  { form: 'srl', key: true, designator: false },
  { form: 'de', key: true, designator: false },
  { form: 'cv', key: true, designator: false },
  { form: 'sab', key: true, designator: false },
  // "Acme Oyj", "Acme Oy" (Finland), "Acme ASA", "Acme AS" (Norway), "Acme AB" (Sweden)
  { form: 'oyj', key: true, designator: true, final: true },
  { form: 'oy', key: false, designator: false, final: true },
  { form: 'asa', key: true, designator: true, final: true },
  { form: 'as', key: true, designator: false, final: true },
  { form: 'ab', key: true, designator: true, final: true },
  // "Acme KK" (Japan), "Acme Pty" (Australia), "Acme Bhd" (Malaysia), "Acme Tbk" (Indonesia), "Acme NL"
  { form: 'kk', key: true, designator: true, final: true },
  { form: 'pty', key: true, designator: true, final: true },
  { form: 'bhd', key: true, designator: true, final: true },
  { form: 'tbk', key: true, designator: false },
  { form: 'nl', key: true, designator: 'upper' },
  // "Acme Holding", "Acme Holdings", "Acme Group": dropped from keys, kept in names
  { form: 'holding', key: true, keepInName: true, designator: true, group: true },
  { form: 'holdings', key: true, keepInName: true, designator: true, group: true },
  { form: 'group', key: true, keepInName: true, designator: true, group: true },
];

const forms = (keep: (f: LegalForm) => unknown): ReadonlySet<string> =>
  new Set(LEGAL_FORMS.filter(keep).map((f) => f.form));

/** Legal forms dropped from name keys and canonical names. Lower case, no dots. */
export const LEGAL_SUFFIXES: ReadonlySet<string> = forms((f) => f.key);

/** Legal forms that stay in a canonical name ("Synergy Research Group"), though keys drop them. */
export const KEEP_IN_NAME: ReadonlySet<string> = forms((f) => f.keepInName);

/** Legal forms that end a capitalised run as a business designator (lower case, no dots). */
export const LEGAL_DESIGNATORS: ReadonlySet<string> = forms((f) => f.designator === true);

/** Legal forms that are designators only when written in capitals ("NL"). */
export const UPPER_CASE_DESIGNATORS: ReadonlySet<string> = new Set(
  LEGAL_FORMS.filter((f) => f.designator === 'upper').map((f) => f.form.toUpperCase()),
);

/** Legal forms that close a name: "Acme Ltd of Ruritania" describes Acme Ltd (dots folded away). */
export const FINAL_LEGAL_FORMS: ReadonlySet<string> = forms((f) => f.final);

/** Abbreviated legal forms title-cased when a filing name in capitals is cleaned ("INC" -> "Inc"). */
export const TITLE_CASE_LEGAL_FORMS: ReadonlySet<string> = forms((f) => f.title);

/** The "and Co" of a partnership name ("Goldman Sachs and Co", "Acme & Cos", "Foo and Company"). */
export const PARTNER_LEGAL_FORMS: ReadonlySet<string> = forms((f) => f.partner);

/** Words after "and" that end a partnership name: the partner forms and "Sons" ("Acme & Sons"). */
export const PARTNER_WORDS: ReadonlySet<string> = new Set([...PARTNER_LEGAL_FORMS, 'sons']);

/** Forms that end a comma-separated partners' name: "Foo, Bar, Baz, Inc". */
export const AFTER_COMMA_LEGAL_FORMS: ReadonlySet<string> = forms((f) => f.afterComma);

/** Forms that name a group rather than a legal person: "Acme Cola Group" may be the brand's group. */
export const GROUP_LEGAL_FORMS: ReadonlySet<string> = forms((f) => f.group);

/** The word without one trailing dot ("Inc." -> "Inc"). */
export function withoutFinalDot(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

const OWN_FORMS: ReadonlySet<string> = new Set(
  LEGAL_FORMS.filter((f) => f.own).flatMap((f) => (f.dotted ? [f.form, f.dotted] : [f.form])),
);

/**
 * Does a name ending in this word (lower case, as written) name a company of its own?
 * "Ltd", "Ltd.", "N.V.": yes; "Group", "Holdings": no. One trailing dot is allowed.
 */
export function isOwnLegalForm(lowerWord: string): boolean {
  return OWN_FORMS.has(withoutFinalDot(lowerWord));
}
