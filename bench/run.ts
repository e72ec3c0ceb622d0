/**
 * npm run bench: level-1 throughput and memory of our decoder against the
 * official chain's level 1 (xmllint --schema), on the same ~25 MB WMO323.
 *
 * Every measurement of ours runs in a fresh node process (bench/worker.ts,
 * bundled), so its peak RSS is that tool's alone; xmllint's peak RSS comes
 * from /usr/bin/time -v. Medians over several repetitions. Also: validate
 * (levels 1+2) at 5 and 25 MB for linearity, encode and generation
 * throughput, and the alternatives fast-xml-parser (parse only) and
 * xmlbuilder2 (build).
 *
 * Writes bench/out/WMO323-*.xml and bench/out/results.json (git-ignored); the
 * bundled worker goes to artifacts/bench/.
 * First of all, the side-by-side ratios against xmllint (bench/ratios.ts):
 * whole process and in process at 5, 24 and 96 MB, the cold start, and the
 * 24 MB run taken apart stage by stage (bench/stages.ts: reading, the byte
 * tokenizer, level 1, level 2, and level 2 once compiled); and `iwmo serve`
 * answering POSTs of the 24 MB declaratie, cold and warm.
 * Options: --reps N (default 5), --skip-builder (leave out xmlbuilder2),
 * --ratios-only (only the side-by-side table).
 * Never a timed test: numbers depend on the machine.
 */
import { loadTest } from './load.js';
import { measureRatios, measureService, printRatios } from './ratios.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './lib/bundle.js';
import { encode } from '../src/index.js';
import { buildDeclaratie } from './lib/declaratie.js';
import type { WorkerResult } from './worker.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const OUT = join(HERE, 'out');
// The shared folder sits beside the checkout (or beside the folder of worktrees).
const SHARED = [resolve(ROOT, '../shared'), resolve(ROOT, '../../shared')].find((dir) => existsSync(dir)) ?? resolve(ROOT, '../shared');
const XSD = join(SHARED, 'conformance/iwmo-3.2/xsd/WMO323.xsd');
const args = process.argv.slice(2);
const REPS = Number(args[args.indexOf('--reps') + 1] || 5) || 5;
const SKIP_BUILDER = args.includes('--skip-builder');
const RATIOS_ONLY = args.includes('--ratios-only');
const MB = 1e6;

const CLIENTS_LARGE = 16_000;
const CLIENTS_SMALL = 3_200;
const CLIENTS_HUGE = 64_000;
const SMALL_MESSAGE = join(ROOT, 'fixtures/messages/WMO305/start.xml');

interface Sample {
  readonly ms: number;
  readonly maxRss?: number;
  readonly outputBytes?: number;
  readonly ok: boolean;
  readonly note?: string;
}

interface Row {
  readonly name: string;
  readonly file: 'large' | 'small';
  readonly bytes: number;
  readonly samples: readonly Sample[];
  readonly medianMs: number;
  readonly mbPerSecond: number;
  readonly peakRss?: number;
  readonly rssPerFileSize?: number;
  readonly ok: boolean;
  readonly note?: string;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function row(name: string, file: Row['file'], bytes: number, samples: Sample[], throughputBytes?: number): Row {
  const good = samples.filter((s) => s.ok);
  const medianMs = good.length ? median(good.map((s) => s.ms)) : NaN;
  const rss = good.map((s) => s.maxRss).filter((r): r is number => r !== undefined);
  const peakRss = rss.length ? median(rss) : undefined;
  const notes = [...new Set(samples.map((s) => s.note).filter(Boolean))];
  return {
    name,
    file,
    bytes,
    samples,
    medianMs,
    mbPerSecond: (throughputBytes ?? bytes) / MB / (medianMs / 1000),
    ...(peakRss !== undefined ? { peakRss, rssPerFileSize: peakRss / bytes } : {}),
    ok: good.length === samples.length && samples.length > 0,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

// --- the input

function writeInput(clients: number): { path: string; bytes: number } {
  const xml = encode(buildDeclaratie(clients));
  const path = join(OUT, `WMO323-${clients}-clients.xml`);
  writeFileSync(path, xml);
  return { path, bytes: Buffer.byteLength(xml) };
}

// --- xmllint

function xmllint(file: string, stream = false): Sample {
  const argsFor = ['-v', 'xmllint', '--noout', ...(stream ? ['--stream'] : []), '--schema', XSD, file];
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', argsFor, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  const rssKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  const ok = r.status === 0 && r.stderr.includes(' validates');
  return { ms, ok, ...(rssKb ? { maxRss: Number(rssKb) * 1024 } : {}), ...(ok ? {} : { note: r.stderr.split('\n').find((l) => l.includes('error')) ?? `exit ${r.status}` }) };
}

// --- our side, one fresh process per sample

function bundleWorker(): string {
  // Under artifacts/ (ignored by git and eslint): a bundle is a build product, not a result.
  const outfile = join(ROOT, 'artifacts/bench/worker.mjs');
  bundleForNode(join(HERE, 'worker.ts'), outfile);
  return outfile;
}

function worker(script: string, mode: string, file: string, timeoutMs = 120_000): Sample {
  const r = spawnSync(process.execPath, [script, mode, file], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split('\n').at(-1);
  if (r.status !== 0 || !line) {
    const reason = r.signal ? `killed (${r.signal})` : /heap out of memory/i.test(r.stderr) ? 'out of memory (default heap)' : `exit ${r.status}`;
    return { ms: NaN, ok: false, note: reason };
  }
  const result = JSON.parse(line) as WorkerResult;
  return {
    ms: result.ms,
    maxRss: result.maxRss,
    ok: result.ok,
    ...(result.outputBytes !== undefined ? { outputBytes: result.outputBytes } : {}),
    ...(result.note ? { note: result.note } : {}),
  };
}

const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

// --- report

const fmtMb = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${(bytes / MB).toFixed(1)} MB`);
const fmtMs = (ms: number): string => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : 'failed');

function printTable(rows: readonly Row[]): void {
  const header = ['measurement', 'input', 'median', 'MB/s', 'peak RSS', 'RSS/file', 'ok'];
  const lines = rows.map((r) => [
    r.name,
    fmtMb(r.bytes),
    fmtMs(r.medianMs),
    Number.isFinite(r.mbPerSecond) ? r.mbPerSecond.toFixed(1) : '–',
    fmtMb(r.peakRss),
    r.rssPerFileSize !== undefined ? `${r.rssPerFileSize.toFixed(2)}×` : '–',
    r.ok ? 'yes' : `NO${r.note ? ` (${r.note})` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(format(l));
}

async function main(): Promise<number> {
  if (!existsSync(XSD)) {
    console.error(`bench: ${XSD} not found (needs ../shared).`);
    return 1;
  }
  if (!existsSync('/usr/bin/time')) {
    console.error('bench: /usr/bin/time not found (Debian: apt-get install -y time); needed for xmllint\'s peak RSS.');
    return 1;
  }
  mkdirSync(OUT, { recursive: true });
  const started = performance.now();
  console.log(`bench: node ${process.versions.node}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${REPS} repetitions, medians\n`);

  const large = writeInput(CLIENTS_LARGE);
  const small = writeInput(CLIENTS_SMALL);
  const huge = writeInput(CLIENTS_HUGE);
  console.log(`input: ${fmtMb(large.bytes)} WMO323 with ${CLIENTS_LARGE} clients (${large.path}); ${fmtMb(small.bytes)} with ${CLIENTS_SMALL} clients; ${fmtMb(huge.bytes)} with ${CLIENTS_HUGE}`);

  const ratioRows = measureRatios({
    root: ROOT,
    xsd: XSD,
    files: [
      { label: fmtMb(small.bytes), ...small },
      { label: fmtMb(large.bytes), ...large },
      { label: fmtMb(huge.bytes), ...huge },
    ],
    small: SMALL_MESSAGE,
    smallXsd: join(SHARED, 'conformance/iwmo-3.2/xsd/WMO305.xsd'),
    reps: REPS,
    encodeFile: { label: fmtMb(large.bytes), ...large },
    retourFile: { label: fmtMb(large.bytes), ...large },
    stagesFile: { label: fmtMb(large.bytes), ...large },
  });
  ratioRows.push(...(await measureService(ROOT, XSD, { label: fmtMb(large.bytes), ...large }, REPS + 2)));
  console.log('');
  printRatios(ratioRows);
  if (RATIOS_ONLY) {
    writeFileSync(join(OUT, 'ratios.json'), JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, reps: REPS, rows: ratioRows }, null, 2) + '\n');
    return 0;
  }
  console.log('');
  const script = bundleWorker();

  const rows: Row[] = [];
  const step = (label: string): void => {
    process.stdout.write(`  measuring ${label}…\n`);
  };

  step('xmllint');
  const lint = row('xmllint --schema (official level 1)', 'large', large.bytes, times(REPS, () => xmllint(large.path)));
  if (!lint.ok) console.error(`the generated file does not pass xmllint: ${lint.note}`);
  rows.push(lint);
  rows.push(row('xmllint --stream --schema', 'large', large.bytes, times(Math.min(REPS, 3), () => xmllint(large.path, true))));

  step('our decode');
  const baseline = row('node + iwmo loaded + file in a Buffer', 'large', large.bytes, [worker(script, 'baseline', large.path)]);
  const ours = row('iwmo decode (level 1, from a Buffer)', 'large', large.bytes, times(REPS, () => worker(script, 'decode', large.path)));
  const warm = row('iwmo decode, warm (runs 2–4 in one process)', 'large', large.bytes, times(3, () => worker(script, 'decode-warm', large.path)));
  const noLocations = row('iwmo decode, locations: false', 'large', large.bytes, times(3, () => worker(script, 'decode-no-locations', large.path)));
  rows.push(ours, warm, noLocations, baseline);

  step('validate at 5 and 25 MB');
  const validateSmall = row('iwmo validate (levels 1+2), 5 MB', 'small', small.bytes, times(3, () => worker(script, 'validate', small.path)));
  const validateLarge = row('iwmo validate (levels 1+2), 25 MB', 'large', large.bytes, times(3, () => worker(script, 'validate', large.path)));
  rows.push(validateSmall, validateLarge);

  step('encode');
  const encodeSamples = times(3, () => worker(script, 'encode', large.path));
  rows.push(row('iwmo encode (typed message → XML text)', 'large', large.bytes, encodeSamples, encodeSamples[0]?.outputBytes));

  step('generation');
  const generateSamples = times(3, () => worker(script, 'generate', large.path));
  rows.push(row('generate the declaratie (bench/lib) + encode', 'large', large.bytes, generateSamples, generateSamples[0]?.outputBytes));
  const randomSamples = times(3, () => worker(script, 'generate-random', large.path));
  rows.push(row('generateMessages WMO323 ×1000 (arbitraries) + encode', 'large', randomSamples[0]?.outputBytes ?? 0, randomSamples));

  step('fast-xml-parser');
  rows.push(row('fast-xml-parser parse only (parseTagValue: false)', 'large', large.bytes, times(3, () => worker(script, 'fxp', large.path))));

  if (!SKIP_BUILDER) {
    step('xmlbuilder2 (slow)');
    let builder = row('xmlbuilder2 build (from the parsed object), 25 MB', 'large', large.bytes, [worker(script, 'xmlbuilder2', large.path, 150_000)]);
    if (!builder.ok) {
      console.log(`  xmlbuilder2 at 25 MB: ${builder.note}; measuring at 5 MB instead`);
      rows.push(builder);
      builder = row('xmlbuilder2 build (from the parsed object), 5 MB', 'small', small.bytes, [worker(script, 'xmlbuilder2', small.path, 150_000)]);
    }
    rows.push({ ...builder, mbPerSecond: (builder.samples[0]?.outputBytes ?? builder.bytes) / MB / (builder.medianMs / 1000) });
  }

  console.log('');
  printTable(rows);

  const sizeRatio = large.bytes / small.bytes;
  const validateRatio = validateLarge.medianMs / validateSmall.medianMs;
  const ratios = {
    throughputOursOverXmllint: ours.mbPerSecond / lint.mbPerSecond,
    throughputOursWarmOverXmllint: warm.mbPerSecond / lint.mbPerSecond,
    peakRssOursOverXmllint: ours.peakRss && lint.peakRss ? ours.peakRss / lint.peakRss : undefined,
    peakRssOursPerFileSize: ours.rssPerFileSize,
    peakRssXmllintPerFileSize: lint.rssPerFileSize,
    decodeOwnRssPerFileSize: ours.peakRss && baseline.peakRss ? (ours.peakRss - baseline.peakRss) / large.bytes : undefined,
    validateTimeRatio25over5: validateRatio,
    validateSizeRatio25over5: sizeRatio,
    validateLinear: validateRatio <= 5.5,
  };
  console.log('');
  console.log(`ours / xmllint throughput:      ${ratios.throughputOursOverXmllint.toFixed(2)}× (${ours.mbPerSecond.toFixed(1)} vs ${lint.mbPerSecond.toFixed(1)} MB/s, fresh process each, xmllint includes compiling the XSD)`);
  console.log(`ours warm / xmllint throughput: ${ratios.throughputOursWarmOverXmllint.toFixed(2)}× (${warm.mbPerSecond.toFixed(1)} MB/s once the JIT is warm)`);
  if (ratios.peakRssOursOverXmllint !== undefined) console.log(`ours / xmllint peak RSS:        ${ratios.peakRssOursOverXmllint.toFixed(2)}× (${fmtMb(ours.peakRss)} vs ${fmtMb(lint.peakRss)})`);
  console.log(`peak RSS as a multiple of file: ours ${ratios.peakRssOursPerFileSize?.toFixed(2)}×, xmllint ${ratios.peakRssXmllintPerFileSize?.toFixed(2)}×; decode's own share above node + Buffer ${ratios.decodeOwnRssPerFileSize?.toFixed(2)}×`);
  console.log(`validate 25 MB / 5 MB time:     ${validateRatio.toFixed(2)}× for ${sizeRatio.toFixed(2)}× the bytes (limit 5.5×): ${ratios.validateLinear ? 'linear' : 'NOT linear'}`);
  const load = await loadTest();
  console.log(`HTTP load (loopback):           ${load.requestsPerSecond.toFixed(0)} req/s, p99 ${load.latencyP99Ms} ms for a ${load.bodyBytes} B WMO305 (${load.connections} connections, ${load.seconds} s; non-2xx ${load.non2xx}, errors ${load.errors})`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nbench took ${seconds.toFixed(0)} s`);

  const results = {
    date: new Date().toISOString(),
    machine: { node: process.versions.node, cpus: cpus().length, cpuModel: cpus()[0]?.model, totalMemory: totalmem() },
    input: { large: { clients: CLIENTS_LARGE, bytes: large.bytes }, small: { clients: CLIENTS_SMALL, bytes: small.bytes } },
    repetitions: REPS,
    ratios: ratioRows,
    rows,
    throughput: ratios,
    load,
    seconds,
  };
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`results: ${join(OUT, 'results.json')}`);
  return lint.ok && ours.ok ? 0 : 1;
}

process.exitCode = await main();
