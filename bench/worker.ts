/**
 * One measurement in a fresh process, so peak RSS belongs to that one tool.
 * bench/run.ts bundles this file (with the library) and runs it with plain
 * node: `node artifacts/bench/worker.mjs <mode> <file>`; it prints one JSON line.
 *
 * Modes: baseline (read the file only), decode, decode-warm (runs 2–4 in one
 * process), decode-no-locations (without line numbers), validate, encode (of the
 * decoded message), fxp (fast-xml-parser, parse only), xmlbuilder2 (build
 * XML from the object fast-xml-parser gives for the same file), generate
 * (build the benchmark's declaratie of 16 000 clients and encode it) and
 * generate-random (1 000 random WMO323s from the arbitraries, encoded).
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import { decode, encode, isError, validate } from '../src/index.js';
import { generateMessages } from '../src/generate/index.js';
import { buildDeclaratie } from './lib/declaratie.js';

export interface WorkerResult {
  readonly mode: string;
  readonly bytes: number;
  /** Wall time of the measured operation only (not start-up, not reading the file). */
  readonly ms: number;
  /** Bytes produced, for encode and xmlbuilder2. */
  readonly outputBytes?: number;
  /** Peak resident set size of this process, bytes. */
  readonly maxRss: number;
  readonly ok: boolean;
  readonly note?: string;
}

const [mode = 'decode', file = ''] = process.argv.slice(2);
const buffer = readFileSync(file);
const fxpOptions = { parseTagValue: false, ignoreAttributes: false, attributeNamePrefix: '@', ignoreDeclaration: true, trimValues: true } as const;

function measure(): Omit<WorkerResult, 'mode' | 'bytes' | 'maxRss'> {
  switch (mode) {
    case 'baseline':
      return { ms: 0, ok: true };
    case 'decode': {
      const start = performance.now();
      const result = decode(buffer);
      const ms = performance.now() - start;
      return { ms, ok: !!result.value && !result.findings.some(isError) };
    }
    case 'decode-warm': {
      // Steady state: the median of runs 2–4 in one process, after the JIT has seen the code.
      const runs: number[] = [];
      let ok = true;
      for (let i = 0; i < 4; i++) {
        const start = performance.now();
        const result = decode(buffer);
        runs.push(performance.now() - start);
        ok &&= !!result.value;
      }
      const warm = runs.slice(1).sort((a, b) => a - b);
      return { ms: warm[1]!, ok, note: `first run ${runs[0]!.toFixed(0)} ms` };
    }
    case 'decode-no-locations': {
      const start = performance.now();
      const result = decode(buffer, { locations: false });
      const ms = performance.now() - start;
      return { ms, ok: !!result.value && !result.findings.some(isError) };
    }
    case 'validate': {
      const start = performance.now();
      const report = validate(buffer);
      const ms = performance.now() - start;
      return { ms, ok: report.accepted, note: `${report.findings.length} finding(s)` };
    }
    case 'encode': {
      const message = decode(buffer).value;
      if (!message) return { ms: 0, ok: false, note: 'not decoded' };
      const start = performance.now();
      const xml = encode(message);
      const ms = performance.now() - start;
      return { ms, ok: xml.length > 0, outputBytes: Buffer.byteLength(xml) };
    }
    case 'generate': {
      const start = performance.now();
      const message = buildDeclaratie(16_000);
      const built = performance.now();
      const xml = encode(message);
      const ms = performance.now() - start;
      return { ms, ok: xml.length > 0, outputBytes: Buffer.byteLength(xml), note: `build ${(built - start).toFixed(0)} ms + encode ${(ms - (built - start)).toFixed(0)} ms` };
    }
    case 'generate-random': {
      const start = performance.now();
      const messages = generateMessages('WMO323', { count: 1_000, seed: 323 });
      const generated = performance.now();
      let outputBytes = 0;
      for (const message of messages) outputBytes += Buffer.byteLength(encode(message));
      const ms = performance.now() - start;
      return { ms, ok: outputBytes > 0, outputBytes, note: `generate ${(generated - start).toFixed(0)} ms + encode ${(ms - (generated - start)).toFixed(0)} ms` };
    }
    case 'fxp': {
      const parser = new XMLParser(fxpOptions);
      const start = performance.now();
      const object: unknown = parser.parse(buffer);
      const ms = performance.now() - start;
      return { ms, ok: !!object };
    }
    case 'xmlbuilder2': {
      const object = new XMLParser(fxpOptions).parse(buffer) as Record<string, unknown>;
      const start = performance.now();
      const xml = create({ version: '1.0', encoding: 'UTF-8' }, object).end({ prettyPrint: true, indent: '\t', newline: '\r\n' });
      const ms = performance.now() - start;
      return { ms, ok: xml.length > 0, outputBytes: Buffer.byteLength(xml) };
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

const result = measure();
// maxRSS is in kilobytes on Linux and macOS.
const output: WorkerResult = { mode, bytes: buffer.byteLength, ...result, maxRss: process.resourceUsage().maxRSS * 1024 };
process.stdout.write(JSON.stringify(output) + '\n');
