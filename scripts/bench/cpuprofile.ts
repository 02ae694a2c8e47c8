/**
 * Summarise a V8 .cpuprofile (node --cpu-prof): self time per function (top N) and per pipeline
 * component, the component being read off the source file of the function (pipelines/news/components/deals.ts
 * -> deals; pipelines/news/rules/* and pipelines/news/lexicon/* by name; node_modules/<pkg> -> that package).
 *
 *   node --import tsx scripts/bench/cpuprofile.ts /tmp/prof/CPU.<...>.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's file belongs: "components/deals", "zod", "compromise", "(gc)"... */
export function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const pipe = /\/pipelines\/news\/(.+?)\.(?:ts|js)$/.exec(url);
  if (pipe) return pipe[1]!;
  const src = /\/(src|scripts|workers)\/(.+?)\.(?:ts|js)$/.exec(url);
  if (src) return src[1] === 'src' ? src[2]! : `${src[1]}/${src[2]}`;
  if (url.startsWith('node:')) return 'node';
  return url;
}

/**
 * Which pipeline component a stack belongs to: the outermost frame in pipelines/news/components/<name>.ts
 * (so natural's TF-IDF under summary counts for summary, zod under record for record); a stack in
 * runDoc but in no component is the pipeline's own work (input parse, newDoc); anything else is
 * outside the pipeline (module loading, the benchmark loop, GC and idle).
 */
function componentOf(frame: CallFrame, parent: string | null): string | null {
  if (parent && parent !== 'pipeline (ArticleSchema.parse, newDoc)') return parent;
  const m = /\/pipelines\/news\/components\/([\w-]+)\.ts$/.exec(frame.url);
  if (m) return m[1]!;
  if (parent) return parent;
  if (/\/src\/pipeline\.ts$/.test(frame.url) && /^(runDoc|run)$/.test(frame.functionName)) return 'pipeline (ArticleSchema.parse, newDoc)';
  return null;
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}...` : s);

export function summarise(p: CpuProfile, top = 25) {
  const byId = new Map<number, ProfileNode>();
  const parentOf = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parentOf.set(c, n.id);
  }
  // Top-down: nodes are listed parents first in V8 profiles, but do not rely on it.
  const comp = new Map<number, string | null>();
  const compOf = (id: number): string | null => {
    if (comp.has(id)) return comp.get(id)!;
    const chain: number[] = [];
    let cur: number | undefined = id;
    while (cur !== undefined && !comp.has(cur)) {
      chain.push(cur);
      cur = parentOf.get(cur);
    }
    let c = cur === undefined ? null : comp.get(cur)!;
    for (let i = chain.length - 1; i >= 0; i--) {
      c = componentOf(byId.get(chain[i]!)!.callFrame, c);
      comp.set(chain[i]!, c);
    }
    return c;
  };
  // A RegExp or builtin frame has no url: count it for the nearest caller that has one.
  const ownerFrame = (id: number): CallFrame => {
    let cur: number | undefined = id;
    while (cur !== undefined) {
      const f = byId.get(cur)!.callFrame;
      if (f.url) return f;
      cur = parentOf.get(cur);
    }
    return byId.get(id)!.callFrame;
  };
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fnSelf = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const compTotal = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const owner = f.url ? f : ownerFrame(id);
    const file = owner.url.replace(/^.*\/(node_modules|src|scripts|workers)\//, '$1/');
    const name = f.functionName.startsWith('RegExp:') ? `${short(f.functionName, 70)} (in ${owner.functionName || '?'})` : f.functionName || '(anonymous)';
    const key = `${name}  ${file}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + us);
    const b = bucketOf(owner.url, f.functionName);
    fileSelf.set(b, (fileSelf.get(b) ?? 0) + us);
    const c = compOf(id) ?? (f.functionName.startsWith('(') ? f.functionName : 'outside the pipeline');
    compTotal.set(c, (compTotal.get(c) ?? 0) + us);
  }
  const sortDesc = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms`;
  return {
    totalMs: total / 1000,
    components: sortDesc(compTotal).map(([k, us]) => `${pct(us)}  ${k}`),
    functions: sortDesc(fnSelf).slice(0, top).map(([k, us]) => `${pct(us)}  ${k}`),
    files: sortDesc(fileSelf).slice(0, top).map(([k, us]) => `${pct(us)}  ${k}`),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpuprofile.ts <file.cpuprofile> [top]');
  const top = Number(process.argv[3]);
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number.isInteger(top) && top > 0 ? top : 25);
  process.stdout.write(
    `total sampled ${s.totalMs.toFixed(0)} ms\n\n` +
      `time by pipeline component (inclusive of the libraries it calls):\n${s.components.join('\n')}\n\n` +
      `self time by file/package (RegExp time counted for its caller):\n${s.files.join('\n')}\n\n` +
      `self time by function:\n${s.functions.join('\n')}\n`,
  );
}
