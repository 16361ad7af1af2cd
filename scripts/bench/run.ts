/**
 * `npm run bench`: the spreadsheet round trip at 100,000 rows against bare exceljs, and the
 * renderer's first load and bundle size.
 *
 * Prints our export time, our full import time (read + validate + diff + apply), exceljs's own
 * streaming write and read of the same data, and each one's peak memory. Every measurement runs
 * in a fresh child process (its peak memory is its own). Ours and its bare counterpart run in
 * turn (ours, bare, ours, bare ...), so a machine that slows down or speeds up during the
 * benchmark weighs on both alike; each is judged on its best run and on its median, and meets
 * its target only when both ratios do. Other work on the machine skews the figures, and not
 * evenly (our import uses three threads, the bare read one), so the load average is printed
 * before and after, with the CPU other processes used meanwhile (the load average afterwards
 * counts our own processes too). Then the renderer: the size of its scripts and styles, and the time to the
 * Monitoring grid's first row in headless Chromium; then the meeting packs (pack.ts). It prints figures and whether they meet the
 * targets; it never fails on a timing.
 *
 *   npm run bench                       5 runs of each pair, 5 first loads (about 2½ minutes with the build and setup)
 *   npm run bench -- --runs 3           fewer runs
 *   npm run bench -- --first-loads 3    fewer first loads; --first-loads 0 skips them
 *   npm run bench -- --pack-runs 2      fewer runs of each pack figure (pack.ts); --pack-runs 0 skips them
 *   npm run bench -- --worst            add one import of a file with every row changed (about 10 s more)
 *   npm run bench -- --profile          also CPU-profile one export and one import, every thread; list hot spots
 *   npm run bench -- --profile-only     only the step-by-step import and the two profiles
 *   npm run bench -- --keep             keep the temporary folder (path printed)
 *   npm run bench -- --dir D            reuse (or make) the setup in folder D, kept afterwards
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { benchFiles, mb, ROWS, type Measurement } from './common';
import { bundleStats, type FirstLoadRun, FIRST_ROW, rendererBuilt } from './first-load';
import { packBench, type PackPhase, type PackReport } from './pack';

const SELF = resolve(__dirname, 'run.ts');
const REPO = resolve(__dirname, '..', '..');

const EXPORT_TARGET = 1.2;
const IMPORT_TARGET = 1.3;
const IMPORT_PEAK_MB = 400;
const FIRST_LOAD_TARGET_S = 1.5;
/** A 1-minute load average above this per CPU means the figures are not those of a quiet machine. */
const BUSY_PER_CPU = 0.5;
/**
 * Other processes' CPU use, per CPU, above which the figures are not a quiet machine's: on two
 * CPUs, half of one already takes a fair part of what our import's three threads need.
 */
const OTHERS_BUSY_PER_CPU = 0.25;

type Phase = 'setup' | 'ours-export' | 'bare-write' | 'bare-read' | 'ours-import' | 'ours-import-all' | 'ours-import-parts' | 'first-load' | PackPhase;

interface ChildResult {
  m?: Measurement;
  firstLoads?: FirstLoadRun[];
  pack?: PackReport;
  /** The child's CPU seconds, all its threads, start-up included: to tell our load from other processes'. */
  cpuS?: number;
}

/** Child side: run one phase and send what it measured to the parent. */
async function child(phase: Phase, dir: string, arg: string | undefined): Promise<void> {
  const files = benchFiles(dir);
  let result: ChildResult = {};
  if (phase === 'setup') {
    const { setup } = await import('./setup');
    await setup(dir);
  } else if (phase === 'first-load') {
    const { firstLoads } = await import('./first-load');
    result = { firstLoads: await firstLoads(Number(arg)) };
  } else if (phase === 'pack-demo' || phase === 'pack-big-cold' || phase === 'pack-big') {
    const { packChild } = await import('./pack');
    result = { pack: await packChild(phase, Number(arg)) };
  } else {
    const p = await import('./phases');
    if (phase === 'ours-export') result = { m: await p.oursExport(dir) };
    else if (phase === 'bare-write') result = { m: await p.bareWrite(dir) };
    else if (phase === 'bare-read') result = { m: await p.bareRead(files.edited) };
    else if (phase === 'ours-import') result = { m: await p.oursImport(dir, files.edited, 'ours: import, 10% of rows changed') };
    else if (phase === 'ours-import-all') result = { m: await p.oursImport(dir, files.editedAll, 'ours: import, EVERY row changed (worst case)') };
    else if (phase === 'ours-import-parts') result = { m: await p.importParts(dir, files.edited) };
  }
  const cpu = process.cpuUsage();
  await new Promise<void>((done) => process.send!({ ...result, cpuS: (cpu.user + cpu.system) / 1e6 }, () => done()));
}

/** CPU seconds our children reported, for othersCpu. */
let childCpuS = 0;

function runChild(phase: Phase, dir: string, extraArgs: string[] = [], arg?: string): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const proc = fork(SELF, ['--phase', phase, dir, ...(arg === undefined ? [] : [arg])], {
      cwd: REPO,
      execArgv: ['--import', 'tsx', ...extraArgs],
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    let result: ChildResult | undefined;
    proc.on('message', (msg: ChildResult) => {
      result = msg;
      childCpuS += msg.cpuS ?? 0;
    });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code === 0 && result !== undefined) resolvePromise(result);
      else reject(new Error(`${phase} child exited with code ${code}`));
    });
  });
}

async function measure(phase: Phase, dir: string): Promise<Measurement> {
  const { m } = await runChild(phase, dir);
  if (!m) throw new Error(`${phase} measured nothing`);
  return m;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface Summary {
  op: string;
  runs: Measurement[];
  best: number;
  median: number;
  worst: number;
  peakMb: number;
}

function summarise(runs: Measurement[]): Summary {
  const s = runs.map((r) => r.seconds);
  return { op: runs[0]!.op, runs, best: Math.min(...s), median: median(s), worst: Math.max(...s), peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

/** Ours against its bare counterpart, on the best runs and on the medians: it meets the target only if both do. */
function judge(ours: Summary, bare: Summary, target: number) {
  const best = ours.best / bare.best;
  const med = ours.median / bare.median;
  const missed = [best > target && `best ${best.toFixed(2)}x`, med > target && `median ${med.toFixed(2)}x`].filter(Boolean);
  return { best, median: med, meets: missed.length === 0, verdict: missed.length ? `MISSES (${missed.join(', ')} > ${target}x)` : 'meets (best and median)' };
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function table(head: string[], rows: string[][], rightCols: number[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!, rightCols.includes(i))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const SKEWED =
  'Timings are slower and the ratios skewed (our import uses three threads, the bare read one); run again on a quiet machine before trusting a verdict.';

function loadAverage(): string {
  const [one, five, fifteen] = loadavg() as [number, number, number];
  return `${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min), ${fifteen.toFixed(2)} (15 min) on ${cpus().length} CPU`;
}

/** The load average before we start, and a warning when the machine is too busy for the figures to be a quiet machine's. */
function loadBefore(): boolean {
  const one = loadavg()[0]!;
  const cores = cpus().length;
  const busy = one > BUSY_PER_CPU * cores;
  console.log(
    `\nLoad average before the measurements: ${loadAverage()}` +
      (busy
        ? `\n  WARNING: the machine is busy (1-minute load ${one.toFixed(2)} is above ${BUSY_PER_CPU} per CPU = ${(BUSY_PER_CPU * cores).toFixed(1)}). ${SKEWED}`
        : '  (quiet enough)'),
  );
  return busy;
}

/** CPU time every process has used since boot, all CPUs, in seconds (idle and waiting for disk not counted). */
function machineBusyS(): number {
  return cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0) / 1000;
}

/**
 * CPU time the hypervisor gave to other machines while this one wanted it (Linux's "steal"), all
 * CPUs, in seconds; null where the system does not say. In a virtual machine it slows everything
 * here down without any process here showing it.
 */
function stolenS(): number | null {
  try {
    const steal = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/)[8];
    // /proc/stat counts in USER_HZ, which Linux fixes at 100 a second.
    return steal === undefined ? null : Number(steal) / 100;
  } catch {
    return null;
  }
}

/** Starts counting the CPU other processes use; the function it returns prints it, with the load average, and says whether they were busy. */
function othersCpu(): (when: string) => boolean {
  const wall0 = performance.now();
  const busy0 = machineBusyS();
  const stolen0 = stolenS();
  const self0 = process.cpuUsage();
  const children0 = childCpuS;
  return (when: string) => {
    const wall = (performance.now() - wall0) / 1000;
    const self = process.cpuUsage(self0);
    const ours = childCpuS - children0 + (self.user + self.system) / 1e6;
    const others = Math.max(0, machineBusyS() - busy0 - ours) / wall;
    const stolen1 = stolenS();
    const stolen = stolen0 === null || stolen1 === null ? null : (stolen1 - stolen0) / wall;
    const cores = cpus().length;
    const busy = others + (stolen ?? 0) > OTHERS_BUSY_PER_CPU * cores;
    console.log(
      `\nLoad average ${when}: ${loadAverage()}. It counts the benchmark's own processes, which keep up to three threads busy, ` +
        `so on its own it cannot tell a busy machine: other processes used ${others.toFixed(2)} CPU on average over these ${wall.toFixed(0)} s ` +
        `(the machine's CPU time less what our processes reported)` +
        (stolen === null ? '' : `, and the hypervisor withheld ${stolen.toFixed(2)} CPU (steal time)`) +
        (busy
          ? `\n  WARNING: the machine was busy (other processes${stolen === null ? '' : ' and steal'} above ${OTHERS_BUSY_PER_CPU} per CPU = ${(OTHERS_BUSY_PER_CPU * cores).toFixed(1)} CPU). ${SKEWED}`
          : '  (quiet enough)'),
    );
    return busy;
  };
}

function detailOf(m: Measurement): string {
  return m.detail
    ? `  ${Object.entries(m.detail)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`
    : '';
}

function printRun(label: string, m: Measurement): void {
  console.log(`  ${label}  ${pad(m.op, 44)} ${m.seconds.toFixed(2).padStart(7)} s ${m.peakMb.toFixed(0).padStart(6)} MB${detailOf(m)}`);
}

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    runs: Math.max(1, Number(get('--runs') ?? 5)),
    firstLoads: Math.max(0, Number(get('--first-loads') ?? 5)),
    packRuns: Math.max(0, Number(get('--pack-runs') ?? 3)),
    worst: argv.includes('--worst'),
    profile: argv.includes('--profile') || argv.includes('--profile-only'),
    profileOnly: argv.includes('--profile-only'),
    keep: argv.includes('--keep') || get('--dir') !== undefined,
    dir: get('--dir'),
  };
}

/** `npm run build`: the workbook-reading worker the import runs, and the renderer the first load measures. */
function build(): void {
  console.log('\nBuilding the app (npm run build: electron-vite build) so the import runs its built workbook-reading worker and the renderer is current...');
  try {
    execFileSync(process.execPath, [join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: REPO, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`);
    throw new Error('npm run build failed (its output is above); nothing was measured.');
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const exceljsVersion = (JSON.parse(readFileSync(join(REPO, 'node_modules/exceljs/package.json'), 'utf8')) as { version: string }).version;
  const cpu = cpus();
  console.log('HNB Desk benchmark: the spreadsheet round trip, and the renderer');
  console.log(`  machine: ${platform()} ${release()}, ${cpu.length} CPU (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`);
  console.log(
    `  node ${process.version}, exceljs ${exceljsVersion}; ${args.runs} run(s) of each pair (ours, then bare, in turn), each in a fresh process; ` +
      'best and median time, highest peak',
  );
  const busyBefore = loadBefore();

  const dir = args.dir ? resolve(args.dir) : mkdtempSync(join(tmpdir(), 'hnb-bench-'));
  mkdirSync(dir, { recursive: true });
  const files = benchFiles(dir);
  const started = performance.now();
  build();
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

    const pairs = async (ours: Phase, bare: Phase): Promise<[Measurement[], Measurement[]]> => {
      const o: Measurement[] = [];
      const b: Measurement[] = [];
      for (let run = 1; run <= args.runs; run++) {
        const label = `run ${run}/${args.runs}`;
        o.push(await measure(ours, dir));
        printRun(label, o.at(-1)!);
        b.push(await measure(bare, dir));
        printRun(label, b.at(-1)!);
      }
      return [o, b];
    };
    const roundTrip = othersCpu();
    console.log('\nImport against the bare read, in turn:');
    const [imports, reads] = await pairs('ours-import', 'bare-read');
    console.log('\nExport against the bare write, in turn:');
    const [exports, writes] = await pairs('ours-export', 'bare-write');
    let worst: Summary | null = null;
    if (args.worst) {
      const m = await measure('ours-import-all', dir);
      printRun('run 1/1', m);
      worst = summarise([m]);
    }
    const busyAfter = roundTrip('after the round-trip measurements');

    const im = summarise(imports);
    const br = summarise(reads);
    const ex = summarise(exports);
    const bw = summarise(writes);
    const importJudged = judge(im, br, IMPORT_TARGET);
    const exportJudged = judge(ex, bw, EXPORT_TARGET);
    const spread = (x: Summary) => (x.runs.length > 1 ? `${x.best.toFixed(2)}-${x.worst.toFixed(2)}` : '');
    const line = (x: Summary, ratio: string, target: string, verdict: string) => [
      x.op,
      x.best.toFixed(2),
      x.median.toFixed(2),
      spread(x),
      x.peakMb.toFixed(0),
      ratio,
      target,
      verdict,
    ];
    const ratios = (j: { best: number; median: number }, of: string) => `${j.best.toFixed(2)}x / ${j.median.toFixed(2)}x ${of}`;
    const rows: string[][] = [
      line(br, '', '', ''),
      line(im, ratios(importJudged, 'bare read'), `<= ${IMPORT_TARGET}x`, importJudged.verdict),
      ['', '', '', '', '', '', `< ${IMPORT_PEAK_MB} MB peak`, im.peakMb < IMPORT_PEAK_MB ? 'meets' : `MISSES (${im.peakMb.toFixed(0)} MB)`],
      line(bw, '', '', ''),
      line(ex, ratios(exportJudged, 'bare write'), `<= ${EXPORT_TARGET}x`, exportJudged.verdict),
    ];
    if (worst) rows.push(line(worst, `${(worst.best / br.best).toFixed(2)}x / ${(worst.median / br.median).toFixed(2)}x bare read`, '(no target)', ''));
    console.log(
      `\nResults: ${ROWS.toLocaleString('en-GB')} rows x 12 columns; ${args.runs} run(s) each, ours and bare in turn; ` +
        'ratio = ours / bare on the best runs / on the medians; peak MB the highest (whole child process, maxRSS)',
    );
    console.log(table(['operation', 'best s', 'median s', 'min-max', 'peak MB', 'ratio best / median', 'target', 'verdict'], rows, [1, 2, 3, 4]));
    if (busyBefore || busyAfter) {
      console.log('NOTE: the machine was busy during these measurements (see the load figures above): the verdicts are not a quiet machine’s.');
    }
    const imDetail = im.runs.map((r) => r.detail!);
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

    await renderer(dir, args.firstLoads);
    if (args.packRuns > 0) await packBench(async (phase, runs) => (await runChild(phase, dir, [], String(runs))).pack!, args.packRuns);
    await (await import('./plan')).planBench(args.runs);
    await (await import('./register')).registerBench(args.runs);
    await (await import('./register-screen')).registerScreenBench(args.runs);
    await (await import('./allocation')).allocationBench(args.runs);
    await (await import('./school-import')).schoolImportBench(args.runs);
    console.log(`\nTotal benchmark time ${((performance.now() - started) / 1000).toFixed(0)} s`);

    if (args.profile) await diagnose(dir);
  } finally {
    if (args.keep) console.log(`\nKept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** The renderer's bundle size, and its first load in headless Chromium. */
async function renderer(dir: string, runs: number): Promise<void> {
  console.log('\nRenderer bundle (out/renderer/assets, as built above; gzip at level 9):');
  if (!rendererBuilt()) {
    console.log('  not measured: out/renderer/index.html is missing after the build.');
    return;
  }
  const b = bundleStats();
  console.log(`  scripts: ${b.js.files} files, ${kb(b.js.bytes)} (${kb(b.js.gzip)} gzip)`);
  console.log(`  styles:  ${b.css.files} files, ${kb(b.css.bytes)} (${kb(b.css.gzip)} gzip)`);
  console.log(`  in all:  ${kb(b.js.bytes + b.css.bytes)} (${kb(b.js.gzip + b.css.gzip)} gzip)`);
  console.log(`  entry chunk ${b.entry.file}: ${kb(b.entry.bytes)} (${kb(b.entry.gzip)} gzip)`);
  console.log(
    `  index.html loads up front (entry, its preloaded chunks, styles): ${b.upFront.files} files, ${kb(b.upFront.bytes)} (${kb(b.upFront.gzip)} gzip)`,
  );
  if (runs === 0) return;
  console.log(
    `\nFirst load: ${runs} run(s) in headless Chromium against the web host (demo workspace), page.goto(launchUrl) until the first row of the Monitoring grid is visible (${FIRST_ROW}); a new browser context each run:`,
  );
  let loads: FirstLoadRun[];
  try {
    loads = (await runChild('first-load', dir, [], String(runs))).firstLoads ?? [];
  } catch (e) {
    console.log(`  not measured: ${(e as Error).message}`);
    return;
  }
  for (const [i, l] of loads.entries()) {
    console.log(
      `  run ${i + 1}/${runs}  ${l.seconds === null ? `no first row: ${l.failed}` : `${l.seconds.toFixed(2)} s`}; scripts and styles fetched by then: ${l.fetched.files} files, ${kb(l.fetched.bytes)} (${kb(l.fetched.gzip)} gzip)`,
    );
  }
  const times = loads.flatMap((l) => (l.seconds === null ? [] : [l.seconds]));
  if (times.length === 0) {
    console.log('  no run showed the first row: no first-load time.');
  } else {
    const best = Math.min(...times);
    const med = median(times);
    const missed = [best >= FIRST_LOAD_TARGET_S && `best ${best.toFixed(2)} s`, med >= FIRST_LOAD_TARGET_S && `median ${med.toFixed(2)} s`].filter(Boolean);
    console.log(
      `  first load: best ${best.toFixed(2)} s, median ${med.toFixed(2)} s (${times.length} of ${runs} runs); target < ${FIRST_LOAD_TARGET_S} s: ` +
        (missed.length ? `MISSES (${missed.join(', ')})` : 'meets (best and median)'),
    );
  }
  // Chromium's processes do not report to us, so other processes' share cannot be told apart here.
  console.log(`\nLoad average after the first loads: ${loadAverage()} (Chromium and the web host included)`);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Where the time goes: the import step by step, then CPU profiles of one export and one import. */
async function diagnose(dir: string): Promise<void> {
  const parts = await measure('ours-import-parts', dir);
  console.log(
    `\nImport step by step (one run, seconds; diagnostic, not part of the table): ${parts.seconds.toFixed(2)} s in all, peak ${parts.peakMb.toFixed(0)} MB`,
  );
  for (const [k, v] of Object.entries(parts.detail ?? {})) console.log(`  ${k.padEnd(18)} ${v}`);
  await profilePhase(dir, 'ours-export');
  await profilePhase(dir, 'ours-import');
}

/**
 * One CPU-profiled run of a phase; prints where its time goes in our code and in libraries, on
 * its main thread and on each worker thread (the import reads the workbook on two).
 */
async function profilePhase(dir: string, phase: Phase): Promise<void> {
  const profDir = join(dir, `cpu-prof-${phase}`);
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  await runChild(phase, dir, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=500']);
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main one.
  const threadOf = (f: string) => Number(f.split('.').at(-3));
  const profiles = readdirSync(profDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => threadOf(a) - threadOf(b));
  for (const file of profiles) printProfile(join(profDir, file), phase, threadOf(file));
}

function printProfile(path: string, phase: Phase, thread: number): void {
  const prof = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
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
  const idle = self.get('(idle)  ') ?? 0;
  const busy = prof.samples.length - idle;
  const secs = (hits: number) => ((hits * msPerSample) / 1000).toFixed(2);
  // Our code: the server's sources through tsx, and the built worker bundle.
  const ours = (k: string) => /\s(electron|db|features|out\/main)\//.test(k);
  const top = (m: Map<string, number>, filter: (k: string) => boolean, n: number) =>
    [...m]
      .filter(([k]) => filter(k) && k !== '(idle)  ')
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  const what = thread === 0 ? 'main thread' : `worker thread ${thread}`;
  // A thread that did nothing (tsx's loader thread, in this child) is only named.
  if (busy * msPerSample < 20) {
    console.log(`\nCPU profile of one ${phase}, ${what}: idle (${secs(idle)} s), not listed.`);
    return;
  }
  console.log(
    `\nCPU profile of one ${phase}, ${what} (module loading included; sampled every 0.5 ms; ${secs(busy)} s of CPU, ${secs(idle)} s idle; ${path.split('/').at(-1)}):`,
  );
  const brief = thread !== 0;
  console.log('Our functions by inclusive time (themselves plus what they call):');
  for (const [k, v] of top(inclusive, ours, brief ? 8 : 20)) console.log(`  ${secs(v).padStart(7)} s  ${k}`);
  console.log('Any function by self time:');
  for (const [k, v] of top(self, () => true, brief ? 10 : 15)) console.log(`  ${secs(v).padStart(7)} s  ${k}`);
  if (brief) return;
  console.log('Our functions by self time:');
  for (const [k, v] of top(self, ours, 12)) console.log(`  ${secs(v).padStart(7)} s  ${k}`);
  console.log('Self time by file:');
  for (const [k, v] of top(fileSelf, () => true, 15)) console.log(`  ${secs(v).padStart(7)} s  ${k}`);
}

const phaseAt = process.argv.indexOf('--phase');
if (phaseAt >= 0) {
  child(process.argv[phaseAt + 1] as Phase, process.argv[phaseAt + 2]!, process.argv[phaseAt + 3]).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
