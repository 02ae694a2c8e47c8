import type { Component } from '../doc.ts';
import type { Doc } from '../doc.ts';
import { ArticleRecordSchema, SCHEMA_VERSION } from '../../../src/schema.ts';
import type { ArticleRecord } from '../../../src/schema.ts';
import { articleId } from '../../../src/util/ids.ts';

/** The record of a finished Doc; its id is the one the caller gave (RunOptions.id), else derived from the article. */
export function buildRecord(doc: Doc, pipeline: string, id?: string): ArticleRecord {
  const a = doc.article;
  const strip = <T extends { sentence: number }>({ sentence: _s, ...rest }: T) => rest;
  const record: ArticleRecord = {
    schemaVersion: SCHEMA_VERSION,
    id: id ?? articleId(a),
    url: a.url,
    title: a.title,
    source: a.source,
    publishedAt: a.publishedAt,
    pipeline,
    text: doc.text,
    summary: doc.summary.map((s) => ({ index: s.index, start: s.start, end: s.end, text: s.text })),
    companies: doc.companies.map((c) => ({
      id: c.id,
      name: c.name,
      aliases: c.aliases,
      mentions: c.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end })),
      ticker: c.ticker,
      cik: c.cik,
      parent: c.parent,
      confidence: c.confidence,
      rule: c.rule,
    })),
    deals: doc.deals,
    marketShareClaims: doc.marketShareClaims,
    percentages: doc.percentages.map(strip),
    money: doc.money.map(strip),
  };
  // Validate what we emit: a record that breaks the contract is a bug, not an output.
  return ArticleRecordSchema.parse(record);
}

export const record: Component = {
  name: 'record',
  requires: ['sentences', 'companies', 'percentages', 'money', 'marketShareClaims', 'deals', 'summary'],
  assigns: ['record'],
  run(doc, ctx) {
    doc.record = buildRecord(doc, ctx.pipeline, ctx.articleId);
  },
};
