/**
 * npm run fuzz -- --count N [--seed S] [--bound-ms B]: hostile input through
 * every entry point. Each input is random bytes, a truncation, byte flips,
 * inserted markup, whitespace or markup at the edge of a leaf's value, or a
 * structural mutation (the mutation corpus) of a fixture, and goes through
 * `validate` (bytes and text, and with allLevels, so the rules meet partial models), `validateChunks`, `decode` (bytes and
 * text, against saxes), `retour` and `retourChunks` (against the whole-model
 * answer), and the service's POST /v1/validate and /v1/retour handlers. No
 * exception may escape, every report must be structured (rule, level, path,
 * Dutch and English text), the streaming path must give the whole-model
 * report and answer, and every input must be answered within the bound.
 *
 * Exit 0 when all inputs pass; 1 with the failing inputs written to
 * artifacts/fuzz/ otherwise.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { validateWhole } from '../src/api.js';
import { decodeWithSaxes } from '../src/codec/decode.js';
import { retourWhole } from '../src/retour/retour.js';
import { createService } from '../src/http/server.js';
import { decode, retour, retourChunks, validate, validateChunks, type Finding, type MessageId, type Report } from '../src/index.js';
import { loadFixtures, REPO_ROOT } from './lib/fixture-files.js';
import { buildMutationCorpus, createRandom, type MutationSource, type Random } from './lib/mutations.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`fuzz: ${name} expects a number`);
  return value;
};
const COUNT = option('--count', 1000);
const SEED = option('--seed', 1);
/** Per input, all entry points together; generous for a shared CI machine. */
const BOUND_MS = option('--bound-ms', 2000);
/** One moment for both answers compared, so a run across midnight cannot make their dagtekening differ. */
const RETOUR_OPTIONS = { now: new Date(2025, 7, 1, 8, 0) };

const MARKUP = ['<', '>', '&', '&amp;', '&#0;', '&#x1F600;', '&unknown;', ']]>', '<!--', '-->', '<!-- c -->', '<?pi x?>', '<![CDATA[x]]>', '<!DOCTYPE x [<!ENTITY e "e">]>', '</a>', '<a/>', '<a>', '\r', '\n', '\u0000', '\u0001', 'é', '\uFEFF', ' xmlns:q="urn:q"', ' a="1"', '"', "'", ' xsi:nil="true"', '<wmo:Onbekend/>', '  <!-- c --> ', ' xmlns:q=" urn:q"'];

const fixtures = loadFixtures();
const sources: MutationSource[] = fixtures.filter((f) => f.expect.accepted).map((f) => ({ name: f.name, message: f.id as MessageId, xml: new TextDecoder().decode(f.bytes) }));
const encoder = new TextEncoder();

function randomBytes(rng: Random): Uint8Array {
  const out = new Uint8Array(rng.int(2048));
  for (let i = 0; i < out.length; i++) out[i] = rng.int(256);
  return out;
}

function flip(bytes: Uint8Array, rng: Random): Uint8Array {
  const out = Uint8Array.from(bytes);
  const flips = 1 + rng.int(4);
  for (let i = 0; i < flips && out.length; i++) out[rng.int(out.length)] = rng.int(256);
  return out;
}

/** Markup at a random place, or beside a tag's `>` (inside the tag, or at the start of what follows it: a value). */
function insertMarkup(text: string, rng: Random): Uint8Array {
  let at = rng.int(text.length + 1);
  const where = rng.int(3);
  if (where > 0) {
    const gt = text.indexOf('>', at);
    if (gt >= 0) at = where === 1 ? gt : gt + 1;
  }
  return encoder.encode(text.slice(0, at) + MARKUP[rng.int(MARKUP.length)]! + text.slice(at));
}

/** What may sit at the edge of a value: whitespace, line ends, comments with whitespace around them, references, CDATA, a PI. */
const VALUE_EDGE = [' ', '  ', '\t', '\r\n', '\n', '\r', '<!--c-->', ' <!--c-->', '<!--c--> ', '  <!-- c --> ', '\r\n<!--c-->\r\n', '&#32;', '&#x9;', '&amp;', '<![CDATA[ ]]>', '<![CDATA[]]>', '<?pi x?>', ' <?pi?> '];
const LEAF = /<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>([^<]*)<\/\1>/g;

/**
 * Something from VALUE_EDGE at the start or the end of one leaf's value (or
 * between two of its characters): the places where a reader decides whether
 * whitespace and markup belong to the value, which inserts at random places
 * rarely reach.
 */
function atValueEdge(text: string, rng: Random): Uint8Array {
  const leaves: [number, number][] = [];
  for (const m of text.matchAll(LEAF)) {
    const start = m.index + m[0].indexOf('>') + 1;
    leaves.push([start, start + m[2]!.length]);
  }
  if (leaves.length === 0) return encoder.encode(text);
  const [start, end] = leaves[rng.int(leaves.length)]!;
  const where = rng.int(3);
  const at = where === 0 ? start : where === 1 ? end : start + rng.int(end - start + 1);
  return encoder.encode(text.slice(0, at) + VALUE_EDGE[rng.int(VALUE_EDGE.length)]! + text.slice(at));
}

interface Input {
  readonly kind: string;
  readonly bytes: Uint8Array;
}

function* inputs(rng: Random): Generator<Input> {
  // Structural mutants come from the corpus in blocks (it deduplicates per block).
  let corpus: Uint8Array[] = [];
  let block = 0;
  for (let n = 0; n < COUNT; n++) {
    const fixture = fixtures[rng.int(fixtures.length)]!;
    const kind = rng.int(6);
    if (kind === 0) yield { kind: 'random bytes', bytes: randomBytes(rng) };
    else if (kind === 1) yield { kind: `truncation of ${fixture.name}`, bytes: fixture.bytes.subarray(0, rng.int(fixture.bytes.length)) };
    else if (kind === 2) yield { kind: `byte flips in ${fixture.name}`, bytes: flip(fixture.bytes, rng) };
    else if (kind === 3) yield { kind: `markup inserted in ${fixture.name}`, bytes: insertMarkup(new TextDecoder().decode(fixture.bytes), rng) };
    else if (kind === 4) yield { kind: `value edge in ${fixture.name}`, bytes: atValueEdge(new TextDecoder().decode(fixture.bytes), rng) };
    else {
      if (corpus.length === 0) corpus = buildMutationCorpus(sources, { count: 200, seed: SEED * 100_003 + block++ }).map((m) => encoder.encode(m.xml));
      yield { kind: 'structural mutant', bytes: corpus.pop()! };
    }
  }
}

function structured(finding: Finding): boolean {
  return typeof finding.rule === 'string' && typeof finding.level === 'number' && typeof finding.path === 'string' && !!finding.message.nl && !!finding.message.en;
}

function checkReport(report: Report, where: string): string | undefined {
  if (typeof report.accepted !== 'boolean' || !Array.isArray(report.findings)) return `${where}: no report`;
  if (!report.findings.every(structured)) return `${where}: a finding without rule, level, path or both texts`;
  if (!report.accepted && !report.findings.some((f) => f.severity !== 'warning')) return `${where}: rejected without an error`;
  return undefined;
}

async function main(): Promise<number> {
  const rng = createRandom(SEED);
  const service = createService({ workerThreshold: Number.POSITIVE_INFINITY });
  await service.ready();
  const failures: { kind: string; problem: string; bytes: Uint8Array }[] = [];
  const kinds = new Map<string, number>();
  let slowest = 0;
  let rejected = 0;
  const started = performance.now();
  for (const input of inputs(rng)) {
    const kind = input.kind.split(' of ')[0]!.split(' in ')[0]!;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const t = performance.now();
    let problem: string | undefined;
    try {
      const report = validate(input.bytes);
      if (!report.accepted) rejected++;
      problem = checkReport(report, 'validate');
      if (!problem && !isDeepStrictEqual(report, validateWhole(input.bytes))) problem = 'validate: the streaming report differs from the whole-model report';
      const text = new TextDecoder().decode(input.bytes);
      if (!problem) {
        const textReport = validate(text);
        problem = checkReport(textReport, 'validate (text)');
        if (!problem && !isDeepStrictEqual(textReport, validateWhole(text))) problem = 'validate (text): the streaming report differs from the whole-model report';
      }
      if (!problem) {
        // Level 2 over what could be read of a refused message: the rules meet partial models here.
        const allLevels = validate(input.bytes, { allLevels: true });
        problem = checkReport(allLevels, 'validate (allLevels)');
        if (!problem && !isDeepStrictEqual(allLevels, validateWhole(input.bytes, { allLevels: true }))) problem = 'validate (allLevels): the streaming report differs from the whole-model report';
      }
      if (!problem && !isDeepStrictEqual(decode(input.bytes), decodeWithSaxes(input.bytes))) problem = 'decode: the byte tokenizer’s result differs from saxes’';
      if (!problem && !isDeepStrictEqual(decode(text), decodeWithSaxes(text))) problem = 'decode (text): the byte tokenizer’s result differs from saxes’';
      // In chunks of a size drawn per input, so tokens straddle the chunk ends.
      const size = 1 + rng.int(4096);
      const chunks = (): Uint8Array[] => Array.from({ length: Math.ceil(input.bytes.length / size) }, (_, i) => input.bytes.subarray(i * size, (i + 1) * size));
      if (!problem && !isDeepStrictEqual(await validateChunks(chunks), report)) problem = 'validateChunks: the report differs from validate’s';
      if (!problem) {
        const answer = retour(input.bytes, RETOUR_OPTIONS);
        problem = checkReport(answer.report, 'retour');
        if (!problem && !isDeepStrictEqual(answer, retourWhole(input.bytes, RETOUR_OPTIONS))) problem = 'retour: the streamed answer differs from the whole-model answer';
        if (!problem && !isDeepStrictEqual(await retourChunks(chunks, RETOUR_OPTIONS), answer)) problem = 'retourChunks: the answer differs from retour’s';
      }
      if (!problem) {
        for (const url of ['/v1/validate', '/v1/retour']) {
          const response = await service.inject({ method: 'POST', url, headers: { 'content-type': 'application/xml' }, payload: Buffer.from(input.bytes) });
          if (response.statusCode >= 500) problem = `${url}: status ${response.statusCode}`;
        }
      }
    } catch (error) {
      problem = `exception: ${error instanceof Error ? error.message : String(error)}`;
    }
    const ms = performance.now() - t;
    slowest = Math.max(slowest, ms);
    if (!problem && ms > BOUND_MS) problem = `answered in ${ms.toFixed(0)} ms, over the bound of ${BOUND_MS} ms`;
    if (problem) failures.push({ kind: input.kind, problem, bytes: input.bytes });
  }
  await service.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz: ${COUNT} inputs (seed ${SEED}) in ${seconds.toFixed(1)} s: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(`fuzz: ${rejected} rejected, slowest input ${slowest.toFixed(1)} ms (bound ${BOUND_MS} ms), ${failures.length} failures`);
  if (failures.length) {
    const dir = join(REPO_ROOT, 'artifacts/fuzz');
    mkdirSync(dir, { recursive: true });
    failures.slice(0, 50).forEach((f, i) => {
      writeFileSync(join(dir, `failure-${i + 1}.xml`), f.bytes);
      console.log(`  failure-${i + 1}.xml (${f.kind}): ${f.problem}`);
    });
    return 1;
  }
  return 0;
}

process.exitCode = await main();
