/**
 * JSONL sink: one envelope per line, appended (O_APPEND, one write per batch). Idempotent on the
 * envelope id: the file itself is the index. Before each batch the sink reads whatever was
 * appended since it last looked (by itself or by another process on the same file) and skips
 * ids already there, so reading is linear in the file size over the sink's life. Lines start
 * with `{"id":"...` so the index is built without parsing whole records.
 *
 * Limits: two processes appending the same id at the same instant can both pass the check (the
 * window is one stat+read); a database driver with a unique key closes it.
 */
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Envelope } from '../ingest/types.ts';
import { SinkError } from './types.ts';
import type { SinkDriver } from './types.ts';

const ID_RE = /^\{"id":"((?:[^"\\]|\\.)*)"/;

export class JsonlSink implements SinkDriver {
  readonly name: string;
  private fh: FileHandle | null = null;
  private readonly ids = new Set<string>();
  /** Bytes of the file already indexed. */
  private indexed = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(readonly path: string) {
    this.name = `jsonl:${path}`;
  }

  /** Ids written so far (for tests and inspection). */
  get size(): number {
    return this.ids.size;
  }

  write(envelopes: readonly Envelope[]): Promise<number> {
    const run = this.chain.then(() => this.writeNow(envelopes));
    this.chain = run.catch(() => undefined);
    return run;
  }

  async flush(): Promise<void> {
    await this.chain;
    await this.fh?.datasync();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.chain;
    const fh = this.fh;
    this.fh = null;
    if (fh) {
      await fh.datasync().catch(() => undefined);
      await fh.close();
    }
  }

  private async handle(): Promise<FileHandle> {
    if (this.disposed) throw new SinkError('jsonl', `${this.path}: sink is disposed`);
    if (!this.fh) {
      try {
        await mkdir(dirname(this.path), { recursive: true });
        this.fh = await open(this.path, 'a+');
      } catch (err) {
        throw new SinkError('jsonl', `${this.path}: cannot open (${(err as Error).message})`, { cause: err });
      }
    }
    return this.fh;
  }

  /** Index the lines appended since the last look (complete lines only). */
  private async refresh(fh: FileHandle): Promise<void> {
    const { size } = await fh.stat();
    if (size < this.indexed) {
      // Truncated or replaced under us: index from scratch.
      this.ids.clear();
      this.indexed = 0;
    }
    if (size === this.indexed) return;
    const buf = Buffer.alloc(size - this.indexed);
    const { bytesRead } = await fh.read(buf, 0, buf.length, this.indexed);
    const lastNl = buf.lastIndexOf(0x0a, bytesRead - 1);
    if (lastNl < 0) return;
    let start = 0;
    while (start <= lastNl) {
      const nl = buf.indexOf(0x0a, start);
      const line = buf.toString('utf8', start, Math.min(nl, start + 300));
      const m = ID_RE.exec(line);
      if (m) this.ids.add(JSON.parse(`"${m[1]}"`) as string);
      start = nl + 1;
    }
    this.indexed += lastNl + 1;
  }

  private async writeNow(envelopes: readonly Envelope[]): Promise<number> {
    const fh = await this.handle();
    try {
      await this.refresh(fh);
      const lines: string[] = [];
      const fresh = new Set<string>();
      for (const e of envelopes) {
        if (this.ids.has(e.id) || fresh.has(e.id)) continue;
        fresh.add(e.id);
        // id first, so the index can be rebuilt from line starts.
        const { id, ...rest } = e;
        lines.push(JSON.stringify({ id, ...rest }) + '\n');
      }
      if (lines.length) await fh.write(lines.join(''));
      for (const id of fresh) this.ids.add(id);
      return lines.length;
    } catch (err) {
      if (err instanceof SinkError) throw err;
      throw new SinkError('jsonl', `${this.path}: write failed (${(err as Error).message})`, { cause: err });
    }
  }
}
