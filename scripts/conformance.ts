/**
 * Conformance against the official chain: the XSDs via xmllint, and the
 * reference material in ../shared/conformance/iwmo-3.2 and ijw-3.2 (never part
 * of npm test: a user's clone has no ../shared; IWMO_SHARED names another folder).
 *
 *   a  codegen --check: the committed descriptors equal a regeneration from both standards' XSDs
 *   b  every fixture's level-1 verdict equals xmllint's
 *   c  decode → encode of each XSD-valid example message gives the same tree, and it passes
 *      xmllint; an example xmllint rejects, we reject too
 *   d  200 generated messages per type pass the XSDs and the level-2 rules (when src/generate-entry.ts exists)
 *   e  mutation corpus per standard: our level-1 verdict vs xmllint's, ≥ 99.5 % agreement
 *      (iWmo) and ≥ 99.9 % (iJw)
 *   f  every retour built from the fixtures and examples passes its XSD (when retour() exists)
 *   g  level 2 of the twins: on XSD-valid iWmo mutants and random iWmo messages that are valid at level 1
 *      only (generated without the level-2 repair), the iJw twin of each fires the same rules, apart from
 *      those the iJw spec says differ (CS050, TR302, TR386, TR410) and the iJw-only CS318, TR377, TR409, ≥ 99.9 %
 *
 * Usage: npm run conformance [-- --only a,b,e] [--count 2500] [--seed 20250314]
 * Exit code 1 on any failure. Disagreements go to artifacts/conformance-disagreements.json.
 */
import { spawnSync } from 'node:child_process';
import * as fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_MESSAGE_IDS, antwoordBerichtFor, berichtNummer, decode, encode, isError, standardIdOf, STANDARD_IDS, validate, type Finding, type Message, type MessageId, type StandardId } from '../src/index.js';
import { loadFixtures, REPO_ROOT } from './lib/fixture-files.js';
import { buildMutationCorpus, type Mutant, type MutationSource } from './lib/mutations.js';
import { jwTwinOf } from './lib/twin.js';
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
/** Level-1 agreement with xmllint on the mutation corpus, per standard (the iJw target is the one its issue set). */
const AGREEMENT_TARGET: Readonly<Record<StandardId, number>> = { 'iwmo-3.2': 0.995, 'ijw-3.2': 0.999 };

// IWMO_SHARED, else beside the checkout, else beside the folder of worktrees.
const SHARED = resolve(process.env.IWMO_SHARED ?? ([resolve(REPO_ROOT, '../shared'), resolve(REPO_ROOT, '../../shared')].find((dir) => existsSync(dir)) ?? resolve(REPO_ROOT, '../shared')));
const conformanceDir = (s: StandardId): string => join(SHARED, 'conformance', s);
const xsdDir = (s: StandardId): string => join(conformanceDir(s), 'xsd');
const XSD_DIR = xsdDir('iwmo-3.2');
const WORK = join(REPO_ROOT, 'artifacts/conformance');
const DISAGREEMENTS_FILE = join(REPO_ROOT, 'artifacts/conformance-disagreements.json');

const xsdOf = (id: MessageId): string => join(xsdDir(standardIdOf(id)), `${id}.xsd`);
const MESSAGE_IDS = ALL_MESSAGE_IDS;

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

/** The example messages of every standard (`examples/WMO3NN.xml`, `examples/JW3NN.xml`). */
function loadExamples(): { name: string; message: MessageId; xml: string }[] {
  return STANDARD_IDS.flatMap((s) => {
    const dir = join(conformanceDir(s), 'examples');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => /^(WMO|JW)3\d\d\.xml$/.test(f))
      .sort()
      .map((f) => ({ name: f.slice(0, -4), message: f.slice(0, -4) as MessageId, xml: readFileSync(join(dir, f), 'utf8') }));
  });
}

// ---------------------------------------------------------------------------
// a: codegen --check

const codegenCheck: Check = {
  key: 'a',
  title: 'codegen --check (descriptors = regeneration)',
  async run() {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/codegen.ts'), ...STANDARD_IDS.map(xsdDir), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
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
    if (!examples.length) return { status: 'fail', summary: `no examples in ${SHARED}/conformance/*/examples` };
    const problems: string[] = [];
    const encoded: { name: string; message: MessageId; xml: string }[] = [];
    // Some examples are broken (the iJw README says which): those must be rejected by us as by xmllint.
    const raw = await xmllintDocuments(workDir('examples-raw'), examples);
    let rejectedByBoth = 0;
    for (const example of examples) {
      if (!raw.get(example.name)!.accepted) {
        const ours = ourVerdict(example.xml);
        if (ours.accepted) problems.push(`${example.name}: xmllint rejects (${raw.get(example.name)!.firstError}), we accept`);
        else rejectedByBoth++;
        continue;
      }
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
    const valid = examples.length - rejectedByBoth;
    return {
      status: problems.length ? 'fail' : 'pass',
      summary: `${examples.length} examples: ${valid - new Set(problems.map((p) => p.split(':')[0])).size}/${valid} XSD-valid ones equivalent and valid after decode → encode; ${rejectedByBoth} XSD-invalid ones rejected by us and xmllint`,
      details: problems,
    };
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
  title: `generated messages (${GENERATED_PER_TYPE} per type) pass the XSDs and level 2`,
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
          const xml = encode(message);
          docs.push({ name: `${id}-${String(i).padStart(3, '0')}`, message: id, xml });
          // Level 2 as well: a generated message is valid for the rules of its standard.
          const level2 = validate(xml).findings.find(isError);
          if (level2) problems.push(`${id}-${i}: ${describeFinding(level2)}`);
        } catch (error) {
          problems.push(`${id}-${i}: encode threw: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    }
    const verdicts = await xmllintDocuments(workDir('generated'), docs);
    const failedByType = new Map<string, number>();
    for (const [name, verdict] of verdicts) {
      if (verdict.accepted) continue;
      const id = name.slice(0, name.indexOf('-'));
      failedByType.set(id, (failedByType.get(id) ?? 0) + 1);
      if (failedByType.get(id)! <= 3) problems.push(`${name}: fails xmllint: ${verdict.firstError}`);
    }
    for (const [id, count] of failedByType) if (count > 3) problems.push(`${id}: ${count} generated messages fail xmllint in total`);
    const passed = [...verdicts.values()].filter((v) => v.accepted).length;
    return {
      status: problems.length ? 'fail' : 'pass',
      summary: `${passed}/${GENERATED_PER_TYPE * MESSAGE_IDS.length} generated messages pass xmllint (${MESSAGE_IDS.length} types, both standards); level-2 findings: ${problems.filter((p) => !p.includes('xmllint')).length}`,
      details: problems,
    };
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

function mutationSources(standard: StandardId): MutationSource[] {
  const sources: MutationSource[] = loadExamples()
    .filter((e) => standardIdOf(e.message) === standard)
    .map((e) => ({ name: `example:${e.name}`, message: e.message, xml: e.xml }));
  for (const f of loadFixtures()) {
    if (!f.expect.accepted || standardIdOf(f.id as MessageId) !== standard) continue;
    sources.push({ name: `fixture:${f.id}/${f.name}`, message: f.id as MessageId, xml: new TextDecoder().decode(f.bytes) });
  }
  return sources;
}

interface CorpusResult {
  readonly standard: StandardId;
  readonly mutants: number;
  readonly sources: number;
  readonly agreement: number;
  readonly disagreements: Disagreement[];
  readonly labelMismatches: string[];
  readonly pass: boolean;
  readonly details: string[];
}

async function runCorpus(standard: StandardId): Promise<CorpusResult> {
  const sources = mutationSources(standard);
  const mutants = buildMutationCorpus(sources, { count: MUTANT_COUNT, seed: MUTANT_SEED });
  const dir = workDir(`mutants-${standard}`);
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
  const byOperator = summarizeByOperator(mutants, disagreements);
  const details = [
    `${standard}: ${(agreement * 100).toFixed(2)} % (${mutants.length - disagreements.length}/${mutants.length}, target ≥ ${AGREEMENT_TARGET[standard] * 100} %); sources: ${sources.length} (examples + valid fixtures); xmllint rejects ${rejectedByXmllint}, accepts ${mutants.length - rejectedByXmllint}`,
    `${standard} by operator (disagreements/mutants): ${byOperator}`,
    ...disagreements.slice(0, 15).map((d) => `${d.mutant} ${d.mutation} — ours: ${d.ours.accepted ? 'accepted' : (d.ours.crashed ?? d.ours.firstFinding)} — xmllint: ${d.xmllint.accepted ? 'accepted' : d.xmllint.firstError}`),
    ...(disagreements.length > 15 ? [`… ${disagreements.length - 15} more in ${DISAGREEMENTS_FILE}`] : []),
    ...labelMismatches.slice(0, 5).map((l) => `generator label: ${l}`),
  ];
  const pass = mutants.length >= 2000 && agreement >= AGREEMENT_TARGET[standard] && !disagreements.some((d) => d.ours.crashed);
  return { standard, mutants: mutants.length, sources: sources.length, agreement, disagreements, labelMismatches, pass, details };
}

const mutationCheck: Check = {
  key: 'e',
  title: `mutation corpus per standard (${MUTANT_COUNT} mutants each, seed ${MUTANT_SEED}) vs xmllint`,
  async run() {
    const results: CorpusResult[] = [];
    for (const standard of STANDARD_IDS) results.push(await runCorpus(standard));
    mkdirSync(join(REPO_ROOT, 'artifacts'), { recursive: true });
    writeFileSync(
      DISAGREEMENTS_FILE,
      JSON.stringify(
        results.map((r) => ({ standard: r.standard, seed: MUTANT_SEED, mutants: r.mutants, sources: r.sources, agreement: r.agreement, disagreements: r.disagreements, generatorLabelMismatches: r.labelMismatches })),
        null,
        2,
      ) + '\n',
    );
    return {
      status: results.every((r) => r.pass) ? 'pass' : 'fail',
      summary: results
        .map((r) => `${r.standard} ${(r.agreement * 100).toFixed(2)} % (${r.mutants - r.disagreements.length}/${r.mutants}; target ≥ ${AGREEMENT_TARGET[r.standard] * 100} %)`)
        .join(', ') + ' → artifacts/conformance-disagreements.json',
      details: results.flatMap((r) => r.details),
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

const RETOUR_OF = (id: MessageId): MessageId | undefined => antwoordBerichtFor(id);

/** A level-3 finding on the deepest class of the body, so the retour carries the whole body with codes (same paths in both standards). */
function syntheticLevel3(id: MessageId): Finding {
  const path: Partial<Record<string, string>> = {
    301: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/ToewijzingNummer',
    305: '/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer',
    307: '/Bericht/Client/StopProducten/StopProduct[1]/Begindatum',
    315: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ReferentieAanbieder',
    317: '/Bericht/Client/Verzoek/ReferentieAanbieder',
    319: '/Bericht/Antwoord/ReferentieAanbieder',
    323: '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ToewijzingNummer',
  };
  const retourcode: Partial<Record<string, string>> = { 301: '9332', 305: '9019', 307: '9069', 315: '9359', 317: '9374', 319: '9355', 323: '9338' };
  return {
    rule: 'TEST-L3',
    level: 3,
    retourcode: retourcode[berichtNummer(id)] ?? '0200',
    path: path[berichtNummer(id)] ?? '/Bericht',
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
      // Heen-berichten only (the iJw examples include retours), and only those that pass level 1.
      ...loadExamples()
        .filter((e) => RETOUR_OF(e.message) && !decode(e.xml).findings.some(isError))
        .map((e) => ({ name: `example-${e.name}`, message: e.message, xml: e.xml as string | Uint8Array })),
      ...loadFixtures()
        .filter((f) => f.expect.accepted && RETOUR_OF(f.id as MessageId))
        .map((f) => ({ name: `fixture-${f.id}-${f.name}`, message: f.id as MessageId, xml: f.bytes as string | Uint8Array })),
    ];
    const problems: string[] = [];
    const docs: { name: string; message: MessageId; xml: string }[] = [];
    for (const h of heen) {
      const retourId = RETOUR_OF(h.message)!;
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

// ---------------------------------------------------------------------------
// g: level 2 of the twins

/** Rules whose outcome the iJw rule set changes (iJw spec §4.2) and the iJw-only ones (§4.1): compared apart. */
const DIFFERING_RULES: ReadonlySet<string> = new Set(['CS050', 'TR302', 'TR386', 'TR410', 'CS318', 'TR377', 'TR409']);
const TWIN_TARGET = 0.999;

const twinLevel2Check: Check = {
  key: 'g',
  title: `level 2 of the twins (iWmo mutants and messages random at level 2, seed ${MUTANT_SEED + 1}): iJw rules = iWmo rules but for the spec's differences`,
  async run() {
    const corpus = buildMutationCorpus(mutationSources('iwmo-3.2'), { count: MUTANT_COUNT, seed: MUTANT_SEED + 1 }).map((m) => ({ id: m.id, description: m.description, xml: m.xml }));
    const mod = await importOptional<{ messageArbitrary(id: MessageId, options: { coherent: boolean }): Arbitrary<Message> }>('src/generate/index.ts');
    if (mod) {
      // XSD-valid but not repaired: these break the level-2 rules at random, which is what is compared here.
      for (const [n, id] of ALL_MESSAGE_IDS.filter((i) => i.startsWith('WMO')).entries()) {
        fc.sample(mod.messageArbitrary(id, { coherent: false }), { seed: MUTANT_SEED + n, numRuns: GENERATED_PER_TYPE }).forEach((message, i) =>
          corpus.push({ id: `${id}-${i}`, description: `random ${id}`, xml: encode(message) }),
        );
      }
    }
    const mutants = corpus;
    const rulesOf = (findings: readonly Finding[]): string[] => [...new Set(findings.filter((f) => f.level === 2).map((f) => f.rule))].sort();
    let compared = 0;
    let notComparable = 0;
    let differing = 0;
    const byDifference = new Map<string, number>();
    const problems: string[] = [];
    for (const mutant of mutants) {
      const iwmo = validate(mutant.xml);
      if (!iwmo.message?.startsWith('WMO') || iwmo.findings.some((f) => f.level === 1 && isError(f))) continue;
      const ijw = validate(jwTwinOf(mutant.xml));
      // The text-level twin cannot turn every mutant (a BerichtCode in CDATA, say): such a twin fails level 1 and is not compared.
      if (!ijw.message?.startsWith('JW') || ijw.findings.some((f) => f.level === 1 && isError(f))) {
        notComparable++;
        continue;
      }
      compared++;
      const a = rulesOf(iwmo.findings);
      const b = rulesOf(ijw.findings);
      const shared = (rules: string[]) => rules.filter((r) => !DIFFERING_RULES.has(r)).join(',');
      if (a.join() !== b.join() && (a.some((r) => DIFFERING_RULES.has(r)) || b.some((r) => DIFFERING_RULES.has(r)))) {
        differing++;
        // What the twin gains and loses, e.g. `+CS318 −CS050` for a client named with NaamGebruik 6.
        const delta = [...b.filter((r) => !a.includes(r)).map((r) => `+${r}`), ...a.filter((r) => !b.includes(r)).map((r) => `−${r}`)].join(' ');
        byDifference.set(delta, (byDifference.get(delta) ?? 0) + 1);
      }
      if (shared(a) !== shared(b)) problems.push(`${mutant.id} (${mutant.description}): iWmo ${a.join(',') || '-'}, iJw ${b.join(',') || '-'}`);
    }
    const agreement = compared ? (compared - problems.length) / compared : 0;
    return {
      status: compared >= 500 && agreement >= TWIN_TARGET ? 'pass' : 'fail',
      summary: `${(agreement * 100).toFixed(2)} % (${compared - problems.length}/${compared} XSD-valid mutants and their twins; target ≥ ${TWIN_TARGET * 100} %); ${differing} differ only in ${[...DIFFERING_RULES].join('/')}; ${notComparable} twins not comparable`,
      details: [...problems.slice(0, 15), ...[...byDifference].sort((x, y) => y[1] - x[1]).map(([k, n]) => `iJw twin ${k}: ${n}`)],
    };
  },
};

// ---------------------------------------------------------------------------

const CHECKS: readonly Check[] = [codegenCheck, fixturesCheck, examplesCheck, generatedCheck, mutationCheck, retourCheck, twinLevel2Check];

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
  console.log(`conformance: xmllint (libxml ${version}), XSDs in ${STANDARD_IDS.map(xsdDir).join(', ')}\n`);
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
