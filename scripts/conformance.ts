/**
 * Conformance against the official chain: the XSDs via xmllint, and the
 * reference material in ../shared/conformance/iwmo-3.2 (never part of npm test:
 * a user's clone has no ../shared).
 *
 *   a  codegen --check: the committed descriptors equal a regeneration from the XSDs
 *   b  every fixture's level-1 verdict equals xmllint's
 *   c  decode → encode of each example message gives the same tree, and it passes xmllint
 *   d  200 generated messages per type pass the XSDs (when src/generate-entry.ts exists)
 *   e  mutation corpus: our level-1 verdict vs xmllint's, ≥ 99.5 % agreement
 *   f  every retour built from the fixtures and examples passes its XSD (when retour() exists)
 *
 * Usage: npm run conformance [-- --only a,b,e] [--count 2500] [--seed 20250314]
 * Exit code 1 on any failure. Disagreements go to artifacts/conformance-disagreements.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decode, encode, isError, type Finding, type Message, type MessageId } from '../src/index.js';
import { standard } from '../src/standard/generated/descriptors.js';
import { loadFixtures, REPO_ROOT } from './lib/fixture-files.js';
import { buildMutationCorpus, type Mutant, type MutationSource } from './lib/mutations.js';
import { canonicalTree, firstDifference, parseXml } from './lib/xml-tree.js';
import { xmllintValidate, xmllintVersion, type XmllintVerdict } from './lib/xmllint.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = option('only')?.split(',');
const MUTANT_COUNT = Number(option('count') ?? 2500);
const MUTANT_SEED = Number(option('seed') ?? 20250314);
const GENERATED_PER_TYPE = Number(option('generated') ?? 200);
const AGREEMENT_TARGET = 0.995;

// Beside the checkout, or beside the folder of worktrees.
const SHARED = [resolve(REPO_ROOT, '../shared'), resolve(REPO_ROOT, '../../shared')].find((dir) => existsSync(dir)) ?? resolve(REPO_ROOT, '../shared');
const CONFORMANCE = join(SHARED, 'conformance/iwmo-3.2');
const XSD_DIR = join(CONFORMANCE, 'xsd');
const EXAMPLES_DIR = join(CONFORMANCE, 'examples');
const WORK = join(REPO_ROOT, 'artifacts/conformance');
const DISAGREEMENTS_FILE = join(REPO_ROOT, 'artifacts/conformance-disagreements.json');

const xsdOf = (id: MessageId): string => join(XSD_DIR, `${id}.xsd`);
const MESSAGE_IDS = Object.keys(standard.messages) as MessageId[];

type Status = 'pass' | 'fail' | 'skip';
interface CheckResult {
  readonly status: Status;
  readonly summary: string;
  readonly details?: readonly string[];
}
interface Check {
  readonly key: string;
  readonly title: string;
  run(): Promise<CheckResult>;
}

/** Our level-1 verdict: decode without any error finding (warnings such as a BOM do not reject). */
function ourVerdict(xml: string | Uint8Array): { accepted: boolean; first?: Finding; crashed?: string } {
  try {
    const result = decode(xml);
    const first = result.findings.find(isError);
    return first ? { accepted: false, first } : { accepted: true };
  } catch (error) {
    // Bad input must give findings, never a crash: a crash counts as a failure of its own.
    return { accepted: false, crashed: error instanceof Error ? error.message : String(error) };
  }
}

const describeFinding = (f: Finding | undefined): string | undefined => (f ? `${f.rule} ${f.path}${f.line ? ` (line ${f.line})` : ''}: ${f.message.en}` : undefined);

function workDir(name: string): string {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes documents into `dir` and validates each against its message's XSD with xmllint. */
async function xmllintDocuments(dir: string, docs: readonly { name: string; message: MessageId; xml: string | Uint8Array }[]): Promise<Map<string, XmllintVerdict>> {
  const groups = new Map<MessageId, string[]>();
  const pathOf = new Map<string, string>();
  for (const doc of docs) {
    const path = join(dir, `${doc.name}.xml`);
    writeFileSync(path, doc.xml);
    pathOf.set(doc.name, path);
    (groups.get(doc.message) ?? groups.set(doc.message, []).get(doc.message)!).push(path);
  }
  const byPath = new Map<string, XmllintVerdict>();
  for (const [message, files] of groups) for (const [path, verdict] of await xmllintValidate(xsdOf(message), files)) byPath.set(path, verdict);
  return new Map(docs.map((d) => [d.name, byPath.get(pathOf.get(d.name)!)!]));
}

function loadExamples(): { name: string; message: MessageId; xml: string }[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => /^WMO3\d\d\.xml$/.test(f))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), message: f.slice(0, -4) as MessageId, xml: readFileSync(join(EXAMPLES_DIR, f), 'utf8') }));
}

// ---------------------------------------------------------------------------
// a: codegen --check

const codegenCheck: Check = {
  key: 'a',
  title: 'codegen --check (descriptors = regeneration)',
  async run() {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/codegen.ts'), XSD_DIR, '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const output = `${r.stdout}${r.stderr}`.trim().split('\n').filter((l) => l && !l.startsWith('npm warn'));
    return r.status === 0 ? { status: 'pass', summary: output.at(-1) ?? 'no change' } : { status: 'fail', summary: `exit ${r.status}`, details: output };
  },
};

// ---------------------------------------------------------------------------
// b: fixtures vs xmllint

const fixturesCheck: Check = {
  key: 'b',
  title: 'fixtures: our level-1 verdict = xmllint',
  async run() {
    const fixtures = loadFixtures();
    if (!fixtures.length) return { status: 'fail', summary: 'no fixtures found under fixtures/messages' };
    const groups = new Map<string, string[]>();
    for (const f of fixtures) (groups.get(f.id) ?? groups.set(f.id, []).get(f.id)!).push(f.path);
    const verdicts = new Map<string, XmllintVerdict>();
    for (const [id, files] of groups) for (const [k, v] of await xmllintValidate(xsdOf(id as MessageId), files)) verdicts.set(k, v);
    const problems: string[] = [];
    let byDesign = 0;
    for (const f of fixtures) {
      const ours = ourVerdict(f.bytes);
      const theirs = verdicts.get(f.path)!;
      const label = `${f.id}/${f.name}`;
      if (ours.crashed) problems.push(`${label}: decode threw: ${ours.crashed}`);
      if (f.expect.xmllint) {
        byDesign++;
        if (theirs.accepted !== f.expect.xmllint.accepted) problems.push(`${label}: xmllint ${theirs.accepted ? 'accepts' : 'rejects'}, the sidecar says it ${f.expect.xmllint.accepted ? 'accepts' : 'rejects'}`);
        if (ours.accepted !== f.expect.accepted) problems.push(`${label}: we ${ours.accepted ? 'accept' : 'reject'}, expected ${f.expect.accepted ? 'accept' : 'reject'}`);
        continue;
      }
      if (ours.accepted !== theirs.accepted) {
        problems.push(`${label}: we ${ours.accepted ? 'accept' : `reject (${describeFinding(ours.first)})`}, xmllint ${theirs.accepted ? 'accepts' : `rejects (${theirs.firstError})`}`);
      }
      // A fixture rejected only at level 2 is valid for xmllint.
      const levelOneExpected = f.expect.accepted || f.expect.findings.every((x) => x.level >= 2);
      if (theirs.accepted !== levelOneExpected) problems.push(`${label}: xmllint ${theirs.accepted ? 'accepts' : 'rejects'} but the sidecar expects ${levelOneExpected ? 'valid' : 'invalid'} at level 1`);
    }
    const agree = fixtures.length - byDesign - new Set(problems.map((p) => p.split(':')[0])).size;
    return {
      status: problems.length ? 'fail' : 'pass',
      summary: `${fixtures.length} fixtures, ${agree} agree with xmllint, ${byDesign} differ by design (DOCTYPE refused)`,
      details: problems,
    };
  },
};

// ---------------------------------------------------------------------------
// c: examples decode → encode

const examplesCheck: Check = {
  key: 'c',
  title: 'examples: decode → encode is equivalent and passes xmllint',
  async run() {
    const examples = loadExamples();
    if (!examples.length) return { status: 'fail', summary: `no examples in ${EXAMPLES_DIR}` };
    const problems: string[] = [];
    const encoded: { name: string; message: MessageId; xml: string }[] = [];
    for (const example of examples) {
      const result = decode(example.xml);
      const errors = result.findings.filter(isError);
      if (!result.value || errors.length) {
        problems.push(`${example.name}: not decoded: ${describeFinding(errors[0])}`);
        continue;
      }
      let xml: string;
      try {
        xml = encode(result.value);
      } catch (error) {
        problems.push(`${example.name}: encode threw: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const difference = firstDifference(canonicalTree(parseXml(example.xml).root), canonicalTree(parseXml(xml).root));
      if (difference) problems.push(`${example.name}: re-encoding differs at ${difference}`);
      encoded.push({ name: example.name, message: example.message, xml });
    }
    const verdicts = await xmllintDocuments(workDir('examples'), encoded);
    for (const [name, verdict] of verdicts) if (!verdict.accepted) problems.push(`${name}: re-encoding fails xmllint: ${verdict.firstError}`);
    return { status: problems.length ? 'fail' : 'pass', summary: `${examples.length} examples, ${examples.length - new Set(problems.map((p) => p.split(':')[0])).size} equivalent and valid after decode → encode`, details: problems };
  },
};

// ---------------------------------------------------------------------------
// d: generated messages

interface GenerateModule {
  generateMessages(id: MessageId, options: { count: number; seed: number }): Message[];
}

async function importOptional<T>(relative: string): Promise<T | undefined> {
  const path = join(REPO_ROOT, relative);
  if (!existsSync(path)) return undefined;
  return (await import(path)) as T;
}

const generatedCheck: Check = {
  key: 'd',
  title: `generated messages (${GENERATED_PER_TYPE} per type) pass the XSDs`,
  async run() {
    const mod = await importOptional<GenerateModule>('src/generate-entry.ts');
    if (!mod || typeof mod.generateMessages !== 'function') return { status: 'skip', summary: 'src/generate-entry.ts (generateMessages) is not there yet' };
    const problems: string[] = [];
    const docs: { name: string; message: MessageId; xml: string }[] = [];
    for (const [n, id] of MESSAGE_IDS.entries()) {
      let messages: Message[];
      try {
        messages = mod.generateMessages(id, { count: GENERATED_PER_TYPE, seed: 1000 + n });
      } catch (error) {
        problems.push(`${id}: generateMessages threw: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (messages.length !== GENERATED_PER_TYPE) problems.push(`${id}: asked ${GENERATED_PER_TYPE}, got ${messages.length}`);
      messages.forEach((message, i) => {
        try {
          docs.push({ name: `${id}-${String(i).padStart(3, '0')}`, message: id, xml: encode(message) });
        } catch (error) {
          problems.push(`${id}-${i}: encode threw: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    }
    const verdicts = await xmllintDocuments(workDir('generated'), docs);
    const failedByType = new Map<string, number>();
    for (const [name, verdict] of verdicts) {
      if (verdict.accepted) continue;
      const id = name.slice(0, 6);
      failedByType.set(id, (failedByType.get(id) ?? 0) + 1);
      if (failedByType.get(id)! <= 3) problems.push(`${name}: fails xmllint: ${verdict.firstError}`);
    }
    for (const [id, count] of failedByType) if (count > 3) problems.push(`${id}: ${count} generated messages fail xmllint in total`);
    const passed = [...verdicts.values()].filter((v) => v.accepted).length;
    return { status: problems.length ? 'fail' : 'pass', summary: `${passed}/${GENERATED_PER_TYPE * MESSAGE_IDS.length} generated messages pass xmllint`, details: problems };
  },
};

// ---------------------------------------------------------------------------
// e: mutation corpus

interface Disagreement {
  readonly mutant: string;
  readonly source: string;
  readonly message: MessageId;
  readonly operators: readonly string[];
  readonly mutation: string;
  readonly ours: { readonly accepted: boolean; readonly firstFinding?: string; readonly crashed?: string };
  readonly xmllint: { readonly accepted: boolean; readonly firstError?: string };
  readonly file: string;
}

function mutationSources(): MutationSource[] {
  const sources: MutationSource[] = loadExamples().map((e) => ({ name: `example:${e.name}`, message: e.message, xml: e.xml }));
  for (const f of loadFixtures()) {
    if (!f.expect.accepted) continue;
    sources.push({ name: `fixture:${f.id}/${f.name}`, message: f.id as MessageId, xml: new TextDecoder().decode(f.bytes) });
  }
  return sources;
}

const mutationCheck: Check = {
  key: 'e',
  title: `mutation corpus (${MUTANT_COUNT} mutants, seed ${MUTANT_SEED}) vs xmllint`,
  async run() {
    const sources = mutationSources();
    const mutants = buildMutationCorpus(sources, { count: MUTANT_COUNT, seed: MUTANT_SEED });
    const dir = workDir('mutants');
    const verdicts = await xmllintDocuments(
      dir,
      mutants.map((m) => ({ name: m.id, message: m.message, xml: m.xml })),
    );
    const disagreements: Disagreement[] = [];
    const labelMismatches: string[] = [];
    let rejectedByXmllint = 0;
    for (const mutant of mutants) {
      const theirs = verdicts.get(mutant.id)!;
      if (!theirs.accepted) rejectedByXmllint++;
      if (mutant.expected && (mutant.expected === 'valid') !== theirs.accepted) labelMismatches.push(`${mutant.id} (${mutant.description}): generator expected ${mutant.expected}, xmllint ${theirs.accepted ? 'accepts' : 'rejects'}`);
      const ours = ourVerdict(mutant.xml);
      if (ours.accepted === theirs.accepted && !ours.crashed) continue;
      disagreements.push({
        mutant: mutant.id,
        source: mutant.source,
        message: mutant.message,
        operators: mutant.operators,
        mutation: mutant.description,
        ours: { accepted: ours.accepted, ...(ours.first ? { firstFinding: describeFinding(ours.first) } : {}), ...(ours.crashed ? { crashed: ours.crashed } : {}) },
        xmllint: { accepted: theirs.accepted, ...(theirs.firstError ? { firstError: theirs.firstError } : {}) },
        file: join(dir, `${mutant.id}.xml`),
      });
    }
    const agreement = mutants.length ? (mutants.length - disagreements.length) / mutants.length : 0;
    mkdirSync(join(REPO_ROOT, 'artifacts'), { recursive: true });
    writeFileSync(
      DISAGREEMENTS_FILE,
      JSON.stringify({ seed: MUTANT_SEED, mutants: mutants.length, sources: sources.length, agreement, disagreements, generatorLabelMismatches: labelMismatches }, null, 2) + '\n',
    );
    const byOperator = summarizeByOperator(mutants, disagreements);
    const details = [
      `sources: ${sources.length} (examples + valid fixtures); xmllint rejects ${rejectedByXmllint}, accepts ${mutants.length - rejectedByXmllint}`,
      `by operator (disagreements/mutants): ${byOperator}`,
      ...disagreements.slice(0, 15).map((d) => `${d.mutant} ${d.mutation} — ours: ${d.ours.accepted ? 'accepted' : (d.ours.crashed ?? d.ours.firstFinding)} — xmllint: ${d.xmllint.accepted ? 'accepted' : d.xmllint.firstError}`),
      ...(disagreements.length > 15 ? [`… ${disagreements.length - 15} more in ${DISAGREEMENTS_FILE}`] : []),
      ...labelMismatches.slice(0, 5).map((l) => `generator label: ${l}`),
    ];
    const pass = mutants.length >= 2000 && agreement >= AGREEMENT_TARGET && !disagreements.some((d) => d.ours.crashed);
    return {
      status: pass ? 'pass' : 'fail',
      summary: `${(agreement * 100).toFixed(2)} % agreement (${mutants.length - disagreements.length}/${mutants.length}; target ≥ ${AGREEMENT_TARGET * 100} %), ${disagreements.length} disagreement(s) → artifacts/conformance-disagreements.json`,
      details,
    };
  },
};

function summarizeByOperator(mutants: readonly Mutant[], disagreements: readonly Disagreement[]): string {
  const total = new Map<string, number>();
  const bad = new Map<string, number>();
  for (const m of mutants) for (const op of new Set(m.operators)) total.set(op, (total.get(op) ?? 0) + 1);
  for (const d of disagreements) for (const op of new Set(d.operators)) bad.set(op, (bad.get(op) ?? 0) + 1);
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([op, n]) => `${op} ${bad.get(op) ?? 0}/${n}`)
    .join(', ');
}

// ---------------------------------------------------------------------------
// f: retours

interface RetourModule {
  retour?(xml: string | Uint8Array, options?: Record<string, unknown>): { report: unknown; retour?: Message; xml?: string };
  buildRetour?(heen: Message, findings: readonly Finding[], options?: Record<string, unknown>): Message | undefined;
}

const RETOUR_OF: Partial<Record<MessageId, MessageId>> = { WMO301: 'WMO302', WMO305: 'WMO306', WMO307: 'WMO308', WMO315: 'WMO316', WMO317: 'WMO318', WMO319: 'WMO320', WMO323: 'WMO325' };

/** A level-3 finding on the deepest class of the body, so the retour carries the whole body with codes. */
function syntheticLevel3(id: MessageId): Finding {
  const path: Partial<Record<MessageId, string>> = {
    WMO301: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/ToewijzingNummer',
    WMO305: '/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer',
    WMO307: '/Bericht/Client/StopProducten/StopProduct[1]/Begindatum',
    WMO315: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ReferentieAanbieder',
    WMO317: '/Bericht/Client/Verzoek/ReferentieAanbieder',
    WMO319: '/Bericht/Antwoord/ReferentieAanbieder',
    WMO323: '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ToewijzingNummer',
  };
  const retourcode: Partial<Record<MessageId, string>> = { WMO301: '9332', WMO305: '9019', WMO307: '9069', WMO315: '9359', WMO317: '9374', WMO319: '9355', WMO323: '9338' };
  return {
    rule: 'TEST-L3',
    level: 3,
    retourcode: retourcode[id] ?? '0200',
    path: path[id] ?? '/Bericht',
    message: { nl: 'Synthetische bevinding voor de conformance-test.', en: 'Synthetic finding for the conformance test.' },
  };
}

const retourCheck: Check = {
  key: 'f',
  title: 'retours built from fixtures and examples pass their XSDs',
  async run() {
    // The public export when it is there; the module itself while it is being wired in.
    let mod = (await import(join(REPO_ROOT, 'src/index.ts'))) as RetourModule;
    if (typeof mod.retour !== 'function') mod = (await importOptional<RetourModule>('src/retour/index.ts')) ?? {};
    if (typeof mod.retour !== 'function') return { status: 'skip', summary: 'retour() is not exported from src/index.ts yet' };
    const heen = [
      ...loadExamples().map((e) => ({ name: `example-${e.name}`, message: e.message, xml: e.xml as string | Uint8Array })),
      ...loadFixtures()
        .filter((f) => f.expect.accepted && RETOUR_OF[f.id as MessageId])
        .map((f) => ({ name: `fixture-${f.id}-${f.name}`, message: f.id as MessageId, xml: f.bytes as string | Uint8Array })),
    ];
    const problems: string[] = [];
    const docs: { name: string; message: MessageId; xml: string }[] = [];
    for (const h of heen) {
      const retourId = RETOUR_OF[h.message]!;
      try {
        const result = mod.retour(h.xml, { now: new Date('2025-06-10T12:00:00Z') });
        if (!result.xml) problems.push(`${h.name}: no retour built`);
        else docs.push({ name: `${h.name}-retour`, message: retourId, xml: result.xml });
      } catch (error) {
        problems.push(`${h.name}: retour() threw: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (typeof mod.buildRetour === 'function') {
        const decoded = decode(h.xml);
        if (!decoded.value) continue;
        try {
          const message = mod.buildRetour(decoded.value, [syntheticLevel3(h.message)], { now: new Date('2025-06-10T12:00:00Z') });
          if (!message) {
            problems.push(`${h.name}: buildRetour gave no retour for a level-3 finding`);
            continue;
          }
          docs.push({ name: `${h.name}-retour-level3`, message: retourId, xml: encode(message) });
        } catch (error) {
          problems.push(`${h.name}: buildRetour with a level-3 finding threw: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    const verdicts = await xmllintDocuments(workDir('retours'), docs);
    for (const [name, verdict] of verdicts) if (!verdict.accepted) problems.push(`${name}: fails xmllint: ${verdict.firstError}`);
    const passed = [...verdicts.values()].filter((v) => v.accepted).length;
    return { status: problems.length ? 'fail' : 'pass', summary: `${passed}/${docs.length} retours pass xmllint (from ${heen.length} heen-berichten)`, details: problems };
  },
};

// ---------------------------------------------------------------------------

const CHECKS: readonly Check[] = [codegenCheck, fixturesCheck, examplesCheck, generatedCheck, mutationCheck, retourCheck];

async function main(): Promise<number> {
  if (!existsSync(XSD_DIR)) {
    console.error(`conformance: ${XSD_DIR} not found; this script needs the reference material in ../shared.`);
    return 1;
  }
  const version = xmllintVersion();
  if (!version) {
    console.error('conformance: xmllint not found (Debian: apt-get install -y libxml2-utils).');
    return 1;
  }
  console.log(`conformance: xmllint (libxml ${version}), XSDs in ${XSD_DIR}\n`);
  const results: { check: Check; result: CheckResult; seconds: number }[] = [];
  for (const check of CHECKS.filter((c) => !only || only.includes(c.key))) {
    const start = performance.now();
    let result: CheckResult;
    try {
      result = await check.run();
    } catch (error) {
      result = { status: 'fail', summary: `check crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
    }
    const seconds = (performance.now() - start) / 1000;
    results.push({ check, result, seconds });
    console.log(`[${check.key}] ${result.status.toUpperCase()}  ${check.title}\n    ${result.summary}`);
    for (const line of result.details ?? []) console.log(`    - ${line}`);
    console.log('');
  }
  const width = Math.max(...results.map((r) => r.check.title.length));
  console.log(`${'check'.padEnd(width + 4)}  status  time    summary`);
  for (const { check, result, seconds } of results) {
    console.log(`${`${check.key}  ${check.title}`.padEnd(width + 4)}  ${result.status.padEnd(6)}  ${`${seconds.toFixed(1)}s`.padEnd(6)}  ${result.summary}`);
  }
  const failed = results.filter((r) => r.result.status === 'fail').length;
  const skipped = results.filter((r) => r.result.status === 'skip').length;
  console.log(`\n${failed ? 'FAILED' : 'OK'}: ${results.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
