/**
 * The producer side of the queue path: park articles in the store and add their extract jobs,
 * many at once instead of one after the other.
 *
 *   const producer = new ExtractProducer(ctx, queues);
 *   for (const a of articles) await producer.add(a.id, a.article, parkOptions);  // waits only for room
 *   await producer.drain();                                                      // all parked and queued
 *
 * Parking is a handful of store round trips, each a wait on the network; up to `inFlight` articles
 * are parked at the same time (their commands share the Redis connection's pipeline), and the
 * extract jobs of parked articles are added `batch` articles at a time with addBulk (one round trip),
 * grouped `perJob` articles to a job: BullMQ's own cost per job (its Lua scripts, lock, moves and
 * events, in the worker and in Redis) is then paid once per group, not once per article.
 * A job is added only after its article is parked, so a worker never finds its article missing.
 * Dedupe stays correct with articles in flight together: content claims are atomic (SET NX), and
 * near-duplicate signatures are registered before they are looked up (see park).
 */
import type { Queues } from './queues.ts';
import { park } from './stages/index.ts';
import type { ParkOptions, StageContext } from './stages/index.ts';
import { storeKey } from './store.ts';
import { MAX_ARTICLES_PER_JOB } from './types.ts';
import type { ExtractPayload } from './types.ts';
import type { ParkedArticle } from '../contracts.ts';

export interface ProducerOptions {
  /**
   * Articles being parked at once. Default 64: parking is a chain of about seven dependent round
   * trips, so on a busy machine (Redis waiting for a core) the producer is bound by their latency,
   * not by CPU; more in flight hides it.
   */
  inFlight?: number;
  /** Articles per addBulk call. Default 64. */
  batch?: number;
  /**
   * Articles per extract job. Default 32: about 50-80 ms of extraction for a 2-3 KB news story,
   * short enough to spread over worker processes, long enough that BullMQ's cost per job (about
   * 1.5 ms of CPU in the worker and Redis) is small beside it. On the bench, 16 -> 32 did not
   * change the worker's CPU per article much (0.215 ms both): what is left is per article (the
   * sink's read, parse and write). 1: one job per article (x-<id>).
   */
  perJob?: number;
  /** An article that could not be parked or queued; default: drain() rejects with the first error. */
  onError?: (articleId: string, err: unknown) => void;
}

export class ExtractProducer {
  private readonly inFlight: number;
  private readonly batch: number;
  private readonly perJob: number;
  private readonly running = new Set<Promise<void>>();
  private ready: ExtractPayload[] = [];
  /** The addBulk calls in order (one at a time). */
  private adding: Promise<void> = Promise.resolve();
  private firstError: unknown = null;
  private added = 0;

  constructor(
    private readonly ctx: StageContext,
    private readonly queues: Queues,
    private readonly opts: ProducerOptions = {},
  ) {
    this.inFlight = Math.max(1, opts.inFlight ?? 64);
    this.batch = Math.max(1, opts.batch ?? 64);
    this.perJob = Math.max(1, Math.min(opts.perJob ?? 32, MAX_ARTICLES_PER_JOB));
  }

  /** Articles whose extract job was added so far. */
  get queued(): number {
    return this.added;
  }

  /** Start parking one article; resolves once there is room for the next (not when it is queued). */
  async add(articleId: string, article: ParkedArticle['article'], o: ParkOptions): Promise<void> {
    while (this.running.size >= this.inFlight) await Promise.race(this.running);
    const task: Promise<void> = park(this.ctx, articleId, article, o).then(
      () => {
        this.ready.push({ articleId, articleKey: storeKey(this.ctx.cfg.prefix, 'article', articleId) });
        // A full batch goes now; a partial one when nothing else is being parked (no one to wait for).
        if (this.ready.length >= this.batch || this.running.size <= 1) this.flush();
      },
      (err: unknown) => this.fail(articleId, err),
    );
    const tracked = task.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Wait until every article given to add() is parked and its extract job added. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all(this.running);
    this.flush();
    await this.adding;
    if (this.firstError) {
      const err = this.firstError;
      this.firstError = null;
      throw err;
    }
  }

  private flush(): void {
    if (!this.ready.length) return;
    const jobs = this.ready;
    this.ready = [];
    const groups: ExtractPayload[][] = [];
    for (let i = 0; i < jobs.length; i += this.perJob) groups.push(jobs.slice(i, i + this.perJob));
    this.adding = this.adding.then(() =>
      this.queues.addExtractGroups(groups).then(
        () => {
          this.added += jobs.length;
        },
        (err: unknown) => {
          for (const j of jobs) this.fail(j.articleId, err);
        },
      ),
    );
  }

  private fail(articleId: string, err: unknown): void {
    if (this.opts.onError) this.opts.onError(articleId, err);
    else this.firstError ??= err;
  }
}
