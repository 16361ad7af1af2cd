/**
 * The PDF engine: a 3-part meeting pack (cover, contents, a paper with a table and a PDF
 * appendix) from cold (the browser launched) and warm, and a synthetic 40-part, ~200-page pack,
 * beside the targets. Peak memory counts this process and the browser's processes together
 * (sampled from /proc on Linux; elsewhere this process only).
 *
 *   npx tsx scripts/bench/pdf.ts            (or, wired in, as part of npm run bench)
 *   npx tsx scripts/bench/pdf.ts --runs 5   warm runs of the meeting pack (default 3)
 *
 * `benchPdf()` returns the figures and `printPdfBench()` prints them, for run.ts to call; run it
 * in its own process, so its peak memory is the PDF build's alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { findBrowser, playwrightEngine } from '../../electron/server/documents/pdf/browser';
import { buildPdf } from '../../electron/server/documents/pdf/build-pdf';
import type { PdfInput, PdfPart } from '../../electron/server/documents/pdf/types';

export const PDF_TARGETS = { warmS: 3, coldS: 6, bigS: 15, bigMb: 600 } as const;

export interface PdfBenchResult {
  browser: string;
  coldS: number;
  warmS: number[];
  meetingPages: number;
  bigS: number;
  bigPages: number;
  /** Peak resident memory of this process and the browser's, MB; null where not measurable. */
  bigPeakMb: number | null;
  ownPeakMb: number;
  /** CPU seconds of this process and the browser for each build; null where not measurable. */
  coldCpuS: number | null;
  warmCpuS: number | null;
  bigCpuS: number | null;
  coldSteps: Record<string, number>;
  bigSteps: Record<string, number>;
}

const LOREM =
  'The high needs block is forecast to overspend by £3,749,700 at period 7, mainly on independent and non-maintained special school places, where the number of placements has risen by 14 since April.';

function paper(n: number, paragraphs: number, rows: number): string {
  const table = `<table><caption>Table ${n}: forecast by line</caption><thead><tr><th>Line</th><th>Budget</th><th>Forecast</th><th>Variance</th></tr></thead><tbody>${Array.from(
    { length: rows },
    (_, r) =>
      `<tr><td>Line ${r + 1}</td><td>£${(1_000_000 + r * 7919).toLocaleString('en-GB')}</td><td>£${(1_050_000 + r * 8111).toLocaleString('en-GB')}</td><td>£${(50_000 + r * 192).toLocaleString('en-GB')}</td></tr>`,
  ).join('')}</tbody></table>`;
  const text = Array.from({ length: paragraphs }, (_, i) => `<p>${n}.${i + 1} ${LOREM}</p>`).join('');
  return `<h1>Item ${n}: paper ${n}</h1><h2>1 Purpose</h2>${text}<h2>2 Figures</h2>${table}<h2>3 Recommendations</h2>${text}`;
}

const CSS =
  'h1{font-size:18pt} table{border-collapse:collapse;width:100%;font-size:9pt} th,td{border:1px solid #888;padding:2pt 4pt;text-align:right} th:first-child,td:first-child{text-align:left}';

async function appendix(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Appendix page ${i + 1}`, { x: 72, y: 760, size: 14, font });
  return doc.save();
}

function pack(parts: PdfPart[]): PdfInput {
  return {
    title: 'Schools Forum, 10 December 2026',
    lang: 'en-GB',
    createdAt: new Date('2026-12-01T09:00:00Z'),
    footer: 'Schools Forum · 10 December 2026',
    css: CSS,
    parts: [
      { kind: 'html', id: 'cover', bookmark: 'Cover', html: '<h1>Schools Forum</h1><p>Thursday 10 December 2026 at 2pm, Council Chamber</p>' },
      { kind: 'html', id: 'contents', bookmark: 'Contents', html: '' },
      ...parts,
    ],
    contentsPartId: 'contents',
    renderContents: (starts) =>
      `<h1>Contents</h1><table>${parts.map((p) => `<tr><td>${p.kind === 'pdf' ? p.title : p.bookmark}</td><td>${starts[p.id]}</td></tr>`).join('')}</table>`,
  };
}

/**
 * Memory of a process and all its descendants, MB (Linux /proc); null elsewhere. Each process
 * counts its proportional share (Pss) of pages it shares with others: the browser's processes
 * share most of theirs, and adding their resident sizes would count those pages many times.
 */
function treeMemoryMb(root: number): number | null {
  if (process.platform !== 'linux') return null;
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number) => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += pss ? Number(pss[1]) / 1024 : 0;
    } catch {
      // Gone since.
    }
  }
  return total;
}

/**
 * CPU seconds used so far by a process and its descendants (Linux /proc), those that ended
 * included through the ancestor that waited for them; null elsewhere. Unlike the time on the
 * clock, other work on the machine does not change it.
 */
function treeCpuS(root: number): number | null {
  if (process.platform !== 'linux') return null;
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(f[1]));
      // utime, stime, cutime, cstime, in clock ticks (100 a second on Linux).
      cpu.set(pid, (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100);
    } catch {
      // Gone since.
    }
  }
  let total = 0;
  for (const [pid, seconds] of cpu) {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) {
      if (p === root) {
        total += seconds;
        break;
      }
    }
  }
  return total;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
}

/** Seconds each step of a build took, from its progress reports. */
function stepClock(): { onProgress: (step: string) => void; steps: Record<string, number> } {
  const steps: Record<string, number> = {};
  let last = performance.now();
  let current: string | undefined;
  return {
    steps,
    onProgress(step) {
      const now = performance.now();
      if (current) steps[current] = (steps[current] ?? 0) + (now - last) / 1000;
      current = step;
      last = now;
    },
  };
}

export async function benchPdf(options: { runs?: number } = {}): Promise<PdfBenchResult> {
  const browser = findBrowser();
  if (!browser) throw new Error('no Chromium-family browser found (set HNB_BROWSER)');
  const meeting = pack([
    { kind: 'html', id: 'item1', bookmark: '1 High needs monitoring', html: paper(1, 6, 40) },
    { kind: 'pdf', id: 'app1', bookmark: 'Appendix 1A', title: 'Appendix 1A: placements', bytes: await appendix(2) },
  ]);
  const engine = playwrightEngine({ executablePath: browser.path });
  try {
    const cpu = () => treeCpuS(process.pid) ?? Number.NaN;
    const coldClock = stepClock();
    let cpuAt = cpu();
    const [cold, coldS] = await timed(() => buildPdf(meeting, engine, { onProgress: coldClock.onProgress }));
    const coldCpuS = cpu() - cpuAt;
    const warmS: number[] = [];
    cpuAt = cpu();
    for (let i = 0; i < (options.runs ?? 3); i++) warmS.push((await timed(() => buildPdf(meeting, engine)))[1]);
    const warmCpuS = (cpu() - cpuAt) / (options.runs ?? 3);

    const parts: PdfPart[] = [];
    for (let n = 1; n <= 38; n++) {
      parts.push({ kind: 'html', id: `item${n}`, bookmark: `Item ${n}`, html: paper(n, 11, 100), landscape: n % 9 === 0 });
      if (n % 10 === 0) parts.push({ kind: 'pdf', id: `app${n}`, bookmark: `Appendix ${n}A`, title: `Appendix ${n}A`, bytes: await appendix(3) });
    }
    let peak = treeMemoryMb(process.pid) ?? 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeMemoryMb(process.pid) ?? 0);
    }, 100);
    const bigClock = stepClock();
    cpuAt = cpu();
    const [big, bigS] = await timed(() => buildPdf(pack(parts), engine, { onProgress: bigClock.onProgress })).finally(() => clearInterval(sampler));
    return {
      browser: `${browser.name} (${browser.path})`,
      coldS,
      warmS,
      meetingPages: cold.pages,
      bigS,
      bigPages: big.pages,
      bigPeakMb: process.platform === 'linux' ? peak : null,
      ownPeakMb: process.resourceUsage().maxRSS / 1024,
      coldCpuS: Number.isNaN(coldCpuS) ? null : coldCpuS,
      warmCpuS: Number.isNaN(warmCpuS) ? null : warmCpuS,
      bigCpuS: Number.isNaN(cpuAt) ? null : cpu() - cpuAt,
      coldSteps: coldClock.steps,
      bigSteps: bigClock.steps,
    };
  } finally {
    await engine.close();
  }
}

export function printPdfBench(r: PdfBenchResult): void {
  const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  const warmBest = Math.min(...r.warmS);
  const warmMedian = [...r.warmS].sort((a, b) => a - b)[Math.floor(r.warmS.length / 2)] ?? Number.NaN;
  console.log(`\nPDF packs (browser: ${r.browser})`);
  console.log(
    `  meeting pack, ${r.meetingPages} pages, cold (browser launched)   ${r.coldS.toFixed(2).padStart(6)} s   target ≤ ${PDF_TARGETS.coldS} s   ${verdict(r.coldS <= PDF_TARGETS.coldS)}`,
  );
  console.log(
    `  meeting pack, warm (best / median of ${r.warmS.length})          ${warmBest.toFixed(2).padStart(6)} s / ${warmMedian.toFixed(2)} s   target ≤ ${PDF_TARGETS.warmS} s   ${verdict(warmMedian <= PDF_TARGETS.warmS)}`,
  );
  console.log(
    `  40 parts, ${r.bigPages} pages, warm                       ${r.bigS.toFixed(2).padStart(6)} s   target ≤ ${PDF_TARGETS.bigS} s   ${verdict(r.bigS <= PDF_TARGETS.bigS)}`,
  );
  const mem =
    r.bigPeakMb === null
      ? `n/a (this process alone ${r.ownPeakMb.toFixed(0)} MB)`
      : `${r.bigPeakMb.toFixed(0)} MB (this process alone ${r.ownPeakMb.toFixed(0)} MB)`;
  const cpuOf = (s: number | null) => (s === null ? 'n/a' : `${s.toFixed(2)} s`);
  console.log(`  CPU time, this process and the browser: cold ${cpuOf(r.coldCpuS)}, warm ${cpuOf(r.warmCpuS)} a build, 40 parts ${cpuOf(r.bigCpuS)}`);
  console.log('    (other work on the machine stretches the clock times above but not the CPU time; on a quiet machine the clock time is about this or less)');
  const steps = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([step, s]) => `${step.toLowerCase()} ${s.toFixed(2)}`)
      .join(', ');
  console.log(`    cold steps (s): ${steps(r.coldSteps)}`);
  console.log(`    40-part steps (s): ${steps(r.bigSteps)}`);
  console.log(
    `  40 parts, peak memory with the browser          ${mem}   target < ${PDF_TARGETS.bigMb} MB   ${r.bigPeakMb === null ? '' : verdict(r.bigPeakMb < PDF_TARGETS.bigMb)}`,
  );
}

if (require.main === module) {
  const at = process.argv.indexOf('--runs');
  benchPdf({ runs: at > 0 ? Number(process.argv[at + 1]) : 3 })
    .then(printPdfBench)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
