/**
 * Settings of the operations side (metrics, health, dashboard), parsed once (zod) from the
 * environment plus command-line overrides and passed down, as src/ingest/config.ts does for
 * ingestion:
 *
 *   NEWSNLP_METRICS_PORT        a worker serves Prometheus /metrics and /healthz on this port (unset: no server)
 *   NEWSNLP_METRICS_HOST        the address it listens on (default 127.0.0.1; 0.0.0.0 in a container)
 *   NEWSNLP_DASHBOARD_USER      basic-auth credentials of `newsnlp dashboard`: required when it
 *   NEWSNLP_DASHBOARD_PASSWORD  listens on anything but loopback, used whenever set
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const text = z.string().min(1);

export const OpsConfigSchema = z.object({
  metricsPort: port.nullable().default(null),
  metricsHost: text.default('127.0.0.1'),
  dashboardUser: text.nullable().default(null),
  dashboardPassword: text.nullable().default(null),
});
export type OpsConfig = z.output<typeof OpsConfigSchema>;
export type OpsConfigInput = z.input<typeof OpsConfigSchema>;

const ENV_KEYS: Readonly<Record<string, keyof OpsConfig>> = {
  NEWSNLP_METRICS_PORT: 'metricsPort',
  NEWSNLP_METRICS_HOST: 'metricsHost',
  NEWSNLP_DASHBOARD_USER: 'dashboardUser',
  NEWSNLP_DASHBOARD_PASSWORD: 'dashboardPassword',
};

export class OpsConfigError extends Error {
  override name = 'OpsConfigError';
}

/** The settings from an environment and overrides (flags); empty values count as absent. Throws naming the bad one. */
export function loadOpsConfig(overrides: Partial<OpsConfigInput> = {}, env: Readonly<Record<string, string | undefined>> = {}): OpsConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v !== undefined && v.trim() !== '') raw[key] = key === 'dashboardPassword' ? v : v.trim();
  }
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) raw[k] = v;
  const r = OpsConfigSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      const envName = Object.entries(ENV_KEYS).find(([, k]) => k === key)?.[0];
      return `${key}${envName ? ` (${envName})` : ''}: ${i.message}`;
    });
    throw new OpsConfigError(`[config] invalid operations settings: ${issues.join('; ')}`);
  }
  return r.data;
}

/** True for an address only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || /^::ffff:127(?:\.\d{1,3}){3}$/.test(h);
}
