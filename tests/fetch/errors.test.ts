import { describe, expect, it } from 'vitest';
import { networkError } from '../../src/fetch/errors.ts';

describe('fetch errors: DNS failures', () => {
  it('a name that does not resolve (ENOTFOUND) or a resolver that cannot answer (EAI_AGAIN) is retried', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      const e = networkError('https://feeds.example.com/rss', Object.assign(new Error(`getaddrinfo ${code} feeds.example.com`), { code }));
      expect(e.kind, code).toBe('transient');
      expect(e.permanent, code).toBe(false);
      expect(e.message).toMatch(/^\[fetch\] https:\/\/feeds\.example\.com\/rss: /);
    }
  });
});
