/** article-fetch worker: fetch one article page (or fall back to the feed item), enqueue its extraction. */
import type { Job } from 'bullmq';
import { fetchArticle } from '../src/ingest/stages/index.ts';
import { isFinalAttempt, toJobError } from '../src/ingest/queues.ts';
import { ArticleFetchPayloadSchema } from '../src/ingest/types.ts';
import { payload } from './common.ts';
import type { WorkerDeps } from './common.ts';

export function articleFetchProcessor(deps: WorkerDeps) {
  return async (job: Job) => {
    const p = payload(ArticleFetchPayloadSchema, job.data, job.id);
    try {
      const r = await fetchArticle(deps.ctx, p, { jobId: job.id ?? p.articleId, final: isFinalAttempt(job) });
      await deps.queues.addExtract({ articleId: p.articleId, articleKey: r.articleKey });
      return r;
    } catch (err) {
      throw toJobError(err);
    }
  };
}
