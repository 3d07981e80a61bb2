/**
 * `npm run bench`: prints one line per figure (median, p95, target, verdict)
 * for the analysis core, the bundled language server over stdio, the bundled
 * CLI, markdownlint on the same text in the same run, the VSIX, and the
 * extension's activation in a real VS Code (code-server), in the Node and the
 * web worker extension hosts. Targets are
 * printed, never asserted: a missed target says MISSED plainly.
 *
 * Options: --quick (fewer rounds), --markdown FILE (also write the figures
 * as a Markdown table into FILE, between the markers it already holds).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from 'markdownlint/sync';
import type { CodeAction } from 'vscode-languageserver/node';
import { LspSession } from '../../test/lsp/lspSession';
import { bundledCore } from './bundledCore';
import { generateSpec } from './generateSpec';

const ROOT = resolve(__dirname, '../..');
const quick = process.argv.includes('--quick');
const markdownAt = process.argv.indexOf('--markdown');
const markdownFile = markdownAt > 0 ? process.argv[markdownAt + 1] : undefined;

interface Figure {
  name: string;
  median: number;
  p95?: number;
  unit: 'ms' | 'MB' | 'KB' | 's' | '×';
  target: string;
  ok: boolean | undefined;
  note?: string;
}

const figures: Figure[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/**
 * Times `rounds` calls after ten untimed ones, which let the JIT compile the
 * code being measured: a language server analyses many times in a session,
 * so the figures are its steady state, not its first analysis.
 */
function time(rounds: number, body: () => void): number[] {
  for (let i = 0; i < 10; i++) body();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Times `rounds` calls after `warmup` untimed ones, which let the JIT compile the paths being measured. */
async function timeAsync(rounds: number, body: (round: number) => Promise<void>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await body(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await body(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

function report(figure: Figure): void {
  figures.push(figure);
  const verdict = figure.ok === undefined ? 'INFO' : figure.ok ? 'OK' : 'MISSED';
  const p95 = figure.p95 === undefined ? '' : `  p95 ${figure.p95.toFixed(1)} ${figure.unit}`;
  const note = figure.note ? `  (${figure.note})` : '';
  console.log(`${verdict.padEnd(6)} ${figure.name.padEnd(44)} median ${figure.median.toFixed(figure.unit === 'ms' ? 2 : 1)} ${figure.unit}${p95}  target ${figure.target}${note}`);
}

/** "10000 lines (468 KB, 683 findings)": what a figure was measured on. */
function describeSpec(text: string, findings: number, extra = ''): string {
  return `${text.split('\n').length - 1} lines (${Math.round(text.length / 1024)} KB, ${findings} findings${extra})`;
}

function coreFigures(large: string, dense: string, typical: string): void {
  const { analyze, FacetCache, loadBuiltinProfile } = bundledCore(ROOT);
  const profile = loadBuiltinProfile();
  const findings = (text: string): number => analyze(text, profile).findings.length;
  const largeTimes = stats(time(quick ? 5 : 21, () => analyze(large, profile)));
  const lintTimes = stats(time(quick ? 3 : 7, () => lint({ strings: { spec: large } })));
  const ratio = lintTimes.median / largeTimes.median;
  report({ name: `core, ${describeSpec(large, findings(large))}`, ...largeTimes, unit: 'ms', target: '≤ 25 ms', ok: largeTimes.median <= 25 });
  report({ name: 'markdownlint library, same text', ...lintTimes, unit: 'ms', target: 'reference', ok: undefined });
  report({ name: 'markdownlint ÷ core', median: ratio, unit: '×', target: '≥ 20×', ok: ratio >= 20 });
  const denseTimes = stats(time(quick ? 5 : 21, () => analyze(dense, profile)));
  report({ name: `core, ${describeSpec(dense, findings(dense), ', dense stress case')}`, ...denseTimes, unit: 'ms', target: 'reference', ok: undefined });
  const typicalTimes = stats(time(quick ? 50 : 301, () => analyze(typical, profile)));
  report({ name: `core, ${describeSpec(typical, findings(typical))}`, ...typicalTimes, unit: 'ms', target: '≤ 1 ms', ok: typicalTimes.median <= 1 });
  const cache = new FacetCache();
  analyze(large, profile, {}, cache);
  const middle = large.indexOf('\n', Math.floor(large.length / 2));
  let version = 0;
  const incremental = stats(
    time(quick ? 10 : 51, () => {
      version++;
      analyze(`${large.slice(0, middle)} edit${version}${large.slice(middle)}`, profile, {}, cache);
    }),
  );
  report({ name: 'core, one keystroke with the facet cache', ...incremental, unit: 'ms', target: 'reference', ok: undefined });
}

/**
 * Types one character at a time at the start of the middle line, each time
 * until fresh diagnostics arrive. The first ten keystrokes are not timed: in
 * them the server's JIT compiles the incremental path, which it does once
 * per session, not once per keystroke.
 */
async function timeKeystrokes(session: LspSession, uri: string, text: string, rounds: number): Promise<number[]> {
  await session.waitForDiagnostics(uri);
  const middleLine = Math.floor(text.split('\n').length / 2);
  return timeAsync(
    rounds,
    async (round) => {
      const version = await session.change(uri, [
        { range: { start: { line: middleLine, character: 0 }, end: { line: middleLine, character: 0 } }, text: round % 2 === 0 ? 'x' : 'y' },
      ]);
      await session.waitForDiagnostics(uri, () => true, { version });
    },
    10,
  );
}

async function serverFigures(large: string, dense: string, ordinary: string[]): Promise<void> {
  const startTimes: number[] = [];
  for (let i = 0; i < (quick ? 3 : 9); i++) {
    const start = performance.now();
    const session = await LspSession.start({ settings: { debounceMs: 0 }, timeoutMs: 60_000 });
    startTimes.push(performance.now() - start);
    await session.dispose();
  }
  const started = stats(startTimes);
  report({ name: 'server start to initialize response', ...started, unit: 'ms', target: '≤ 150 ms', ok: started.median <= 150 });

  const session = await LspSession.start({ settings: { debounceMs: 0 }, timeoutMs: 120_000 });
  try {
    const uri = await session.open(large, { name: 'large.pspec.md' });
    const keystrokes = stats(await timeKeystrokes(session, uri, large, quick ? 10 : 41));
    report({ name: 'keystroke to diagnostics, large spec (LSP)', ...keystrokes, unit: 'ms', target: 'p95 ≤ 30 ms', ok: keystrokes.p95 <= 30 });

    const flagged = session.lastPublished(uri)!.diagnostics.find((diagnostic) => diagnostic.source === 'carveout' && diagnostic.severity === 1) ?? session.lastPublished(uri)!.diagnostics[0];
    const position = flagged.range.start;
    const hovers = stats(await timeAsync(quick ? 10 : 51, async () => void (await session.hover(uri, position))));
    report({ name: 'hover, large spec (LSP)', ...hovers, unit: 'ms', target: 'p95 ≤ 10 ms', ok: hovers.p95 <= 10 });
    const actions = stats(
      await timeAsync(quick ? 10 : 51, async () => void (await session.codeActions(uri, flagged.range, { diagnostics: [flagged], only: ['quickfix'] }))),
    );
    report({ name: 'code actions, large spec (LSP)', ...actions, unit: 'ms', target: 'p95 ≤ 10 ms', ok: actions.p95 <= 10 });

    for (const [index, text] of ordinary.entries()) await session.open(text, { name: `spec-${index}.pspec.md` });
    await session.waitForDiagnostics(session.uri(`spec-${ordinary.length - 1}.pspec.md`));
    const status = readFileSync(`/proc/${session.pid}/status`, 'utf8');
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    report({ name: `peak server memory, large + ${ordinary.length} specs open`, median: peakKb / 1024, unit: 'MB', target: '≤ 120 MB', ok: peakKb / 1024 <= 120 });

    // After the memory figure, which is a high-water mark.
    const denseUri = await session.open(dense, { name: 'dense.pspec.md' });
    const denseKeystrokes = stats(await timeKeystrokes(session, denseUri, dense, quick ? 5 : 21));
    report({ name: 'keystroke to diagnostics, dense stress case (LSP)', ...denseKeystrokes, unit: 'ms', target: 'reference', ok: undefined });
    await session.close(denseUri);

    // A spec just under the default size limit whose every sentence is a finding: the light
    // bulb must stay quick, and the rule-wide fix is planned only when picked.
    const line = `${'API on AWS. '.repeat(8)}\n`;
    const flood = `---\nclassification: api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\n${line.repeat(Math.floor(1_990_000 / line.length))}`;
    const floodUri = await session.open(flood, { name: 'flood.pspec.md' });
    const floodDiagnostics = await session.waitForDiagnostics(floodUri, (found) => found.length > 0, { timeoutMs: 600_000 });
    const middle = floodDiagnostics[Math.floor(floodDiagnostics.length / 2)];
    let ruleWide: CodeAction | undefined;
    const bulbs = stats(
      await timeAsync(quick ? 5 : 21, async () => {
        const actions = (await session.codeActions(floodUri, middle.range, { diagnostics: [middle], only: ['quickfix'] })) as CodeAction[];
        ruleWide = actions.find((action) => action.title.includes('every'));
      }, 2),
    );
    report({ name: `light bulb, ${floodDiagnostics.length} findings in one spec (LSP)`, ...bulbs, unit: 'ms', target: 'p95 ≤ 100 ms', ok: bulbs.p95 <= 100 });
    if (ruleWide) {
      const resolveStart = performance.now();
      await session.resolveCodeAction(ruleWide);
      report({ name: `rule-wide fix resolved, ${floodDiagnostics.length} findings (LSP)`, median: performance.now() - resolveStart, unit: 'ms', target: 'reference', ok: undefined });
    }
    await session.close(floodUri);
  } finally {
    await session.dispose();
  }
}

/**
 * The Exposure view's request over a workspace of specs: the first walk
 * analyses every spec, and after an edit of one open spec only that one is
 * analysed again.
 */
async function workspaceFigures(specs: string[]): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'carveout-bench-'));
  const session = await LspSession.start({ folders: [directory], settings: { debounceMs: 0 }, timeoutMs: 120_000 });
  try {
    specs.forEach((text, index) => {
      const folder = join(directory, `team-${index % 20}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `spec-${index}.pspec.md`), text);
    });
    // As the Exposure view does: each listing sends back the result ids of the one before.
    let known: Record<string, string> = {};
    const request = async () => {
      known = (await session.request<{ resultIds: Record<string, string> }>('carveout/workspaceFindings', { known }, 120_000)).resultIds;
    };
    const firstStart = performance.now();
    await request();
    report({ name: `Exposure view, first listing of ${specs.length} specs (LSP)`, median: performance.now() - firstStart, unit: 'ms', target: '≤ 2000 ms', ok: performance.now() - firstStart <= 2000 });
    const uri = await session.open(specs[0], { uri: pathToFileURL(join(directory, 'team-0', 'spec-0.pspec.md')).href });
    await request();
    const middleLine = Math.floor(specs[0].split('\n').length / 2);
    const updates = stats(
      await timeAsync(quick ? 5 : 21, async (round) => {
        await session.change(uri, [{ range: { start: { line: middleLine, character: 0 }, end: { line: middleLine, character: 0 } }, text: round % 2 === 0 ? 'x' : 'y' }]);
        await request();
      }, 2),
    );
    report({ name: `Exposure view, update after an edit, ${specs.length} specs (LSP)`, ...updates, unit: 'ms', target: 'median ≤ 50 ms', ok: updates.median <= 50 });
  } finally {
    await session.dispose();
    rmSync(directory, { recursive: true, force: true });
  }
}

function cliFigures(specs: string[]): void {
  const directory = mkdtempSync(join(tmpdir(), 'carveout-bench-'));
  try {
    specs.forEach((text, index) => {
      const folder = join(directory, `team-${index % 20}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `spec-${index}.pspec.md`), text);
    });
    const run = (command: string, args: string[]): number => {
      const start = performance.now();
      const result = spawnSync(command, args, { cwd: directory, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (result.status === null || result.status > 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
      return performance.now() - start;
    };
    const carveout = stats(Array.from({ length: quick ? 1 : 3 }, () => run(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '.', '--fail-on', 'never'])));
    const markdownlint = stats(
      Array.from({ length: 1 }, () => run(process.execPath, [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md'])),
    );
    const ratio = markdownlint.median / carveout.median;
    report({ name: `carveout check, ${specs.length} specs (CLI, ${cpus().length} cores)`, median: carveout.median / 1000, unit: 's', target: '≤ 2 s', ok: carveout.median <= 2000 });
    report({ name: 'markdownlint-cli2, same files', median: markdownlint.median / 1000, unit: 's', target: 'reference', ok: undefined });
    report({ name: 'markdownlint-cli2 ÷ carveout', median: ratio, unit: '×', target: '≥ 10×', ok: ratio >= 10 });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function vsixFigure(): void {
  // Packaged from the production bundles just built, so that an older package is never measured.
  const built = spawnSync('npm', ['run', '-s', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run package failed: ${built.stderr}`);
  const kb = statSync(join(ROOT, 'carveout.vsix')).size / 1024;
  report({ name: 'VSIX size', median: kb, unit: 'KB', target: '≤ 400 KB', ok: kb <= 400 });
  // The browser bundles hold the client's and the server's code for both hosts; the desktop entries load them.
  for (const bundle of ['browserServer.js', 'browserClient.js', 'server.js', 'client.js']) {
    report({ name: `dist/${bundle} (minified)`, median: statSync(join(ROOT, 'dist', bundle)).size / 1024, unit: 'KB', target: 'part of the VSIX', ok: undefined });
  }
}

/**
 * Activation in the web worker extension host, where vscode.dev and
 * github.dev run the extension: the packaged extension in code-server, sent
 * there by the user setting remote.extensionKind, timed by VS Code itself
 * (Developer: Show Running Extensions) in scripts/bench/webActivation.js.
 */
function webActivationFigure(): void {
  const samples = Array.from({ length: quick ? 1 : 3 }, () => {
    const scratch = mkdtempSync(join(tmpdir(), 'carveout-bench-web-'));
    try {
      const output = join(scratch, 'activation.json');
      const env = { ...process.env, E2E_RUN_DIR: join(scratch, 'run'), CARVEOUT_BENCH_OUTPUT: output };
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/bench/webActivation.js')], { cwd: ROOT, env, encoding: 'utf8' });
      if (run.status !== 0 || !existsSync(output)) throw new Error(`web activation run failed:\n${run.stdout}${run.stderr}`);
      return JSON.parse(readFileSync(output, 'utf8')) as { activated: number };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
  const activated = stats(samples.map((sample) => sample.activated));
  report({ name: 'extension activation, web worker extension host (code-server)', median: activated.median, unit: 'ms', target: 'reference', ok: undefined });
}

/**
 * Activation in a real VS Code (code-server, through the end-to-end
 * toolchain, which is installed into the cache if missing): a window on an
 * empty folder, so nothing activates Carveout before the timed
 * `activate()`, which scripts/bench/activation/index.js calls in the
 * extension host.
 */
function activationFigures(): void {
  const installed = spawnSync('bash', [join(ROOT, 'test/e2e/install-toolchain.sh')], { cwd: ROOT, encoding: 'utf8' });
  if (installed.status !== 0) throw new Error(`the end-to-end toolchain could not be installed:\n${installed.stdout}${installed.stderr}`);
  const samples = Array.from({ length: quick ? 1 : 3 }, () => {
    const scratch = mkdtempSync(join(tmpdir(), 'carveout-bench-activation-'));
    try {
      const folder = join(scratch, 'empty');
      mkdirSync(folder);
      const output = join(scratch, 'activation.json');
      const env = {
        ...process.env,
        E2E_SUITE: join(ROOT, 'scripts/bench/activation/index.js'),
        E2E_WORKSPACE: folder,
        E2E_INSTANCE: 'bench-activation',
        E2E_RUN_DIR: join(scratch, 'run'),
        CARVEOUT_BENCH_OUTPUT: output,
      };
      const run = spawnSync(process.execPath, [join(ROOT, 'test/e2e/runExtensionHostTests.js')], { cwd: ROOT, env, encoding: 'utf8' });
      if (run.status !== 0 || !existsSync(output)) throw new Error(`activation run failed:\n${run.stdout}${run.stderr}`);
      return JSON.parse(readFileSync(output, 'utf8')) as { activated: number; ready: number };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
  const activated = stats(samples.map((sample) => sample.activated));
  const ready = stats(samples.map((sample) => sample.ready));
  report({ name: 'extension activation (code-server)', median: activated.median, unit: 'ms', target: 'reference', ok: undefined });
  report({ name: 'activation to server ready (code-server)', median: ready.median, unit: 'ms', target: 'reference', ok: undefined });
}

function writeMarkdown(file: string): void {
  const rows = figures.map((figure) => {
    const verdict = figure.ok === undefined ? '' : figure.ok ? 'met' : '**missed**';
    const value = `${figure.median.toFixed(figure.unit === 'ms' ? 2 : 1)} ${figure.unit}`;
    const p95 = figure.p95 === undefined ? '' : `${figure.p95.toFixed(1)} ${figure.unit}`;
    return `| ${figure.name} | ${value} | ${p95} | ${figure.target}${figure.note ? ` (${figure.note})` : ''} | ${verdict} |`;
  });
  const table = ['| Figure | Median | p95 | Target | |', '|---|---|---|---|---|', ...rows].join('\n');
  const text = readFileSync(file, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${begin} … ${end} markers`);
  writeFileSync(file, `${text.slice(0, from + begin.length)}\n${table}\n${text.slice(to)}`);
  console.log(`wrote the figures into ${file}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/server.js')) || !existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('Build first: npm run build');
  console.log(`Carveout benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}`);
  const large = generateSpec({ lines: 10_000, seed: 1 });
  const dense = generateSpec({ lines: 10_000, seed: 1, density: 'dense' });
  const typical = generateSpec({ lines: 300, seed: 2 });
  coreFigures(large, dense, typical);
  await serverFigures(
    large,
    dense,
    Array.from({ length: 200 }, (_, index) => generateSpec({ lines: 120, seed: 100 + index })),
  );
  const workspace = Array.from({ length: quick ? 200 : 1000 }, (_, index) => generateSpec({ lines: 150, seed: 1000 + index }));
  await workspaceFigures(workspace);
  cliFigures(workspace);
  vsixFigure();
  activationFigures();
  webActivationFigure();
  if (markdownFile) writeMarkdown(markdownFile);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
