/**
 * The figures of issue 10 side by side with xmllint, in one run: for each
 * size (5, 24, 96 MB WMO323), `iwmo validate` (levels 1 + 2, the built CLI,
 * streaming) against `xmllint --noout --schema` (level 1 only), both as a
 * whole process, alternating and medians over the repetitions, wall time,
 * CPU time and peak RSS; `iwmo validate` both as shipped (one pass on one
 * thread) and split over two threads (`--workers 2`); our in-process time (validate of a Buffer) beside xmllint's whole
 * process; and the cold start of `iwmo validate` on a small message and of
 * `import { validate } from 'iwmo'`; and `encode` of the 24 MB declaratie's
 * typed model beside xmllint parsing the same bytes. Ratios are ours /
 * xmllint's: ≤ 1 is as fast or as small.
 */
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from './lib/bundle.js';

/** A file measured: its label in the table (`24.8 MB`), path and size. */
export interface BenchFile {
  readonly label: string;
  readonly path: string;
  readonly bytes: number;
}

/** xmllint's verdict on a whole run: exit 0 and "validates" (with --schema). */
const xmllintValidated = (status: number | null, stderr: string): boolean => status === 0 && stderr.includes(' validates');

export interface RatioRow {
  readonly name: string;
  readonly oursMs: number;
  readonly xmllintMs: number;
  readonly oursRss?: number;
  readonly xmllintRss?: number;
  /** User + system CPU of our process: the steadier figure on a shared machine. */
  readonly oursCpuMs?: number;
}

interface Sample {
  readonly ms: number;
  readonly cpuMs: number;
  readonly rss: number;
  readonly ok: boolean;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One whole process under /usr/bin/time: wall from here, peak RSS from time -v. */
function timed(command: string, args: readonly string[], accept: (status: number | null, stderr: string) => boolean): Sample {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const seconds = (label: string): number => Number(new RegExp(`${label} time \\(seconds\\): ([0-9.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return { ms, cpuMs: (seconds('User') + seconds('System')) * 1000, rss: rssKb * 1024, ok: accept(r.status, r.stderr) };
}

/** A row of whole-process samples: medians of wall time, peak RSS and (ours) CPU. */
function sideBySide(name: string, ours: readonly Sample[], theirs: readonly Sample[]): RatioRow {
  return {
    name,
    oursMs: median(ours.map((s) => s.ms)),
    xmllintMs: median(theirs.map((s) => s.ms)),
    oursRss: median(ours.map((s) => s.rss)),
    xmllintRss: median(theirs.map((s) => s.rss)),
    oursCpuMs: median(ours.map((s) => s.cpuMs)),
  };
}

function alternate(reps: number, ours: () => Sample, theirs: () => Sample, alsoOurs?: () => Sample): { ours: Sample[]; theirs: Sample[]; alsoOurs: Sample[] } {
  const a: Sample[] = [];
  const b: Sample[] = [];
  const c: Sample[] = [];
  for (let i = 0; i < reps; i++) {
    b.push(theirs());
    a.push(ours());
    if (alsoOurs) c.push(alsoOurs());
  }
  return { ours: a, theirs: b, alsoOurs: c };
}

export interface RatioInputs {
  readonly root: string;
  readonly xsd: string;
  /** Label (`5 MB`) and path of each declaratie. */
  readonly files: readonly BenchFile[];
  /** A small valid message for the cold start. */
  readonly small: string;
  readonly smallXsd: string;
  readonly reps: number;
  /** The declaratie whose typed model is encoded, beside xmllint parsing (only) the same bytes. */
  readonly encodeFile?: BenchFile;
  /** The declaratie answered by `iwmo retour` (its 325), beside xmllint validating the same bytes. */
  readonly retourFile?: BenchFile;
  /** The declaratie whose whole-process time is taken apart stage by stage (bench/stages.ts). */
  readonly stagesFile?: BenchFile;
}

export function measureRatios(input: RatioInputs): RatioRow[] {
  const cli = join(input.root, 'dist/cli/main.js');
  const lib = join(input.root, 'dist/index.js');
  if (!existsSync(cli) || !existsSync(lib)) throw new Error('bench: run npm run build first (dist/ is measured as shipped)');
  const rows: RatioRow[] = [];
  for (const file of input.files) {
    process.stdout.write(`  measuring ${file.label} (whole process, ${input.reps}× alternating)…\n`);
    const { ours, theirs, alsoOurs: twoThreads } = alternate(
      input.reps,
      () => timed(process.execPath, [cli, 'validate', '--max-size', String(file.bytes), file.path], (s) => s === 0),
      () => timed('xmllint', ['--noout', '--schema', input.xsd, file.path], xmllintValidated),
      () => timed(process.execPath, [cli, 'validate', '--workers', '2', '--max-size', String(file.bytes), file.path], (s) => s === 0),
    );
    if (![...ours, ...theirs, ...twoThreads].every((s) => s.ok)) throw new Error(`bench: ${file.label} was not accepted by both`);
    rows.push(sideBySide(`whole process, ${file.label}`, ours, theirs));
    rows.push(sideBySide(`whole process, ${file.label}, two threads`, twoThreads, theirs));
    const inProcess: number[] = [];
    for (let i = 0; i < input.reps; i++) {
      const script = `import { readFileSync } from 'node:fs'; import { validate } from ${JSON.stringify(lib)}; const b = readFileSync(${JSON.stringify(file.path)}); const t = performance.now(); const r = validate(b, { maxBytes: ${file.bytes} }); console.log(r.accepted ? performance.now() - t : -1);`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      inProcess.push(Number(r.stdout.trim()));
    }
    rows.push({ name: `in process (validate of a Buffer), ${file.label}`, oursMs: median(inProcess), xmllintMs: rows.at(-1)!.xmllintMs });
  }
  process.stdout.write('  measuring cold start…\n');
  const cold = alternate(
    input.reps,
    () => timed(process.execPath, [cli, 'validate', input.small], (s) => s === 0),
    () => timed('xmllint', ['--noout', '--schema', input.smallXsd, input.small], xmllintValidated),
  );
  rows.push(sideBySide('cold start: validate a small message', cold.ours, cold.theirs));
  const importLib = alternate(
    input.reps,
    () => timed(process.execPath, ['--input-type=module', '-e', `import { validate } from ${JSON.stringify(lib)}; if (typeof validate !== 'function') process.exit(1);`], (s) => s === 0),
    () => timed(process.execPath, ['-e', '0'], (s) => s === 0),
  );
  rows.push({ name: "cold start: import { validate } (vs bare node)", oursMs: median(importLib.ours.map((s) => s.ms)), xmllintMs: median(importLib.theirs.map((s) => s.ms)), oursRss: median(importLib.ours.map((s) => s.rss)), xmllintRss: median(importLib.theirs.map((s) => s.rss)) });
  if (input.retourFile) {
    const file = input.retourFile;
    process.stdout.write(`  measuring the retour of ${file.label} (whole process, ${input.reps}× alternating)…\n`);
    const retour = alternate(
      input.reps,
      () => timed(process.execPath, [cli, 'retour', '--max-size', String(file.bytes), file.path], (s) => s === 0),
      () => timed('xmllint', ['--noout', '--schema', input.xsd, file.path], xmllintValidated),
    );
    if (![...retour.ours, ...retour.theirs].every((s) => s.ok)) throw new Error(`bench: the retour of ${file.label} failed`);
    rows.push(sideBySide(`retour: the 325 of ${file.label}, whole process`, retour.ours, retour.theirs));
  }
  if (input.stagesFile) rows.push(...measureStages(input.root, input.xsd, input.stagesFile, input.reps));
  if (input.encodeFile) rows.push(measureEncode(lib, input.encodeFile, input.reps));
  return rows;
}

/**
 * The whole-process time of validating one declaratie, one stage more per
 * row (bench/stages.ts, bundled from the sources): reading only, the byte
 * tokenizer alone, level 1 (the typed model and the XSD checks), levels 1 + 2;
 * and levels 1 + 2 in process once the code is compiled (the fourth run in one
 * process). The reading stages stand beside `xmllint --noout` (parse only),
 * the validating ones beside `xmllint --noout --schema`.
 */
function measureStages(root: string, xsd: string, file: BenchFile, reps: number): RatioRow[] {
  process.stdout.write(`  measuring the stages of ${file.label} (whole process, ${reps}× alternating)…\n`);
  // Under artifacts/ (ignored by git and eslint): a bundle is a build product.
  const probe = join(root, 'artifacts/bench/stages.mjs');
  bundleForNode(join(root, 'bench/stages.ts'), probe);
  const modes = ['read', 'tokenize', 'level-1', 'levels-1-2'] as const;
  const ours = new Map<string, Sample[]>(modes.map((mode) => [mode, []]));
  const parseOnly: Sample[] = [];
  const schema: Sample[] = [];
  const warm: number[] = [];
  for (let i = 0; i < reps; i++) {
    parseOnly.push(timed('xmllint', ['--noout', file.path], (s) => s === 0));
    schema.push(timed('xmllint', ['--noout', '--schema', xsd, file.path], xmllintValidated));
    for (const mode of modes) ours.get(mode)!.push(timed(process.execPath, [probe, mode, file.path], (s) => s === 0));
    const r = spawnSync(process.execPath, [probe, 'levels-1-2-warm', file.path], { encoding: 'utf8' });
    warm.push(r.status === 0 ? Number(r.stdout.trim()) : NaN);
  }
  const all = [...parseOnly, ...schema, ...[...ours.values()].flat()];
  if (!all.every((s) => s.ok) || !warm.every((ms) => ms >= 0)) throw new Error(`bench: a stage of ${file.label} failed`);
  const stage = (mode: string): Sample[] => ours.get(mode)!;
  return [
    sideBySide(`stages of ${file.label}: start, read the chunks (vs xmllint --noout)`, stage('read'), parseOnly),
    sideBySide(`stages of ${file.label}: + byte tokenizer (vs xmllint --noout)`, stage('tokenize'), parseOnly),
    sideBySide(`stages of ${file.label}: + typed model, level 1 (vs --schema)`, stage('level-1'), schema),
    sideBySide(`stages of ${file.label}: + level 2 (vs --schema)`, stage('levels-1-2'), schema),
    { name: `stages of ${file.label}: levels 1 + 2 in process, 4th run (vs --schema)`, oursMs: median(warm), xmllintMs: median(schema.map((s) => s.ms)) },
  ];
}

/**
 * Encode (typed message → XML text, every leaf checked) in process, in a
 * fresh process each time, against `xmllint --noout` (parse only, no schema)
 * of the bytes encode writes. CPU time on both sides, as the machine may be
 * shared: ours around `encode` alone (all of the process's threads, so the
 * collector's too), xmllint's whole process. Output MB per CPU second of each
 * is in the row's name.
 */
function measureEncode(lib: string, file: BenchFile, reps: number): RatioRow {
  process.stdout.write(`  measuring encode of ${file.label} (${reps}× alternating)…\n`);
  const script = `import { readFileSync } from 'node:fs'; import { decode, encode } from ${JSON.stringify(lib)}; const m = decode(readFileSync(${JSON.stringify(file.path)}), { maxBytes: ${file.bytes}, locations: false }).value; const c = process.cpuUsage(); const xml = encode(m); const used = process.cpuUsage(c); console.log(xml.length === ${file.bytes} ? (used.user + used.system) / 1000 : -1);`;
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const lint = spawnSync('/usr/bin/time', ['-v', 'xmllint', '--noout', file.path], { encoding: 'utf8' });
    const seconds = (label: string): number => Number(new RegExp(`${label} time \\(seconds\\): ([0-9.]+)`).exec(lint.stderr)?.[1] ?? NaN);
    const lintMs = (seconds('User') + seconds('System')) * 1000;
    if (lint.status !== 0 || !(lintMs >= 0)) throw new Error(`bench: xmllint --noout refused ${file.label}`);
    theirs.push(lintMs);
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const ms = Number(r.stdout.trim());
    if (!(ms >= 0)) throw new Error(`bench: encode of ${file.label} did not write the same ${file.bytes} bytes`);
    ours.push(ms);
  }
  const oursMs = median(ours);
  const xmllintMs = median(theirs);
  const mbps = (ms: number): string => `${(file.bytes / 1e3 / ms).toFixed(0)} MB/s`;
  return { name: `CPU: encode ${file.label} (${mbps(oursMs)}) vs xmllint --noout (${mbps(xmllintMs)})`, oursMs, xmllintMs, oursCpuMs: oursMs };
}

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('bench: no free port'))));
    });
  });
}

/**
 * `iwmo serve` (the built CLI, its default worker threads) answering POSTs
 * of one declaratie to /v1/validate, one after another, each beside a whole
 * `xmllint --schema` run on the same file: the first request, when the
 * worker's code is still cold, and the median of the later ones, once V8 has
 * compiled it; the time runs from sending the body to the end of the answer.
 * The service's peak RSS (VmHWM, Linux) is read at the end.
 */
export async function measureService(root: string, xsd: string, file: BenchFile, requests: number): Promise<RatioRow[]> {
  process.stdout.write(`  measuring iwmo serve on ${file.label} (${requests} requests, each beside xmllint)…\n`);
  const port = await freePort();
  // Its own folder: the service makes its dossier database in the working folder.
  const cwd = mkdtempSync(join(tmpdir(), 'iwmo-bench-serve-'));
  const service = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--body-limit', String(file.bytes)], { cwd, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (i === 100) throw new Error('bench: iwmo serve did not start');
      if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const body = readFileSync(file.path);
    const ours: number[] = [];
    const theirs: Sample[] = [];
    for (let i = 0; i < requests; i++) {
      theirs.push(timed('xmllint', ['--noout', '--schema', xsd, file.path], xmllintValidated));
      const start = performance.now();
      const response = await fetch(`${url}/v1/validate`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body });
      const report = (await response.json()) as { accepted?: boolean };
      ours.push(performance.now() - start);
      if (!response.ok || report.accepted !== true) throw new Error(`bench: iwmo serve did not accept ${file.label}`);
    }
    if (!theirs.every((s) => s.ok)) throw new Error(`bench: xmllint did not accept ${file.label}`);
    const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
    const lint = median(theirs.map((s) => s.ms));
    const lintRss = median(theirs.map((s) => s.rss));
    return [
      { name: `iwmo serve: POST ${file.label} to /v1/validate, first request`, oursMs: ours[0]!, xmllintMs: lint },
      { name: `iwmo serve: POST ${file.label} to /v1/validate, requests 2–${requests} (the same worker, warm)`, oursMs: median(ours.slice(1)), xmllintMs: lint, oursRss: peak, xmllintRss: lintRss },
    ];
  } finally {
    service.kill();
    rmSync(cwd, { recursive: true, force: true });
  }
}

export function printRatios(rows: readonly RatioRow[]): void {
  const mib = (b: number | undefined): string => (b === undefined ? '–' : `${(b / 2 ** 20).toFixed(0)} MiB`);
  const header = ['side by side (medians)', 'ours', 'xmllint', 'time ratio', 'ours CPU', 'ours RSS', 'xmllint RSS', 'RSS ratio'];
  const lines = rows.map((r) => [
    r.name,
    `${r.oursMs.toFixed(0)} ms`,
    `${r.xmllintMs.toFixed(0)} ms`,
    `${(r.oursMs / r.xmllintMs).toFixed(2)}×`,
    r.oursCpuMs === undefined ? '–' : `${r.oursCpuMs.toFixed(0)} ms`,
    mib(r.oursRss),
    mib(r.xmllintRss),
    r.oursRss && r.xmllintRss ? `${(r.oursRss / r.xmllintRss).toFixed(2)}×` : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  // Ours runs on the Node that runs the bench (process.execPath): run it with another Node to compare releases.
  console.log(`ours on Node ${process.versions.node} (V8 ${process.versions.v8}); ${execSync('xmllint --version 2>&1').toString().split('\n')[0]}`);
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(format(l));
  // The memory bound: the largest declaratie against the 24 MB one, as shipped and split.
  const whole = rows.filter((r) => r.name.startsWith('whole process, ') && r.oursRss !== undefined);
  for (const suffix of ['', ', two threads']) {
    const same = whole.filter((r) => r.name.endsWith(suffix) && (suffix !== '' || !r.name.endsWith(', two threads')));
    const middle = same.find((r) => /2\d(\.\d)? MB/.test(r.name));
    const largest = same.at(-1);
    if (middle && largest && middle !== largest) console.log(`peak RSS ${largest.name.replace('whole process, ', '')} / ${middle.name.replace('whole process, ', '')}: ${(largest.oursRss! / middle.oursRss!).toFixed(2)}×`);
  }
}
