/**
 * Feed URLs are checked before anything is scheduled or polled (`feeds add`, `feeds sync`,
 * `run --feeds`): http(s) only, local files only in a local run and only when the list says so
 * (`file:` or a path), private targets refused unless allowed; no message ever quotes a file. A
 * feed item without a link is a warning naming the feed and the item, counted in the poll result.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse.ts';
import { loadConfig } from '../../src/ingest/config.ts';
import { classify } from '../../src/ingest/errors.ts';
import { FeedListError, FeedSpecSchema, checkFeeds } from '../../src/ingest/feed-list.ts';
import type { FeedSpec } from '../../src/ingest/feed-list.ts';
import { pollFeed } from '../../src/ingest/stages/index.ts';
import type { StageContext } from '../../src/ingest/stages/index.ts';
import { MemoryStore } from '../../src/ingest/store.ts';
import { freePort } from '../helpers/ports.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const spec = (url: string, id = 'f'): FeedSpec => FeedSpecSchema.parse({ id, url });
/** A resolver for names the tests invent (none reaches the network). */
const resolveHost = async (host: string) => {
  const table: Record<string, string[]> = { 'intranet.example': ['10.1.2.3'], 'news.example': ['93.184.216.34'], 'mixed.example': ['93.184.216.34', '127.0.0.1'] };
  const a = table[host];
  if (!a) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return a;
};
const check = (urls: string[], o: { local?: boolean; allowPrivate?: boolean } = {}) =>
  checkFeeds(
    urls.map((u, i) => spec(u, `f${i}`)),
    { local: o.local ?? false, allowPrivate: o.allowPrivate ?? false, resolveHost },
  );
const problem = async (url: string, o: { local?: boolean; allowPrivate?: boolean } = {}) => {
  try {
    await check([url], o);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedListError);
    return (err as Error).message;
  }
};

describe('checkFeeds: what a feed URL may be', () => {
  it('http and https URLs to public hosts pass', async () => {
    expect((await check(['https://news.example/rss.xml', 'http://93.184.216.34/feed'])).map((s) => s.url)).toEqual([
      'https://news.example/rss.xml',
      'http://93.184.216.34/feed',
    ]);
  });

  it('file:, ftp:, data:, javascript: and junk are refused, naming the feed, without reading anything', async () => {
    expect(await problem('file:///etc/passwd')).toBe(
      '[feeds] feed "f0": file: URLs are not feeds, only http:// and https:// ones (a local file is "file: PATH" in the feed list of a local run, newsnlp run --feeds)',
    );
    expect(await problem('file:///etc/passwd', { local: true })).toMatch(/file: URLs are not feeds/);
    for (const u of ['ftp://news.example/feed.xml', 'data:text/xml,<rss/>', 'javascript:alert(1)', 'gopher://x/']) expect(await problem(u)).toMatch(/URLs are not feeds/);
    expect(await problem('news.example/feed.xml')).toMatch(/not a URL: "news\.example\/feed\.xml"/);
  });

  it('private, loopback, link-local and unspecified targets are refused in every spelling unless allowed', async () => {
    const forms = [
      'http://127.0.0.1/feed',
      'http://2130706433/feed', // decimal
      'http://0x7f000001/feed', // hex
      'http://0177.0.0.1/feed', // octal
      'http://127.1/feed', // short form
      'http://[::1]/feed',
      'http://[::ffff:127.0.0.1]/feed', // IPv4-mapped IPv6
      'http://[::ffff:a00:1]/feed', // mapped 10.0.0.1
      'http://0.0.0.0/feed',
      'http://169.254.169.254/latest/meta-data/', // link-local (cloud metadata)
      'http://[fe80::1]/feed',
      'http://10.0.0.5/feed',
      'http://172.16.1.1/feed',
      'http://192.168.1.1/feed',
      'http://100.64.0.1/feed', // CGNAT
      'http://[fc00::1]/feed', // unique local
      'http://intranet.example/feed', // a name that resolves to a private address
      'http://mixed.example/feed', // one of its addresses is loopback
      'http://localhost:8080/feed',
    ];
    const refused: string[] = [];
    for (const u of forms) {
      const p = await problem(u);
      if (p && /a (private|loopback|linkLocal|unspecified|carrierGradeNat|uniqueLocal|ipv4Mapped)\b.*address \(set NEWSNLP_ALLOW_PRIVATE=1/.test(p)) refused.push(u);
    }
    expect(refused).toEqual(forms);
    expect(await problem('http://intranet.example/feed')).toMatch(/resolves to 10\.1\.2\.3, a private address/);
    // allowed: all pass (the fetch layer still applies the same switch when it connects)
    expect(await check(forms, { allowPrivate: true })).toHaveLength(forms.length);
    // a name that does not resolve now passes: each fetch resolves and checks again
    expect(await check(['https://not-yet.example/feed'])).toHaveLength(1);
  });

  it('files: only in a local run, by `file` or a path as url, resolved against the list', async () => {
    const file = FeedSpecSchema.parse({ id: 'offline', file: 'copies/x.xml' });
    expect(file).toEqual({ id: 'offline', url: 'copies/x.xml', file: true, every: 1_800_000 });
    await expect(checkFeeds([file], { local: false, allowPrivate: true })).rejects.toThrow(
      '[feeds] feed "offline": a file feed is read only by a local run (newsnlp run --feeds); a scheduled feed needs an http(s) URL',
    );
    expect(await checkFeeds([file, spec('./y.xml', 'path')], { local: true, allowPrivate: false, base: '/srv/lists' })).toEqual([
      { id: 'offline', url: '/srv/lists/copies/x.xml', file: true, every: 1_800_000 },
      { id: 'path', url: '/srv/lists/y.xml', file: true, every: 1_800_000 },
    ]);
    await expect(check(['./y.xml'])).rejects.toThrow(/not a URL/);
    expect(() => FeedSpecSchema.parse({ id: 'both', url: 'https://x/', file: 'x.xml' })).toThrow(/needs a url or a file/);
  });
});

describe('no file content in errors', () => {
  const secret = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon';
  it('a document that is no feed is described, not quoted', async () => {
    for (const text of [secret, '{"root": x:0:0}', '[root:x:0:0:root']) {
      const err = (await parseFeed(text, 'https://news.example/feed').catch((e: unknown) => e)) as Error;
      expect(err.message).not.toMatch(/root|daemon|x:0:0/);
    }
  });

  it('a poll job whose URL is not http(s), and that is not a local run\'s file feed, reads nothing', async () => {
    const ctx: StageContext = { cfg: loadConfig({}, {}), store: new MemoryStore(), log: pino({ level: 'silent' }) };
    for (const url of ['/etc/passwd', 'file:///etc/passwd']) {
      const err = (await pollFeed(ctx, { feedId: 'evil', url }, { jobId: 'j', final: true }).catch((e: unknown) => e)) as Error;
      expect(classify(err).permanent).toBe(true);
      expect(err.message).toMatch(/^\[ingest\] feed evil: ".*" is not an http\(s\) URL \(only a local run reads feed files\)$/);
      expect(err.message).not.toMatch(/root:/);
    }
  });
});

describe('the CLI refuses bad feed URLs before it touches Redis or a file', () => {
  const exec = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stderr: string }>((res) =>
      execFile(process.execPath, ['bin/newsnlp.js', ...args], { cwd: ROOT, timeout: 30_000, env: { ...process.env, NEWSNLP_ALLOW_PRIVATE: '', ...env } }, (err, _o, stderr) =>
        res({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stderr }),
      ),
    );
  const lines = (s: string) => s.split('\n').filter(Boolean);

  it('feeds add, feeds sync and run --feeds: one line, exit 2, no file content', async () => {
    // a REDIS_URL where nothing listens: a refusal must come before any use of Redis (else exit 3)
    const env = { REDIS_URL: `redis://127.0.0.1:${await freePort()}` };
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-feedurls-'));
    const list = join(dir, 'feeds.yaml');
    writeFileSync(list, 'feeds:\n  - id: passwd\n    url: file:///etc/passwd\n  - id: loop\n    url: http://127.0.0.1:9/feed.xml\n  - id: ok\n    url: https://news.example/rss\n');
    const fileList = join(dir, 'files.yaml');
    writeFileSync(fileList, 'feeds:\n  - id: offline\n    file: copy.xml\n');
    const runs = await Promise.all([
      exec(['feeds', 'add', 'file:///etc/passwd'], env),
      exec(['feeds', 'add', 'http://169.254.169.254/latest/meta-data/'], env),
      exec(['feeds', 'sync', list], env),
      exec(['feeds', 'sync', fileList], env),
      exec(['run', '--feeds', list], { REDIS_URL: '' }),
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(lines(r.stderr), r.stderr).toHaveLength(1);
      expect(r.stderr).not.toMatch(/root:|daemon/);
    }
    expect(runs[0]!.stderr).toMatch(/^\[feeds\] feeds add: feed "[^"]+": file: URLs are not feeds/);
    expect(runs[1]!.stderr).toMatch(/169\.254\.169\.254\/latest\/meta-data\/ is 169\.254\.169\.254, a linkLocal address/);
    expect(runs[2]!.stderr).toMatch(/feed "passwd": file: URLs are not feeds.*; feed "loop": http:\/\/127\.0\.0\.1:9\/feed\.xml is 127\.0\.0\.1, a loopback address/);
    expect(runs[3]!.stderr).toMatch(/feed "offline": a file feed is read only by a local run/);
  }, 60_000);
});

describe('feed items without a link', () => {
  it('are skipped with a warning naming the feed and the item, and counted in the poll result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-nolink-'));
    const file = join(dir, 'feed.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>Acme buys Widget</title><link>https://news.example/a</link></item>
        <item><title>Orphan story</title><description>no link here</description></item>
        <item><description>no title either</description></item>
        <item><title>Widget sells Gadget</title><link>https://news.example/b</link></item>
      </channel></rss>`,
    );
    const lines: string[] = [];
    const ctx: StageContext = { cfg: loadConfig({}, {}), store: new MemoryStore(), log: pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }) };
    const r = await pollFeed(ctx, { feedId: 'wire', url: file, file: true }, { jobId: 'j', final: true });
    expect(r.items).toBe(2);
    expect(r.noLink).toBe(2);
    const warnings = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['msg'] === 'feed item without a link: skipped');
    expect(warnings.map((w) => [w['level'], w['feedId'], w['feed'], w['title']])).toEqual([
      [40, 'wire', file, 'Orphan story'],
      [40, 'wire', file, '(untitled)'],
    ]);
    expect(readFileSync(file, 'utf8')).toContain('Orphan story');
  });
});
