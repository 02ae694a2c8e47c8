/**
 * HTML 4 named character references (the set feeds actually use: &nbsp; &eacute; &mdash; &euro;),
 * as a table built once at module load. Used to repair feeds whose XML uses HTML entities, and
 * to turn HTML content into text.
 */

/** Names of U+00A0..U+00FF in code point order. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc ' +
  'Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml ' +
  'aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc ' +
  'otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** Greek capitals from U+0391 and small letters from U+03B1 (U+03A2 is unassigned). */
const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - Sigma Tau Upsilon Phi Chi Psi Omega';
const GREEK_LOWER = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega';

/** The rest: name:code point. */
const OTHERS =
  'quot:34 amp:38 apos:39 lt:60 gt:62 OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 circ:710 ' +
  'tilde:732 thetasym:977 upsih:978 piv:982 ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 ' +
  'rlm:8207 ndash:8211 mdash:8212 lsquo:8216 rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 ' +
  'dagger:8224 Dagger:8225 bull:8226 hellip:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 ' +
  'oline:8254 frasl:8260 euro:8364 image:8465 weierp:8472 real:8476 trade:8482 alefsym:8501 larr:8592 ' +
  'uarr:8593 rarr:8594 darr:8595 harr:8596 crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 hArr:8660 ' +
  'forall:8704 part:8706 exist:8707 empty:8709 nabla:8711 isin:8712 notin:8713 ni:8715 prod:8719 sum:8721 ' +
  'minus:8722 lowast:8727 radic:8730 prop:8733 infin:8734 ang:8736 and:8743 or:8744 cap:8745 cup:8746 ' +
  'int:8747 there4:8756 sim:8764 cong:8773 asymp:8776 ne:8800 equiv:8801 le:8804 ge:8805 sub:8834 sup:8835 ' +
  'nsub:8836 sube:8838 supe:8839 oplus:8853 otimes:8855 perp:8869 sdot:8901 lceil:8968 rceil:8969 ' +
  'lfloor:8970 rfloor:8971 lang:9001 rang:9002 loz:9674 spades:9824 clubs:9827 hearts:9829 diams:9830';

function build(): ReadonlyMap<string, number> {
  const m = new Map<string, number>();
  LATIN1.split(' ').forEach((n, i) => m.set(n, 0xa0 + i));
  GREEK_UPPER.split(' ').forEach((n, i) => n !== '-' && m.set(n, 0x391 + i));
  GREEK_LOWER.split(' ').forEach((n, i) => m.set(n, 0x3b1 + i));
  for (const pair of OTHERS.split(' ')) {
    const [n, c] = pair.split(':') as [string, string];
    m.set(n, Number(c));
  }
  return m;
}

/** name -> code point, e.g. 'eacute' -> 0xE9. Names are case-sensitive, as in HTML. */
export const HTML_ENTITIES: ReadonlyMap<string, number> = build();

/** The five entities XML defines without a DTD. */
export const XML_ENTITIES: ReadonlySet<string> = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** A code point allowed in XML 1.0 text. */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Decode every character reference in HTML text: named (table above), decimal and hex. */
export function decodeHtmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g,
    (m: string, dec: string | undefined, hex: string | undefined, name: string | undefined, semi: string, at: number) => {
      if (name !== undefined) {
        const cp = HTML_ENTITIES.get(name);
        if (cp === undefined) return m;
        // Without ';' only in running text: "&copy 2024" yes, "?a=1&copy=2" (a URL query) no.
        if (!semi && s.charAt(at + m.length) === '=') return m;
        return String.fromCodePoint(cp);
      }
      const cp = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
      return isXmlChar(cp) ? String.fromCodePoint(cp) : '';
    },
  );
}
