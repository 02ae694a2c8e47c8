import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../src/json-schema.ts';

describe('schemas/ (generated from zod)', () => {
  it('checked-in JSON Schema files are up to date (run `npm run schemas` after changing src/schema.ts)', () => {
    for (const [name, content] of Object.entries(schemaFiles())) {
      const onDisk = readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8');
      expect(onDisk, `schemas/${name} is stale`).toBe(content);
    }
  });

  it('describes the record contract fields', () => {
    const rec = JSON.parse(schemaFiles()['ArticleRecord.schema.json']!) as { $defs: Record<string, { required?: string[] }> };
    expect(rec.$defs.Deal!.required).toEqual(
      expect.arrayContaining(['id', 'type', 'parties', 'name', 'value', 'status', 'evidence', 'confidence', 'rule']),
    );
    expect(rec.$defs.MarketShareClaim!.required).toEqual(
      expect.arrayContaining(['company', 'share', 'market', 'region', 'period', 'attributedTo', 'evidence']),
    );
  });
});
