/**
 * What the issue 11 phases of `npm run bench` (plan.ts, register.ts, register-screen.ts) share.
 * Each runs its own file again as a child process, so other phases' memory and compiled code do
 * not colour its figures, and the child sends its report back over IPC; the parent prints the
 * figures beside a target, judged on the best run and on the median, and never fails on a timing.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainServer } from '../../electron/server/server';

/** A phase file that runs itself as its child. */
export interface PhaseFile {
  /** The file's own path, run again as the child. */
  script: string;
  /** The argument, followed by the number of runs, that makes the file the child: `--plan-child`. */
  childFlag: string;
  /** The phase in words, for a child that fails: "plan". */
  name: string;
}

/** A channel called as the window calls it; a refusal throws, since the bench's own setup must not be refused. */
export type Call = <T>(channel: string, input: unknown) => Promise<T>;

export function callerOf(server: DomainServer): Call {
  return async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await server.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
}

/**
 * A server on a workspace folder of its own, closed and removed afterwards. `work` opens the
 * workspace itself, so a phase can time its setup from before the open.
 */
export async function withBenchServer<T>(folderPrefix: string, work: (server: DomainServer) => Promise<T>): Promise<T> {
  // Imported here, not above, so the parent side (and run.ts) does not load the server.
  const { DomainServer } = await import('../../electron/server/server');
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const server = new DomainServer({ dataDir: dir, user: 'bench', logError: () => undefined });
  try {
    return await work(server);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** Parent side: the phase's child with `runs`, and the report it sent; null, said as "not measured", when the child failed. */
export async function runChildPhase<R>(phase: PhaseFile, runs: number): Promise<R | null> {
  try {
    return await new Promise<R>((done, fail) => {
      const proc = fork(phase.script, [phase.childFlag, String(runs)], { execArgv: ['--import', 'tsx'], stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
      let report: R | undefined;
      proc.on('message', (m: R) => {
        report = m;
      });
      proc.on('error', fail);
      proc.on('exit', (code) => (code === 0 && report ? done(report) : fail(new Error(`the ${phase.name} bench child exited with code ${code}`))));
    });
  } catch (e) {
    console.log(`  not measured: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
}

/**
 * The phase file run from the command line: as the child (its flag and a number of runs), it does
 * the work and sends the report to its parent; otherwise it is the parent, with `--runs N`.
 */
export function phaseMain<R>(phase: PhaseFile, child: (runs: number) => Promise<R>, parent: (runs: number) => Promise<void>, defaultRuns: number): void {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(phase.childFlag);
  if (at >= 0) {
    child(Number(argv[at + 1]))
      .then((r) => new Promise<void>((done) => process.send!(r, () => done())))
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        console.error(e);
        process.exit(1);
      });
  } else {
    const i = argv.indexOf('--runs');
    parent(Math.max(1, Number(i >= 0 ? argv[i + 1] : defaultRuns))).catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const loadAverage = () => `${loadavg()[0]!.toFixed(2)} (1 min) on ${cpus().length} CPU`;

/** The load average after a phase, and a warning when the machine was too busy to trust a verdict. */
export function printLoadAfter(aside = ''): void {
  console.log(`  load average after: ${loadAverage()}${aside}`);
  if (loadavg()[0]! > cpus().length * 0.5)
    console.log('  NOTE: the machine was busy: these times are slower than a quiet machine’s; run again before trusting a verdict.');
}

/** Where timings miss a target: the best and the median are each judged; empty when both meet it. */
export function misses(ms: number[], targetMs: number, digits: number): string[] {
  const best = Math.min(...ms);
  const med = median(ms);
  return [best > targetMs && `best ${best.toFixed(digits)} ms`, med > targetMs && `median ${med.toFixed(digits)} ms`].filter((m): m is string => !!m);
}

/** Each operation's best, median and worst run beside the target, and whether it meets it. */
export function printTimings(timings: Array<{ op: string; ms: number[] }>, targetMs: number): void {
  const head = ['operation', 'best ms', 'median ms', 'worst ms', 'target', 'verdict'];
  const rows = timings.map((t) => {
    const missed = misses(t.ms, targetMs, 1);
    return [
      t.op,
      Math.min(...t.ms).toFixed(1),
      median(t.ms).toFixed(1),
      Math.max(...t.ms).toFixed(1),
      `<= ${targetMs} ms`,
      missed.length ? `MISSES (${missed.join(', ')})` : 'meets',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`  ${line(head)}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(`  ${line(r)}`);
}
