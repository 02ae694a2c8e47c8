/**
 * JSONL sink: one envelope per line, appended (O_APPEND, one write per batch). Idempotent on the
 * envelope id: the files themselves are the index. Before each batch the sink reads whatever was
 * appended since it last looked (by itself or by another writer) and skips ids already there, so
 * reading is linear in the bytes written over the sink's life. Lines start with `{"id":"...` so the
 * index is built without parsing whole records.
 *
 * Writers on the same path take turns: each batch (index refresh + append) runs under a lock file
 * (`<path>.lock`, created with O_EXCL, removed after the batch; one left by a crashed writer is
 * taken over after `staleLockMs`), so two drivers, in one process or two, never write an id twice.
 *
 * Rotation (optional) writes segments beside the path instead of the path itself:
 *   rotate: 'day'     out/records.ndjson -> out/records-2025-03-04.ndjson (UTC day of writing)
 *   maxBytes: N       out/records-00001.ndjson, out/records-00002.ndjson, ... (a new segment when
 *                     the batch would take the current one past N bytes; a batch is never split)
 *   both              out/records-2025-03-04.00001.ndjson, ...
 * Every segment of the path is indexed, so idempotency spans them. flush() fsyncs the open segment.
 *
 * Group commit: calls that arrive while a batch is being written (a queue worker running many sink
 * jobs at once) are written together as the next batch, under one lock and one append, each call
 * still told how many of its own envelopes were new; concurrent flush() calls share one fdatasync
 * that started after their lines were appended. So a caller that awaits write() then flush() knows
 * its lines are on disk, and the disk sees one sync per batch instead of one per envelope. With
 * `lingerMs`, a batch also waits that long for company (the queue workers' sinks: see openSink).
 */
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Envelope } from '../contracts.ts';
import { flatten } from '../flat.ts';
import { IdSet } from '../util/id-set.ts';
import { envelopeOf, isSerialized, SinkError } from './types.ts';
import type { SerializedEnvelope, SinkDriver } from './types.ts';

type Item = Envelope | SerializedEnvelope;

const ID_RE = /^\{"id":"((?:[^"\\]|\\.)*)"/;
/** Flat format: every line starts with the id of the article it comes from. */
const ARTICLE_ID_RE = /^\{"articleId":"((?:[^"\\]|\\.)*)"/;

/**
 * An envelope's flat lines (src/flat.ts: the article, then its companies, deals and claims), each
 * starting with `articleId`, so the index is built from line starts as for envelopes and an article
 * is written once. A duplicate (record null) has no lines.
 */
function flatLinesOf(e: Item): string {
  const { record } = envelopeOf<Envelope>(e, 'flat');
  if (!record) return '';
  let out = '';
  // articleId first (Object.assign keeps the first position of a key it sets again).
  for (const f of flatten(record)) out += JSON.stringify(Object.assign({ articleId: f.articleId }, f)) + '\n';
  return out;
}

/**
 * An envelope's line: id first, so the index can be rebuilt from line starts. A serialized
 * envelope that already starts with its id (as the extract stage stores them) is used as it is:
 * the same bytes JSON.stringify would give, without parsing it.
 */
function lineOf(e: Item): string {
  if (isSerialized(e)) {
    const head = `{"id":${JSON.stringify(e.id)},`;
    if (e.json.startsWith(head) && !e.json.includes('\n')) return e.json;
  }
  const { id, ...rest } = envelopeOf<Envelope>(e, 'jsonl');
  return JSON.stringify({ id, ...rest });
}

export interface JsonlOptions {
  /** Start a new segment each UTC day. */
  rotate?: 'day' | null;
  /** Start a new segment when a batch would take the current one past this many bytes. */
  maxBytes?: number | null;
  /** Give up waiting for another writer's lock after this long. Default 10 s. */
  lockTimeoutMs?: number;
  /** A lock file older than this is a crashed writer's and is taken over. Default 30 s. */
  staleLockMs?: number;
  /**
   * Group commit: wait up to this long after the first waiting call before writing, so that the
   * calls of many concurrent callers (a queue worker's sink jobs) share one lock, append and sync.
   * A batch goes at once when it holds `maxBatch` envelopes. Default 0: write as soon as possible
   * (calls made while a batch is being written still go together as the next one).
   */
  lingerMs?: number;
  /** Envelopes that make a batch go without waiting out lingerMs. Default 100. */
  maxBatch?: number;
  /**
   * What a line is: 'envelope' (default: one `{"id", "record", "ingest"}` line per article) or
   * 'flat' (the `flat:` sink: one line per article, company, deal and claim, with `type` and
   * `articleId`, as `newsnlp extract --flat` writes them; for loaders that want a table per kind).
   */
  format?: 'envelope' | 'flat';
  /** The clock (tests). */
  now?: () => Date;
}

interface PendingWrite {
  envelopes: readonly Item[];
  resolve: (fresh: number) => void;
  reject: (err: unknown) => void;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Parse "jsonl:<path>[?rotate=day&maxBytes=100mb]" options (the part after "?"). */
export function parseJsonlSpec(rest: string): { path: string; options: JsonlOptions } {
  const q = rest.lastIndexOf('?');
  if (q < 0) return { path: rest, options: {} };
  const params = new URLSearchParams(rest.slice(q + 1));
  const options: JsonlOptions = {};
  for (const [k, v] of params) {
    if (k === 'rotate') {
      if (v !== 'day') throw new SinkError('jsonl', `rotate=${v}: only rotate=day is known`);
      options.rotate = 'day';
    } else if (k === 'maxBytes') {
      const m = /^(\d+)(b|kb|mb|gb)?$/i.exec(v);
      if (!m) throw new SinkError('jsonl', `maxBytes=${v}: expected a size such as 50mb`);
      const mult = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
      options.maxBytes = Number(m[1]) * mult;
    } else throw new SinkError('jsonl', `unknown option ${k} in ${JSON.stringify(rest)}; known: rotate, maxBytes`);
  }
  return { path: rest.slice(0, q), options };
}

export class JsonlSink implements SinkDriver {
  readonly name: string;
  private fh: FileHandle | null = null;
  private fhPath: string | null = null;
  private readonly ids = new IdSet();
  private readonly flat: boolean;
  /** Bytes of each file already indexed. */
  private readonly indexed = new Map<string, number>();
  /** Calls waiting for the next batch. */
  private pending: PendingWrite[] = [];
  /** The batch loop while it runs. */
  private writing: Promise<void> | null = null;
  private pendingEnvelopes = 0;
  private lingerTimer: NodeJS.Timeout | null = null;
  /** Settles when the last call made so far is done (flush waits for it). */
  private last: Promise<unknown> = Promise.resolve();
  /** Appends made so far, and how many of them an fdatasync has covered. */
  private appended = 0;
  private synced = 0;
  private syncing: Promise<void> | null = null;
  /** The current file being synced and closed (rotation, dispose). */
  private closing: Promise<void> | null = null;
  private disposed = false;
  private readonly dir: string;
  private readonly stem: string;
  private readonly ext: string;
  private readonly segmentRe: RegExp | null;
  private readonly lockPath: string;

  constructor(
    readonly path: string,
    private readonly opts: JsonlOptions = {},
  ) {
    this.name = `${opts.format === 'flat' ? 'flat' : 'jsonl'}:${path}`;
    this.flat = opts.format === 'flat';
    this.dir = dirname(path);
    this.ext = extname(path);
    this.stem = basename(path, this.ext);
    this.lockPath = `${path}.lock`;
    this.segmentRe =
      opts.rotate || opts.maxBytes
        ? new RegExp(`^${escapeRe(this.stem)}-(?:\\d{4}-\\d{2}-\\d{2}(?:\\.\\d{5})?|\\d{5})${escapeRe(this.ext)}$`)
        : null;
    if (opts.maxBytes != null && !(opts.maxBytes > 0)) throw new SinkError('jsonl', `${path}: maxBytes must be positive`);
  }

  /** Ids written so far (for tests and inspection). */
  get size(): number {
    return this.ids.size;
  }

  /** Appends made so far: one per batch of calls that had something new (tests and inspection). */
  get appends(): number {
    return this.appended;
  }

  /** The files of this sink, oldest first (the path itself, or its segments). */
  async files(): Promise<string[]> {
    if (!this.segmentRe) return [this.path];
    const names = await readdir(this.dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    return names
      .filter((n) => this.segmentRe!.test(n))
      .sort()
      .map((n) => join(this.dir, n));
  }

  write(envelopes: readonly Item[]): Promise<number> {
    if (this.disposed) return Promise.reject(new SinkError('jsonl', `${this.path}: sink is disposed`));
    const done = new Promise<number>((resolve, reject) => this.pending.push({ envelopes, resolve, reject }));
    this.last = done.catch(() => undefined);
    this.pendingEnvelopes += envelopes.length;
    if (this.writing) return done;
    const linger = this.opts.lingerMs ?? 0;
    if (linger <= 0 || this.pendingEnvelopes >= (this.opts.maxBatch ?? 100)) this.startWriting();
    else this.lingerTimer ??= setTimeout(() => this.startWriting(), linger);
    return done;
  }

  private startWriting(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    this.writing ??= this.drainPending();
  }

  /** Write the waiting calls, a batch at a time, until none is left. */
  private async drainPending(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = this.pending;
        this.pending = [];
        this.pendingEnvelopes = 0;
        try {
          const fresh = await this.writeNow(batch.map((w) => w.envelopes));
          batch.forEach((w, i) => w.resolve(fresh[i] ?? 0));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  async flush(): Promise<void> {
    await this.last;
    await this.syncTo(this.appended);
  }

  /** fdatasync until every append up to `target` is covered; concurrent callers share one. */
  private async syncTo(target: number): Promise<void> {
    while (this.synced < target) {
      if (this.syncing) {
        await this.syncing.catch(() => undefined);
        continue;
      }
      if (this.closing) {
        // The file is being let go (rotation, dispose): its closing sync covers these appends.
        await this.closing;
        continue;
      }
      const fh = this.fh;
      if (!fh) return;
      const upTo = this.appended;
      const run = (async () => {
        try {
          await fh.datasync();
          this.synced = Math.max(this.synced, upTo);
        } finally {
          this.syncing = null;
        }
      })();
      this.syncing = run;
      await run;
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.lingerTimer) this.startWriting();
    await this.last;
    await this.closeFile();
  }

  private async closeFile(): Promise<void> {
    const fh = this.fh;
    if (!fh) return;
    this.fh = null;
    this.fhPath = null;
    // Everything appended so far went to this file: synced before it is let go. flush() calls
    // made meanwhile wait for this instead of syncing a handle that is gone.
    const upTo = this.appended;
    const done = (async () => {
      while (this.syncing) await this.syncing.catch(() => undefined);
      await fh.datasync().catch(() => undefined);
      this.synced = Math.max(this.synced, upTo);
      await fh.close();
    })();
    const tracked: Promise<void> = done.finally(() => {
      if (this.closing === tracked) this.closing = null;
    });
    this.closing = tracked;
    await tracked;
  }

  private async lock(): Promise<void> {
    const timeout = this.opts.lockTimeoutMs ?? 10_000;
    const stale = this.opts.staleLockMs ?? 30_000;
    const t0 = Date.now();
    let madeDir = false;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      try {
        const fh = await open(this.lockPath, 'wx');
        await fh.writeFile(`${process.pid}\n`).finally(() => fh.close());
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // No folder yet (first batch, or removed since): made once, then the lock is tried again.
        if (code === 'ENOENT' && !madeDir) {
          await mkdir(this.dir, { recursive: true });
          madeDir = true;
          continue;
        }
        if (code !== 'EEXIST') throw err;
      }
      const st = await stat(this.lockPath).catch(() => null);
      if (st && Date.now() - st.mtimeMs > stale) {
        await unlink(this.lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() - t0 > timeout) {
        throw new SinkError('jsonl', `${this.path}: lock ${this.lockPath} held by another writer for over ${timeout} ms`);
      }
      await sleep(wait + Math.random() * wait);
    }
  }

  /** Index the lines appended to `file` since the last look (complete lines only). */
  private async refreshFile(file: string, fh: FileHandle | null): Promise<number> {
    const own = fh ?? (await open(file, 'r').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err))));
    if (!own) return 0;
    try {
      const { size } = await own.stat();
      let done = this.indexed.get(file) ?? 0;
      if (size < done) {
        // Truncated or replaced under us: index from scratch (ids of other files stay).
        done = 0;
      }
      if (size > done) {
        const buf = Buffer.alloc(size - done);
        const { bytesRead } = await own.read(buf, 0, buf.length, done);
        const lastNl = buf.lastIndexOf(0x0a, bytesRead - 1);
        if (lastNl >= 0) {
          let start = 0;
          while (start <= lastNl) {
            const nl = buf.indexOf(0x0a, start);
            const m = (this.flat ? ARTICLE_ID_RE : ID_RE).exec(buf.toString('utf8', start, Math.min(nl, start + 300)));
            if (m) this.ids.add(JSON.parse(`"${m[1]}"`) as string);
            start = nl + 1;
          }
          done += lastNl + 1;
        }
      }
      this.indexed.set(file, done);
      return size;
    } finally {
      if (!fh) await own.close();
    }
  }

  /** The segment this batch goes to, given the files there are now. */
  private target(files: readonly string[], sizes: ReadonlyMap<string, number>, bytes: number): string {
    if (!this.segmentRe) return this.path;
    const day = this.opts.rotate === 'day' ? (this.opts.now?.() ?? new Date()).toISOString().slice(0, 10) : null;
    const name = (seq: number | null) =>
      join(this.dir, `${this.stem}-${[day, seq == null ? null : String(seq).padStart(5, '0')].filter(Boolean).join('.')}${this.ext}`);
    if (!this.opts.maxBytes) return name(null);
    const prefix = join(this.dir, `${this.stem}-${day ? day + '.' : ''}`);
    const mine = files.filter((f) => f.startsWith(prefix) && /^\d{5}$/.test(f.slice(prefix.length, prefix.length + 5)));
    const last = mine.at(-1);
    if (!last) return name(1);
    const seq = Number(last.slice(prefix.length, prefix.length + 5));
    const size = sizes.get(last) ?? 0;
    return size > 0 && size + bytes > this.opts.maxBytes ? name(seq + 1) : last;
  }

  /** One batch: the calls' envelopes (in call order), appended under the lock; new ones per call. */
  private async writeNow(calls: readonly (readonly Item[])[]): Promise<number[]> {
    try {
      await this.lock();
    } catch (err) {
      if (err instanceof SinkError) throw err;
      throw new SinkError('jsonl', `${this.path}: cannot open (${(err as Error).message})`, { cause: err });
    }
    try {
      const files = await this.files();
      const sizes = new Map<string, number>();
      for (const f of files) sizes.set(f, await this.refreshFile(f, f === this.fhPath ? this.fh : null));
      const lines: string[] = [];
      const fresh = new Set<string>();
      const counts = calls.map((envelopes) => {
        let n = 0;
        for (const e of envelopes) {
          if (this.ids.has(e.id) || fresh.has(e.id)) continue;
          if (this.flat) {
            const text = flatLinesOf(e);
            if (!text) continue;
            lines.push(text);
          } else lines.push(lineOf(e) + '\n');
          fresh.add(e.id);
          n++;
        }
        return n;
      });
      if (lines.length) {
        const data = Buffer.from(lines.join(''));
        const target = this.target(files, sizes, data.length);
        if (this.fhPath !== target) {
          await this.closeFile();
          this.fh = await open(target, 'a+');
          this.fhPath = target;
        }
        await this.fh!.write(data);
        this.appended++;
        // Our own lines need not be read back: when the index had reached the end of the file,
        // it now reaches the end of our append (writers take turns under the lock).
        const before = sizes.get(target) ?? 0;
        if ((this.indexed.get(target) ?? 0) === before) this.indexed.set(target, before + data.length);
      }
      for (const id of fresh) this.ids.add(id);
      return counts;
    } catch (err) {
      if (err instanceof SinkError) throw err;
      throw new SinkError('jsonl', `${this.path}: write failed (${(err as Error).message})`, { cause: err });
    } finally {
      await unlink(this.lockPath).catch(() => undefined);
    }
  }
}
