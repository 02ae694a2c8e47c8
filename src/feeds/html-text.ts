/**
 * HTML fragment -> plain text for feed titles, summaries and content: tags dropped (block tags
 * become line breaks), script/style/comments removed, entities decoded, whitespace collapsed.
 * One left-to-right pass with indexOf, so linear in the input.
 *
 *   '<p>Shares rose 5&nbsp;%.</p><p>More&hellip;</p>'  ->  'Shares rose 5 %.\nMore…'
 */
import { decodeHtmlEntities } from './entities.ts';

const BLOCK = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'template']);

export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return collapse(html);
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const next = html.charCodeAt(lt + 1);
    const isLetter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (!isLetter && next !== 47 /* / */ && next !== 33 /* ! */ && next !== 63 /* ? */) {
      out += '<'; // "a < b": not a tag
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break; // a cut-off tag at the end
    const m = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 40)));
    const name = m ? m[1]!.toLowerCase() : '';
    i = gt + 1;
    if (SKIP_CONTENT.has(name) && html.charCodeAt(lt + 1) !== 47) {
      const close = lower.indexOf(`</${name}`, i);
      const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
      i = closeEnd < 0 ? n : closeEnd + 1;
      continue;
    }
    if (BLOCK.has(name)) out += '\n';
    else if (name === 'img' || name === 'td') out += ' ';
  }
  return collapse(decodeHtmlEntities(out));
}

function collapse(s: string): string {
  return s
    .replace(/[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/ ?[\r\n][\s]*/g, (m) => (/\n[^\n]*\n/.test(m.replace(/\r\n?/g, '\n')) ? '\n\n' : '\n'))
    .trim();
}
