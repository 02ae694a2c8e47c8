/** Structured logs (JSON lines) on stderr; stdout stays for command output. */
import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string = 'info', name = 'newsnlp'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination({ dest: 2, sync: true }));
}

/** A logger that drops everything (tests, library callers that log themselves). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
