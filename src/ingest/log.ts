/**
 * Structured logs on stderr; stdout stays for command output. JSON lines, except on a terminal,
 * where each line is readable ("12:00:01 WARN  feed example.com: 404 Not Found  feedId=x").
 * The level is NEWSNLP_LOG_LEVEL (the CLI and the worker process pass it to configureLogging;
 * default info). Foreign plain-text lines (BullMQ's console.warn about Redis settings) go through
 * the logger too once routeConsoleToLog has run.
 */
import { format } from 'node:util';
import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const defaults: { level: LogLevel; pretty: boolean } = { level: 'info', pretty: process.stderr.isTTY === true };

/**
 * Set the default level (and whether lines are made readable: default, when stderr is a terminal).
 * Throws naming the variable when the level is not one of LOG_LEVELS.
 */
export function configureLogging(o: { level?: string | undefined; pretty?: boolean }): void {
  if (o.level !== undefined && o.level.trim() !== '') {
    const level = o.level.trim().toLowerCase();
    if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`[config] NEWSNLP_LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(o.level)})`);
    defaults.level = level as LogLevel;
  }
  if (o.pretty !== undefined) defaults.pretty = o.pretty;
}

/** The configured default level. */
export const defaultLogLevel = (): LogLevel => defaults.level;

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const OMIT = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg']);

/** One JSON log line as a readable line: time, level, message, then the other fields as key=value. */
export function prettyLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const t = typeof o['time'] === 'number' ? new Date(o['time']).toISOString().slice(11, 19) : '';
  const rest = Object.entries(o)
    .filter(([k]) => !OMIT.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${t} ${LEVEL_NAMES[o['level'] as number] ?? String(o['level'])} ${String(o['msg'] ?? '')}${rest.length ? `  ${rest.join(' ')}` : ''}\n`;
}

function destination(pretty: boolean): DestinationStream {
  const fd = pino.destination({ dest: 2, sync: true });
  if (!pretty) return fd;
  return { write: (s: string) => void fd.write(s.split('\n').filter(Boolean).map(prettyLine).join('')) };
}

/** A logger to stderr at `level` (default: the configured level). */
export function createLogger(level: string = defaults.level, name = 'newsnlp'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, destination(defaults.pretty));
}

/** A logger that drops everything (tests, library callers that log themselves). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * Send console.warn and console.error through a logger, so that libraries writing plain text
 * (BullMQ: "IMPORTANT! Eviction policy is ...") do not break the JSON lines on stderr.
 */
export function routeConsoleToLog(log: Logger = createLogger(), source = 'console'): void {
  console.warn = (...args: unknown[]) => log.warn({ source }, format(...args));
  console.error = (...args: unknown[]) => log.error({ source }, format(...args));
}
