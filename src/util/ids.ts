import { createHash } from 'node:crypto';

/** Short deterministic id: the first 16 hex digits of sha256 over the parts joined by U+001F. */
export function hashId(...parts: (string | number | null | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => (p == null ? '' : String(p))).join('\u001f'))
    .digest('hex')
    .slice(0, 16);
}

/** URL-safe slug: "Amazon Web Services" -> "amazon-web-services". */
export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}
