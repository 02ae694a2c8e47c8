/**
 * Imports point one way. Every module reference in src/, pipelines/, workers/ and scripts/ (static
 * imports and re-exports, dynamic `import('...')`, `typeof import('...')` types, and files located
 * with `new URL('...', import.meta.url)`, such as the sandboxed processor BullMQ forks) is parsed
 * with the TypeScript parser, resolved, and checked against the rules below. A wrong-way reference
 * fails the test with the file, the reference and the rule it breaks.
 *
 *   src/schema.ts, src/contracts.ts, src/util/   the bottom: contracts and ids
 *   src/input, fetch, feeds, sinks, db, ...       readers, HTTP, sinks: below ingestion
 *   pipelines/                                    extraction: no ingestion, no I/O rooms
 *   src/ingest/                                   stages, runners, queues
 *   src/ops/                                      metrics, health, dashboard, status: they observe ingestion
 *   src/cli*.ts                                   the commands
 *   workers/                                      the worker process: nothing imports it
 *   scripts/, tests/, bin/                        leaves
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCANNED = ['src', 'pipelines', 'workers', 'scripts'];
const SOURCE_RE = /\.(?:[cm]?ts|[cm]?js)$/;

interface Rule {
  /** Files the rule applies to: a folder ("src/ingest/") or a file ("src/schema.ts"), or a prefix ("src/cli"). */
  from: string[];
  /** What they may not reference. */
  to: string[];
  /** Exceptions among `to`. */
  except?: string[];
  why: string;
}

const BOTTOM = ['src/schema.ts', 'src/contracts.ts', 'src/util/'];
const BELOW_INGEST = ['src/input/', 'src/fetch/', 'src/feeds/', 'src/sinks/', 'src/db/', 'src/records/', 'src/pipeline.ts', 'src/flat.ts', 'src/json-schema.ts'];

const RULES: Rule[] = [
  {
    from: ['src/', 'pipelines/'],
    to: ['workers/'],
    why: 'workers/ holds the worker process; what it runs lives in src/ingest, which never reaches back',
  },
  {
    from: ['src/', 'pipelines/', 'workers/'],
    to: ['scripts/', 'tests/', 'bin/'],
    why: 'scripts, tests and entry points are leaves',
  },
  {
    from: ['pipelines/'],
    to: ['src/ingest/', 'src/sinks/', 'src/fetch/', 'src/feeds/', 'src/db/', 'src/cli'],
    why: 'the pipeline is extraction only: it knows no ingestion, network, sink, database or command',
  },
  {
    from: [...BOTTOM, ...BELOW_INGEST],
    to: ['src/ingest/', 'src/cli'],
    why: 'readers, fetch, feeds, sinks and the contracts sit below ingestion and the commands',
  },
  {
    from: ['src/ingest/', 'pipelines/', ...BOTTOM, ...BELOW_INGEST],
    to: ['src/ops/'],
    why: 'operations (metrics, health, dashboard, status) observe ingestion through its hooks; ingestion never reaches up to them',
  },
  {
    from: ['src/pipeline.ts'],
    to: ['pipelines/'],
    why: 'the pipeline runner is generic: a pipeline brings its components',
  },
  {
    from: BOTTOM,
    to: ['src/', 'pipelines/', 'workers/', 'scripts/'],
    except: BOTTOM,
    why: 'the contracts and ids are the bottom: they import nothing else of the project',
  },
];

interface Reference {
  /** As written. */
  specifier: string;
  kind: 'import' | 'export' | 'dynamic import' | 'import type' | 'new URL';
  line: number;
}

/** Every module reference of one source file (comments and strings elsewhere are not references). */
function referencesOf(fileName: string, text: string): { refs: Reference[]; unanalysable: string[] } {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const refs: Reference[] = [];
  const unanalysable: string[] = [];
  const add = (specifier: string, kind: Reference['kind'], node: ts.Node) =>
    refs.push({ specifier, kind, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) add(n.moduleSpecifier.text, 'import', n);
    else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) add(n.moduleSpecifier.text, 'export', n);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) {
      add(n.moduleReference.expression.text, 'import', n);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = n.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, 'dynamic import', n);
      else unanalysable.push(`${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${n.getText(sf)}`);
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      add(n.argument.literal.text, 'import type', n);
    } else if (
      ts.isNewExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === 'URL' &&
      n.arguments?.length === 2 &&
      ts.isStringLiteralLike(n.arguments[0]!) &&
      n.arguments[1]!.getText(sf) === 'import.meta.url'
    ) {
      add((n.arguments[0] as ts.StringLiteralLike).text, 'new URL', n);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { refs, unanalysable };
}

const matches = (path: string, patterns: readonly string[]) => patterns.some((p) => path === p || path.startsWith(p));

/** The rule a reference from `from` to `to` (paths relative to the root) breaks, if any. */
function brokenRule(from: string, to: string): Rule | null {
  for (const r of RULES) {
    if (matches(from, r.from) && matches(to, r.to) && !matches(to, r.except ?? [])) return r;
  }
  return null;
}

function sourceFiles(): string[] {
  const out: string[] = [];
  for (const top of SCANNED) {
    for (const f of readdirSync(join(ROOT, top), { recursive: true, encoding: 'utf8' })) {
      if (SOURCE_RE.test(f) && !f.split(sep).includes('node_modules')) out.push(join(top, f).split(sep).join('/'));
    }
  }
  return out.sort();
}

describe('architecture: imports point one way', () => {
  it('finds static, dynamic, type and file-URL references, not words in comments', () => {
    const { refs, unanalysable } = referencesOf(
      'x.ts',
      [
        "import { a } from './a.ts';",
        "import type { B } from '../b.ts';",
        "export { c } from './c.ts';",
        "import './side-effect.ts';",
        "const m = await import('../workers/main.ts');",
        "type Deps = typeof import('./deps.ts');",
        "const file = new URL('./child.js', import.meta.url);",
        "// import('./in-a-comment.ts') and from './nope.ts'",
        "const s = \"import('./in-a-string.ts')\";",
        'const n = await import(name);',
      ].join('\n'),
    );
    expect(refs.map((r) => [r.kind, r.specifier, r.line])).toEqual([
      ['import', './a.ts', 1],
      ['import', '../b.ts', 2],
      ['export', './c.ts', 3],
      ['import', './side-effect.ts', 4],
      ['dynamic import', '../workers/main.ts', 5],
      ['import type', './deps.ts', 6],
      ['new URL', './child.js', 7],
    ]);
    expect(unanalysable).toEqual(['x.ts:10: import(name)']);
  });

  it('knows a wrong-way reference from a right one', () => {
    expect(brokenRule('src/ingest/local.ts', 'workers/main.ts')?.why).toMatch(/^workers\/ holds/);
    expect(brokenRule('pipelines/news/components/record.ts', 'src/ingest/dedupe.ts')?.why).toMatch(/extraction only/);
    expect(brokenRule('src/sinks/types.ts', 'src/ingest/types.ts')?.why).toMatch(/below ingestion/);
    expect(brokenRule('src/contracts.ts', 'src/flat.ts')?.why).toMatch(/the bottom/);
    expect(brokenRule('src/contracts.ts', 'src/schema.ts')).toBeNull();
    expect(brokenRule('workers/main.ts', 'src/ingest/workers.ts')).toBeNull();
    expect(brokenRule('src/ingest/stages/extract.ts', 'pipelines/news/index.ts')).toBeNull();
    expect(brokenRule('pipelines/news/components/record.ts', 'src/util/ids.ts')).toBeNull();
  });

  it('every reference in src/, pipelines/, workers/ and scripts/ resolves and points one way', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    const unresolved: string[] = [];
    const unanalysable: string[] = [];
    let checked = 0;
    for (const file of files) {
      const r = referencesOf(file, readFileSync(join(ROOT, file), 'utf8'));
      unanalysable.push(...r.unanalysable);
      for (const ref of r.refs) {
        // Packages and node: builtins are not rooms of this house.
        if (!ref.specifier.startsWith('.')) continue;
        let abs = resolve(ROOT, dirname(file), ref.specifier);
        // The compiled build (npm run build): only scripts/ may name it; it may not exist yet.
        if (relative(ROOT, abs).split(sep)[0] === 'dist') {
          if (!file.startsWith('scripts/')) wrong.push(`${file}:${ref.line}: ${ref.kind} '${ref.specifier}': only scripts/ reference the compiled build`);
          continue;
        }
        // "./x.js" beside "./x.ts": the compiled form of a source module (NodeNext's spelling)
        if (!existsSync(abs) && abs.endsWith('.js') && existsSync(abs.replace(/\.js$/, '.ts'))) abs = abs.replace(/\.js$/, '.ts');
        if (!existsSync(abs)) {
          unresolved.push(`${file}:${ref.line}: ${ref.kind} '${ref.specifier}' (no such file)`);
          continue;
        }
        // new URL('./', import.meta.url): a folder (the module's own, or the root), not a module.
        if (statSync(abs).isDirectory()) continue;
        checked++;
        const target = relative(ROOT, abs).split(sep).join('/');
        const rule = brokenRule(file, target);
        if (rule) wrong.push(`${file}:${ref.line}: ${ref.kind} '${ref.specifier}' (${target}): ${rule.why}`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(unanalysable, 'dynamic imports whose target the test cannot read').toEqual([]);
    expect(unresolved, 'references that resolve to no file').toEqual([]);
    expect(wrong, 'wrong-way references').toEqual([]);
  });
});
