/**
 * Linear cost on any input: every component of the news pipeline is fed adversarial text (one
 * sentence without full stops for the whole text, runs of "Inc", digits, names, percentages,
 * money, attributions; tests/helpers/adversarial-run.ts) at 16 KB and 256 KB, and its cost per KB
 * must stay within LIMIT times that of normal news of the same size (BBC stories), measured in the
 * same process a moment before and after. A ratio, not a wall-clock limit: a slow machine slows
 * both sides. A component that rescans its sentence per candidate is quadratic and fails at 256 KB
 * (before the fix: 20-1,500 ms/KB against about 2-4 for news); the measuring process is stopped
 * when a case runs far past its budget, so such a failure takes seconds, not hours.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LIMIT = 3;
/** A case is stopped once it has run SLACK times past what LIMIT allows it. */
const SLACK = 5;

interface Case {
  kind: string;
  kb: number;
  ms: number;
  components: Record<string, number>;
}

/** Run the measuring process; stop it when a case overruns its budget. */
function measure(): Promise<{ cases: Case[]; stopped: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-regexp-tier-up', '--import', 'tsx', 'tests/helpers/adversarial-run.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const cases: Case[] = [];
    let stopped: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    let buf = '';
    let stderr = '';
    const normalPerKb = (kb: number) => Math.min(...cases.filter((c) => c.kind === 'normal' && c.kb === kb).map((c) => c.ms / kb));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buf += chunk;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const e = JSON.parse(buf.slice(0, nl)) as { event: string } & Partial<Case>;
        buf = buf.slice(nl + 1);
        clearTimeout(timer);
        if (e.event === 'case') cases.push(e as Case);
        if (e.event !== 'start') continue;
        const normal = normalPerKb(e.kb!);
        const budget = Number.isFinite(normal) && e.kind !== 'normal' ? LIMIT * SLACK * normal * e.kb! * (e.kb! <= 64 ? 7 : 3) /* runs */ + 2000 : 120_000;
        timer = setTimeout(() => {
          stopped = `${e.kind} at ${e.kb} KB ran past ${Math.round(budget)} ms (${LIMIT * SLACK}x normal news per KB) and was stopped`;
          child.kill('SIGKILL');
        }, budget);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => void (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 && !stopped) reject(new Error(`[test] adversarial-run exited ${code}: ${stderr.slice(-2000)}`));
      else resolve({ cases, stopped });
    });
  });
}

describe('linear cost on adversarial text', () => {
  it(`every component stays within ${LIMIT}x the per-KB cost of normal news, at 16 KB and 256 KB`, async () => {
    const ratios = (cases: Case[]) => {
      const out = new Map<string, { ratio: number; row: string }>();
      for (const kb of [...new Set(cases.map((c) => c.kb))]) {
        const normal = Math.min(...cases.filter((c) => c.kind === 'normal' && c.kb === kb).map((c) => c.ms / kb));
        for (const c of cases.filter((x) => x.kind !== 'normal' && x.kb === kb)) {
          const ratio = c.ms / kb / normal;
          const top = Object.entries(c.components)
            .sort((x, y) => y[1] - x[1])
            .slice(0, 3)
            .map(([name, ms]) => `${name} ${(ms / kb).toFixed(2)}`)
            .join(', ');
          const row = `${c.kind.padEnd(12)} ${String(kb).padStart(3)} KB  ${(c.ms / kb).toFixed(2).padStart(6)} ms/KB  ${ratio.toFixed(2)}x normal (${normal.toFixed(2)} ms/KB)  [${top}]`;
          out.set(`${c.kind}@${kb}`, { ratio, row });
        }
      }
      return out;
    };
    const first = await measure();
    expect(first.stopped, first.stopped ?? '').toBeNull();
    // every kind was measured at both sizes
    expect(first.cases.filter((c) => c.kind !== 'normal').length).toBe(2 * 9);
    let best = ratios(first.cases);
    // A busy machine (the rest of the suite runs beside this test) can push a case over the line;
    // a quadratic component is over it by far, every time. While a case is over the limit the
    // cases are measured again (up to three more times) and each keeps its best ratio.
    for (let retry = 0; retry < 3 && [...best.values()].some((r) => r.ratio > LIMIT); retry++) {
      const again = await measure();
      expect(again.stopped, again.stopped ?? '').toBeNull();
      const next = ratios(again.cases);
      best = new Map([...best].map(([k, r]) => [k, next.get(k) && next.get(k)!.ratio < r.ratio ? next.get(k)! : r]));
    }
    console.log(`adversarial text, cost per KB against normal news:\n${[...best.values()].map((r) => r.row).join('\n')}`);
    const over = [...best.values()].filter((r) => r.ratio > LIMIT).map((r) => r.row);
    expect(over, `over ${LIMIT}x normal news:\n${over.join('\n')}`).toEqual([]);
  }, 600_000);
});
