import { describe, expect, it } from 'vitest';
import { ConfigError, configToEnv, loadConfig, parseDuration } from '../../src/ingest/config.ts';

describe('ingestion config', () => {
  it('defaults to the embedded mode', () => {
    const c = loadConfig({}, {});
    expect(c.redisUrl).toBeNull();
    expect(c.prefix).toBe('newsnlp');
    expect(c.allowPrivate).toBe(false);
    expect(c.sink).toBe('jsonl:out/records.ndjson');
  });

  it('reads the environment, flags win, empty values are absent', () => {
    const env = { REDIS_URL: 'rediss://user:pw@redis.example:6380/2', NEWSNLP_QUEUE_PREFIX: '{newsnlp}', NEWSNLP_CONCURRENCY: '8', NEWSNLP_ALLOW_PRIVATE: 'true', NEWSNLP_SINK: '' };
    const c = loadConfig({ concurrency: 2 }, env);
    expect(c).toMatchObject({ redisUrl: env.REDIS_URL, prefix: '{newsnlp}', concurrency: 2, allowPrivate: true, sink: 'jsonl:out/records.ndjson' });
    // Round trip through the environment handed to sandboxed processes.
    expect(loadConfig({}, configToEnv(c))).toEqual(c);
  });

  it('names the bad setting and its variable', () => {
    expect(() => loadConfig({}, { REDIS_URL: 'http://x' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { REDIS_URL: 'http://x' })).toThrow(/redisUrl \(REDIS_URL\)/);
    expect(() => loadConfig({}, { NEWSNLP_QUEUE_PREFIX: 'a:b' })).toThrow(/NEWSNLP_QUEUE_PREFIX/);
    expect(() => loadConfig({}, { NEWSNLP_SINK: 'mysql://db' })).toThrow(/NEWSNLP_SINK.*jsonl:<path>/);
    expect(loadConfig({}, { NEWSNLP_SINK: 'jsonl:a.ndjson postgres:postgres://db/x' }).sink).toBe('jsonl:a.ndjson postgres:postgres://db/x');
  });

  it('parses durations', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('500')).toBe(500);
    expect(parseDuration(42)).toBe(42);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });
});
