import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, defaultLogLevel, prettyLine, routeConsoleToLog } from '../../src/ingest/log.ts';

describe('logs', () => {
  const warn = console.warn;
  const error = console.error;
  afterEach(() => {
    console.warn = warn;
    console.error = error;
    configureLogging({ level: 'info' });
  });

  it('a JSON line reads as time, level, message and the other fields', () => {
    const line = JSON.stringify({ level: 40, time: Date.UTC(2024, 0, 2, 12, 0, 1), pid: 1, name: 'newsnlp', msg: 'feed failed', feedId: 'x', attempt: 2 });
    expect(prettyLine(line)).toBe('12:00:01 WARN  feed failed  feedId=x attempt=2\n');
  });

  it('NEWSNLP_LOG_LEVEL: one of the pino levels, else an error naming the variable', () => {
    configureLogging({ level: 'DEBUG' });
    expect(defaultLogLevel()).toBe('debug');
    expect(() => configureLogging({ level: 'loud' })).toThrow(/^\[config\] NEWSNLP_LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)$/);
  });

  it("libraries' console.warn lines go through the logger as JSON", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
    routeConsoleToLog(pino({ level: 'info' }, sink), 'bullmq');
    console.warn('IMPORTANT! Eviction policy is %s. It should be "noeviction"', 'allkeys-lru');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, source: 'bullmq', msg: 'IMPORTANT! Eviction policy is allkeys-lru. It should be "noeviction"' });
  });
});
