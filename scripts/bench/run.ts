/**
 * `npm run bench`: the spreadsheet round trip at 100,000 rows, against bare exceljs.
 *
 * Prints our export time, our full import time (read + validate + diff + apply), exceljs's own
 * streaming write and read of the same data, and each one's peak memory. Every measurement runs
 * in a fresh child process (its peak memory is its own), each is repeated and the median
 * reported. It prints figures and whether they meet the targets; it never fails on a timing.
 *
 *   npm run bench                       3 runs of each (about 4 minutes with setup)
 *   npm run bench -- --runs 2           fewer runs
 *   npm run bench -- --worst            add one import of a file with every row changed (about 75 s more)
 *   npm run bench -- --profile          also CPU-profile one export and one import; list hot spots
 *   npm run bench -- --profile-only     only the two profiles
 *   npm run bench -- --keep             keep the temporary folder (path printed)
 *   npm run bench -- --dir D            reuse (or make) the setup in folder D, kept afterwards
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { benchFiles, mb, ROWS, type Measurement } from './common';

const SELF = resolve(__dirname, 'run.ts');
const REPO = resolve(__dirname, '..', '..');

type Phase = 'setup' | 'ours-export' | 'bare-write' | 'bare-read' | 'ours-import' | 'ours-import-all' | 'ours-import-parts';

/** Child side: run one phase and send the measurement to the parent. */
async function child(phase: Phase, dir: string): Promise<void> {
  const files = benchFiles(dir);
  let m: Measurement | null = null;
  if (phase === 'setup') {
    const { setup } = await import('./setup');
    await setup(dir);
  } else {
    const p = await import('./phases');
    if (phase === 'ours-export') m = await p.oursExport(dir);
    else if (phase === 'bare-write') m = await p.bareWrite(dir);
    else if (phase === 'bare-read') m = await p.bareRead(files.edited);
    else if (phase === 'ours-import') m = await p.oursImport(dir, files.edited, 'ours: import, 10% of rows changed');
    else if (phase === 'ours-import-all') m = await p.oursImport(dir, files.editedAll, 'ours: import, EVERY row changed (worst case)');
    else if (phase === 'ours-import-parts') m = await p.importParts(dir, files.edited);
  }
  await new Promise<void>((done) => process.send!({ ok: true, m }, () => done()));
}

function runChild(phase: Phase, dir: string, extraArgs: string[] = []): Promise<Measurement | null> {
  return new Promise((resolvePromise, reject) => {
    const proc = fork(SELF, ['--phase', phase, dir], {
      cwd: REPO,
      execArgv: ['--import', 'tsx', ...extraArgs],
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    let result: Measurement | null | undefined;
    proc.on('message', (msg: { ok: boolean; m: Measurement | null }) => {
      result = msg.m;
    });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code === 0 && result !== undefined) resolvePromise(result);
      else reject(new Error(`${phase} child exited with code ${code}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface Summary {
  op: string;
  runs: Measurement[];
  seconds: number;
  peakMb: number;
}

function summarise(runs: Measurement[]): Summary {
  return { op: runs[0]!.op, runs, seconds: median(runs.map((r) => r.seconds)), peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function table(head: string[], rows: string[][], rightCols: number[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!, rightCols.includes(i))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    runs: Math.max(1, Number(get('--runs') ?? 3)),
    worst: argv.includes('--worst'),
    profile: argv.includes('--profile') || argv.includes('--profile-only'),
    profileOnly: argv.includes('--profile-only'),
    keep: argv.includes('--keep') || get('--dir') !== undefined,
    dir: get('--dir'),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const exceljsVersion = (JSON.parse(readFileSync(join(REPO, 'node_modules/exceljs/package.json'), 'utf8')) as { version: string }).version;
  const cpu = cpus();
  console.log('HNB Desk spreadsheet round-trip benchmark');
  console.log(`  machine: ${platform()} ${release()}, ${cpu.length} CPU (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`);
  console.log(
    `  load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on the machine skews timings)`,
  );
  console.log(
    `  node ${process.version}, exceljs ${exceljsVersion}; ${args.runs} run(s) of each measurement, each in a fresh process; median time, highest peak`,
  );

  const dir = args.dir ? resolve(args.dir) : mkdtempSync(join(tmpdir(), 'hnb-bench-'));
  mkdirSync(dir, { recursive: true });
  const files = benchFiles(dir);
  const started = performance.now();
  // The app parses workbooks on a worker thread built by electron-vite (out/main/read-worker.js);
  // measure that, freshly built, rather than the same source run through tsx.
  console.log('\nBuilding the app (electron-vite build) so the measurements use its workbook-reading worker...');
  execFileSync(process.execPath, [join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: REPO, stdio: 'ignore' });
  try {
    if ([files.baseDb, files.values, files.edited, files.editedAll].every((f) => existsSync(f))) {
      console.log(`\nSetup: reusing ${dir}`);
    } else {
      console.log(`\nSetup (not timed) in ${dir}:`);
      await runChild('setup', dir, ['--max-old-space-size=8192']);
    }
    console.log(
      `  files: our export ${mb(statSync(files.setupExport).size).toFixed(1)} MB; edited copy (re-saved by exceljs, shared strings) ${mb(statSync(files.edited).size).toFixed(1)} MB; ` +
        `workspace ${mb(statSync(files.baseDb).size).toFixed(1)} MB`,
    );

    if (args.profileOnly) {
      await diagnose(dir);
      return;
    }
    const order: Phase[] = ['bare-write', 'ours-export', 'bare-read', 'ours-import'];
    const results = new Map<Phase, Measurement[]>();
    for (let run = 1; run <= args.runs; run++) {
      for (const phase of order) {
        const m = (await runChild(phase, dir))!;
        const list = results.get(phase) ?? [];
        list.push(m);
        results.set(phase, list);
        const detail = m.detail
          ? `  ${Object.entries(m.detail)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')}`
          : '';
        console.log(`  run ${run}/${args.runs}  ${pad(m.op, 44)} ${m.seconds.toFixed(2).padStart(7)} s ${m.peakMb.toFixed(0).padStart(6)} MB${detail}`);
      }
    }
    let worst: Summary | null = null;
    if (args.worst) {
      const m = (await runChild('ours-import-all', dir))!;
      const detail = m.detail
        ? `  ${Object.entries(m.detail)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : '';
      console.log(`  run 1/1  ${pad(m.op, 44)} ${m.seconds.toFixed(2).padStart(7)} s ${m.peakMb.toFixed(0).padStart(6)} MB${detail}`);
      worst = summarise([m]);
    }

    const s = (p: Phase) => summarise(results.get(p)!);
    const bw = s('bare-write');
    const ex = s('ours-export');
    const br = s('bare-read');
    const im = s('ours-import');
    const exportRatio = ex.seconds / bw.seconds;
    const importRatio = im.seconds / br.seconds;
    const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');
    const spread = (x: Summary) =>
      x.runs.length > 1 ? `${Math.min(...x.runs.map((r) => r.seconds)).toFixed(2)}-${Math.max(...x.runs.map((r) => r.seconds)).toFixed(2)}` : '';
    const line = (x: Summary, ratio: string, target: string, ok: string) => [x.op, x.seconds.toFixed(2), spread(x), x.peakMb.toFixed(0), ratio, target, ok];
    const rows: string[][] = [
      line(bw, '', '', ''),
      line(ex, `${exportRatio.toFixed(2)}x bare write`, '<= 1.2x bare write', verdict(exportRatio <= 1.2)),
      line(br, '', '', ''),
      line(im, `${importRatio.toFixed(2)}x bare read`, '<= 1.3x bare read', verdict(importRatio <= 1.3)),
      ['', '', '', '', '', '< 400 MB peak', verdict(im.peakMb < 400)],
    ];
    if (worst) rows.push(line(worst, `${(worst.seconds / br.seconds).toFixed(2)}x bare read`, '(no target)', ''));
    const imDetail = im.runs.map((r) => r.detail!);
    console.log(
      `\nResults: ${ROWS.toLocaleString('en-GB')} rows x 12 columns; seconds are medians of ${args.runs}, peak MB the highest (whole child process, maxRSS)`,
    );
    console.log(table(['operation', 'seconds', 'min-max', 'peak MB', 'ratio', 'target', 'verdict'], rows, [1, 2, 3]));
    console.log(
      `\nImport split (median): read + validate + diff (preview) ${median(imDetail.map((d) => Number(d.readPreviewS))).toFixed(2)} s, ` +
        `apply ${median(imDetail.map((d) => Number(d.applyS))).toFixed(2)} s; ` +
        `preview counts: changed ${imDetail[0]!.changed}, unchanged ${imDetail[0]!.unchanged}, conflicts ${imDetail[0]!.conflicts}, missing ${imDetail[0]!.missing}, errors ${imDetail[0]!.errors}; ` +
        `audit entries written ${imDetail[0]!.auditEntries}`,
    );
    const expected = Number(imDetail[0]!.changed) === ROWS / 10 && Number(imDetail[0]!.unchanged) === ROWS - ROWS / 10 && Number(imDetail[0]!.errors) === 0;
    console.log(
      expected
        ? 'The edited file previews as intended: 10% of rows changed, no errors.'
        : 'WARNING: the edited file did not preview as 10,000 changed rows without errors; the import figures are not comparable.',
    );
    console.log(`Total benchmark time ${((performance.now() - started) / 1000).toFixed(0)} s`);

    if (args.profile) await diagnose(dir);
  } finally {
    if (args.keep) console.log(`\nKept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Where the time goes: the import step by step, then CPU profiles of one export and one import. */
async function diagnose(dir: string): Promise<void> {
  const parts = (await runChild('ours-import-parts', dir))!;
  console.log(
    `\nImport step by step (one run, seconds; diagnostic, not part of the table): ${parts.seconds.toFixed(2)} s in all, peak ${parts.peakMb.toFixed(0)} MB`,
  );
  for (const [k, v] of Object.entries(parts.detail ?? {})) console.log(`  ${k.padEnd(18)} ${v}`);
  await profilePhase(dir, 'ours-export');
  await profilePhase(dir, 'ours-import');
}

/** One CPU-profiled run of a phase; prints where its time goes in our code and in libraries. */
async function profilePhase(dir: string, phase: Phase): Promise<void> {
  const profDir = join(dir, `cpu-prof-${phase}`);
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  await runChild(phase, dir, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=500']);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return;
  const prof = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  const msPerSample = (prof.endTime - prof.startTime) / prof.samples.length / 1000;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const short = (url: string) =>
    url
      .replace(/^file:\/\//, '')
      .replace(`${REPO}/`, '')
      .replace(/^.*node_modules\//, 'node_modules/');
  // tsx's transform puts a file on few lines, so line numbers of our .ts files say nothing.
  const key = (n: ProfileNode) => {
    const url = short(n.callFrame.url);
    return `${n.callFrame.functionName || '(anonymous)'}  ${url}${url.endsWith('.ts') || !url ? '' : `:${n.callFrame.lineNumber + 1}`}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  // Inclusive time: each node's subtree, counting a function once however deep it recurses.
  const walk = (id: number, onStack: Set<string>): number => {
    const n = byId.get(id)!;
    const k = key(n);
    const hits = n.hitCount ?? 0;
    self.set(k, (self.get(k) ?? 0) + hits);
    const f = short(n.callFrame.url) || '(native/gc/idle)';
    fileSelf.set(f, (fileSelf.get(f) ?? 0) + hits);
    const fresh = !onStack.has(k);
    if (fresh) onStack.add(k);
    let total = hits;
    for (const c of n.children ?? []) total += walk(c, onStack);
    if (fresh) {
      onStack.delete(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + total);
    }
    return total;
  };
  walk(prof.nodes[0]!.id, new Set());
  const secs = (hits: number) => ((hits * msPerSample) / 1000).toFixed(2);
  const ours = (k: string) => /\s(electron|db)\//.test(k);
  const top = (m: Map<string, number>, filter: (k: string) => boolean, n: number) =>
    [...m]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  console.log(`\nCPU profile of one ${phase} (whole child process, module loading included; ${file}; sampled every 0.5 ms, seconds of CPU):`);
  console.log('Our functions by inclusive time (themselves plus what they call):');
  for (const [k, v] of top(inclusive, ours, 20)) console.log(`  ${secs(v).padStart(7)} s  ${k}`);
  console.log('Our functions by self time:');
  for (const [k, v] of top(self, ours, 12)) console.log(`  ${secs(v).padStart(7)} s  ${k}`);
  console.log('Any function by self time:');
  for (const [k, v] of top(self, () => true, 15)) console.log(`  ${secs(v).padStart(7)} s  ${k}`);
  console.log('Self time by file:');
  for (const [k, v] of top(fileSelf, () => true, 15)) console.log(`  ${secs(v).padStart(7)} s  ${k}`);
}

const phaseAt = process.argv.indexOf('--phase');
if (phaseAt >= 0) {
  child(process.argv[phaseAt + 1] as Phase, process.argv[phaseAt + 2]!).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
