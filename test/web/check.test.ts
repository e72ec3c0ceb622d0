/**
 * The page's validation worker reads a message once, in chunks, and gives
 * the report and the retour the page showed before from two reads (a
 * validation, then a second decode for the retour's copy): the same findings,
 * the same verdict, the same answer, on every fixture, on mutants and on a
 * large declaratie with rejected Prestaties. Its progress steps advance to the
 * end, and its summary stays small however many findings there are.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeclaratie } from '../../bench/lib/declaratie.js';
import { encode, validate, type MessageId, type Report } from '../../src/index.js';
import { decodeWithSaxes } from '../../src/codec/decode.js';
import { buildRetour } from '../../src/retour/build.js';
import { retour } from '../../src/retour/retour.js';
import { antwoordBerichtFor } from '../../src/retour/messages.js';
import { answerInSteps, checkSteps, summarize, type CheckOutcome, type CheckStep } from '../../src/web/check.js';
import { MAX_LISTED, PROGRESS_BYTES } from '../../src/web/protocol.js';
import { loadFixtures, REPO_ROOT } from '../../scripts/lib/fixture-files.js';
import { buildMutationCorpus } from '../../scripts/lib/mutations.js';

const now = new Date(2025, 3, 7, 12);
const bytesOf = (xml: string): Uint8Array => new TextEncoder().encode(xml);

function* xmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* xmlFiles(path);
    else if (name.endsWith('.xml')) yield path;
  }
}

/** What the page showed before: the streaming `validate` for the report, and a second `decode` of the message for the retour's copy. */
function twoReads(bytes: Uint8Array, allLevels: boolean): CheckOutcome {
  const chain = validate(bytes);
  const report = allLevels ? validate(bytes, { allLevels: true }) : chain;
  const levelOne = chain.findings.some((f) => f.level === 1 && f.severity !== 'warning');
  const value = !levelOne && chain.message && antwoordBerichtFor(chain.message) ? decodeWithSaxes(bytes).value : undefined;
  const answer = value ? buildRetour(value, chain.findings, { now }) : undefined;
  return {
    summary: summarize(report),
    ...(answer ? { retour: { message: answer.type, xml: encode(answer) } } : {}),
  };
}

/** Runs the steps to their end. */
function atOnce<T>(steps: Generator<CheckStep, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
const answerAtOnce = (bytes: Uint8Array, allLevels: boolean): ReturnType<typeof retour> => atOnce(answerInSteps(bytes, allLevels, { now }));
const checkMessage = (bytes: Uint8Array, allLevels: boolean, options: { now: Date }): CheckOutcome => atOnce(checkSteps(bytes, allLevels, options));

function expectSameAsTwoReads(bytes: Uint8Array, label: string): void {
  for (const allLevels of [false, true]) {
    // Every finding, not only the ones the page lists.
    expect(answerAtOnce(bytes, allLevels).report, label).toEqual(allLevels ? validate(bytes, { allLevels: true }) : validate(bytes));
    const once = checkMessage(bytes, allLevels, { now });
    const before = twoReads(bytes, allLevels);
    expect(once.summary, label).toEqual(before.summary);
    expect(once.retour, label).toEqual(before.retour);
    // Without a retour the page says why; with one it does not.
    expect(once.noRetour === undefined, label).toBe(once.retour !== undefined);
  }
}

describe('the page’s one read gives what validate and a second decode gave', () => {
  it('on every fixture, with and without “all levels”', () => {
    const files = [...xmlFiles(join(REPO_ROOT, 'fixtures'))];
    expect(files.length).toBeGreaterThan(100);
    let answered = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      expectSameAsTwoReads(bytes, file);
      if (checkMessage(bytes, false, { now }).retour) answered++;
    }
    // Most fixtures are heen-berichten that pass level 1: the comparison covers real answers.
    expect(answered).toBeGreaterThan(30);
  });

  it('on mutants of the fixtures (level-1 and level-2 failures of every kind)', () => {
    const sources = loadFixtures()
      .filter((f) => f.expect.accepted)
      .map((f) => ({ name: f.name, message: f.id as MessageId, xml: new TextDecoder().decode(f.bytes) }));
    for (const mutant of buildMutationCorpus(sources, { count: 300, seed: 29 })) expectSameAsTwoReads(bytesOf(mutant.xml), `${mutant.id} ${mutant.description}`);
  });

  it('on a 3 MB declaratie with rejected Prestaties: the 325 lists them', () => {
    const message = buildDeclaratie(2000);
    message.declaratie.clienten[7]!.prestaties[0]!.productPeriode.einddatum = '2025-04-02';
    message.declaratie.clienten[1500]!.prestaties[0]!.productPeriode.einddatum = '2025-04-03';
    const bytes = bytesOf(encode(message));
    expect(bytes.byteLength).toBeGreaterThan(2 * PROGRESS_BYTES);
    expectSameAsTwoReads(bytes, 'declaratie');
    const once = checkMessage(bytes, false, { now });
    expect(once.summary?.accepted).toBe(false);
    expect(once.retour?.message).toBe('WMO325');
    expect(validate(once.retour!.xml)).toMatchObject({ message: 'WMO325', accepted: true });
  });

  it('and retour() itself, now one read, answers as before', () => {
    for (const source of loadFixtures().slice(0, 60)) {
      const result = retour(source.bytes, { now });
      const before = twoReads(source.bytes, false);
      expect(result.report, source.name).toEqual(validate(source.bytes));
      expect(result.retour ? { message: result.retour.type, xml: result.xml } : undefined, source.name).toEqual(before.retour);
    }
  });
});

describe('progress', () => {
  it('advances a chunk at a time to the end, counting Clients, then says the rules run', () => {
    const clients = 2000;
    const bytes = bytesOf(encode(buildDeclaratie(clients)));
    const steps: CheckStep[] = [];
    const run = checkSteps(bytes, false);
    let outcome: CheckOutcome | undefined;
    while (!outcome) {
      const step = run.next();
      if (step.done) outcome = step.value;
      else steps.push(step.value);
    }
    const reading = steps.filter((s) => s.phase === 'reading');
    expect(reading).toHaveLength(Math.ceil(bytes.byteLength / PROGRESS_BYTES));
    for (let i = 1; i < reading.length; i++) {
      expect(reading[i]!.done).toBeGreaterThan(reading[i - 1]!.done);
      expect(reading[i]!.clients).toBeGreaterThanOrEqual(reading[i - 1]!.clients);
    }
    expect(reading.at(-1)).toEqual({ phase: 'reading', done: bytes.byteLength, total: bytes.byteLength, clients });
    expect(steps.at(-1)).toEqual({ phase: 'judging', done: bytes.byteLength, total: bytes.byteLength, clients });
    expect(outcome.summary).toMatchObject({ message: 'WMO323', accepted: true, count: 0 });
  });

  it('still answers when the fast tokenizer leaves the message to the classic reader', () => {
    // A processing instruction: the byte tokenizer gives up after the first chunk, saxes reads it whole.
    const fixture = loadFixtures().find((f) => f.id === 'WMO301' && f.expect.accepted)!;
    const text = new TextDecoder().decode(fixture.bytes).replace('?>', '?><?iwmo test?>');
    const bytes = bytesOf(text);
    const steps = [...(function* () {
      const run = checkSteps(bytes, false);
      for (let step = run.next(); !step.done; step = run.next()) yield step.value;
    })()];
    expect(steps.map((s) => s.phase)).toEqual(['judging']);
    expectSameAsTwoReads(bytes, 'with a processing instruction');
  });
});

describe('the summary the page receives', () => {
  const finding = (rule: string, line: number | undefined, severity?: 'warning'): Report['findings'][number] => ({
    rule,
    level: 2,
    retourcode: '8001',
    path: '/Bericht',
    ...(line !== undefined ? { line } : {}),
    message: { nl: 'n', en: 'e' },
    ...(severity ? { severity } : {}),
  });

  it('lists the first findings, counts them all, and marks each line once with all its rules', () => {
    const findings = [finding('W1', 3, 'warning'), ...Array.from({ length: 1200 }, (_, i) => finding(`R${i}`, 10 + (i % 600))), finding('W2', 5, 'warning'), finding('NOLINE', undefined)];
    const summary = summarize({ message: 'WMO323', standard: 'iwmo-3.2', berichtCode: '484', accepted: false, findings });
    expect(summary.count).toBe(1203);
    expect(summary.errors).toBe(1201);
    expect(summary.listed).toEqual(findings.slice(0, MAX_LISTED));
    expect(summary.lines).toHaveLength(602);
    const labels = summary.lineLabels.split('\n');
    const at = (line: number): { error: number; label: string } => {
      const i = summary.lines.indexOf(line);
      return { error: summary.lineErrors[i]!, label: labels[i]! };
    };
    expect(at(3)).toEqual({ error: 0, label: 'W1' });
    expect(at(10)).toEqual({ error: 1, label: 'R0, R600' });
    expect(at(5)).toEqual({ error: 0, label: 'W2' });
    // A structured clone of it is small: no list of a thousand findings.
    expect(JSON.stringify(summary.listed).length).toBeLessThan(JSON.stringify(findings).length / 2);
  });
});
