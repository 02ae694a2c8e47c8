/**
 * A lenient repair pass for XML feeds that a strict parser rejects; run only after a strict
 * parse failed. One left-to-right scan (indexOf), linear in the input. It fixes:
 *   - bare ampersands:        <title>Fish & Chips</title>       -> Fish &amp; Chips
 *   - HTML entities in XML:   <description>a&nbsp;b</description> -> a&#160;b
 *   - legacy entity prefixes: <link>?a=1&copy=2</link>          -> ?a=1&amp;copy=2
 *   - unknown entities:       &foo;                              -> &amp;foo; (kept as text)
 *   - references to characters XML forbids (&#8;)               -> removed
 *   - a stray "<" in text:    <title>a < b</title>               -> a &lt; b
 *   - a DOCTYPE (its entities are never fetched or expanded)     -> removed
 *   - unclosed or mis-nested elements ("<b>x</i>"): closed at their parent's end tag;
 *     stray end tags dropped
 *   - a truncated document (cut inside a tag, comment or CDATA): the partial construct is cut
 *     and every open element closed, so the complete items before the cut survive
 *   - anything after the root element's end: dropped
 * CDATA sections and comments are copied as they are.
 */
import { HTML_ENTITIES, XML_ENTITIES, isXmlChar } from './entities.ts';

/** How far down the open-element stack an end tag may look for its start tag. */
const MAX_CLOSE_SEARCH = 64;

export function repairXml(xml: string): string {
  const out: string[] = [];
  const stack: string[] = [];
  let rootClosed = false;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (!rootClosed) out.push(fixReferences(xml.slice(i)));
      break;
    }
    if (!rootClosed && lt > i) out.push(fixReferences(xml.slice(i, lt)));

    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) break;
      if (!rootClosed) out.push(xml.slice(lt, e + 3));
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) break;
      if (!rootClosed) out.push(xml.slice(lt, e + 3));
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) break;
      // A second XML declaration is an error; other processing instructions are harmless.
      if (!rootClosed && !/^<\?xml[\s?]/i.test(xml.slice(lt, lt + 6))) out.push(xml.slice(lt, e + 2));
      i = e + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      if (!/^<!DOCTYPE/i.test(xml.slice(lt, lt + 9))) break; // e.g. "<![CD" cut off at the end
      const gt = xml.indexOf('>', lt);
      const br = xml.indexOf('[', lt);
      const close = br >= 0 && (gt < 0 || br < gt) ? xml.indexOf(']', br) : lt;
      const end = close < 0 ? -1 : xml.indexOf('>', close);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const c = xml.charCodeAt(lt + 1);
    const closing = c === 47; /* / */
    if (!closing && !isNameStart(c)) {
      if (!rootClosed) out.push('&lt;');
      i = lt + 1;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) break; // a tag cut off at the end
    i = gt + 1;
    if (rootClosed) continue;
    const tag = xml.slice(lt, gt + 1);
    const m = /^<\/?\s*([^\s/>]+)/.exec(tag);
    if (!m) continue;
    const name = m[1]!;
    if (closing) {
      const at = findOpen(stack, name);
      if (at < 0) continue; // a stray end tag
      while (stack.length > at + 1) out.push(`</${stack.pop()}>`);
      stack.pop();
      out.push(`</${name}>`);
      if (stack.length === 0) rootClosed = true;
    } else if (tag.endsWith('/>')) {
      out.push(fixReferences(tag));
      if (stack.length === 0) rootClosed = true;
    } else {
      out.push(fixReferences(tag));
      stack.push(name);
    }
  }
  while (stack.length > 0) out.push(`</${stack.pop()}>`);
  return out.join('');
}

function findOpen(stack: string[], name: string): number {
  const stop = Math.max(0, stack.length - MAX_CLOSE_SEARCH);
  for (let k = stack.length - 1; k >= stop; k--) if (stack[k] === name) return k;
  return -1;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 58 /* : */ || c > 127;
}

/** Make every '&' in a text run or tag a valid XML reference (see the header for the cases). */
export function fixReferences(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z_][\w.-]{0,31});)?/g, (m, ref: string | undefined) => {
    if (ref === undefined) return '&amp;';
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return isXmlChar(cp) ? m : '';
    }
    if (XML_ENTITIES.has(ref)) return m;
    const cp = HTML_ENTITIES.get(ref);
    return cp === undefined ? `&amp;${ref};` : `&#${cp};`;
  });
}
