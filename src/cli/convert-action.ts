/**
 * What `iwmo convert` and `iwmo project` do, loaded only when they run: the
 * conversions, projections and extension documents are needed by these
 * commands alone.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maskBsns, runConversion, runProjection, type ConversionOutcome } from '../extensions-entry.js';
import { describeIoError } from './files.js';
import { EXIT_ACCEPTED, EXIT_LOSSY, EXIT_REJECTED, EXIT_USAGE } from './exit-codes.js';

/** Messages and documents are passed on as text (XML, JSON or the XML sidecar): the conversion reads and checks them. */
async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`iwmo: ${file}: ${describeIoError(error)}\n`);
    return undefined;
  }
}

/** Findings as the validate command shows them, with any BSN in a text masked. */
function findingLines(outcome: ConversionOutcome): string[] {
  return outcome.findings.map((f) => `  ${f.severity === 'warning' ? 'warning' : 'error'} ${f.rule} ${f.path}\n    nl: ${maskBsns(f.message.nl)}\n    en: ${maskBsns(f.message.en)}`);
}

async function writeOutcome(outcome: ConversionOutcome, out: string): Promise<number> {
  const label = outcome.rule ?? 'conversion';
  const report =
    outcome.status === 'refused'
      ? { rule: outcome.rule ?? null, refused: true, findings: outcome.findings }
      : { ...outcome.report!, messages: outcome.messages.map((m) => m.name), findings: outcome.findings };
  try {
    await mkdir(out, { recursive: true });
    for (const message of outcome.messages) {
      const file = join(out, message.name);
      await writeFile(file, message.xml);
      process.stdout.write(file + '\n');
    }
    if (outcome.data) await writeFile(join(out, 'output.json'), JSON.stringify(outcome.data, null, 2) + '\n');
    await writeFile(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  } catch (error) {
    process.stderr.write(`iwmo: ${out}: ${describeIoError(error)}\n`);
    return EXIT_USAGE;
  }
  if (outcome.status === 'refused') {
    process.stderr.write(`${label}: refused\n${findingLines(outcome).join('\n')}\n`);
    return EXIT_REJECTED;
  }
  const warnings = findingLines(outcome);
  if (warnings.length) process.stderr.write(`${warnings.join('\n')}\n`);
  if (outcome.status === 'lossy') {
    const losses = outcome.report!.losses.map((l) => `  ${l.code}: ${maskBsns(l.detail)}`);
    process.stderr.write(`${label}: converted with ${losses.length} loss${losses.length === 1 ? '' : 'es'} (see ${join(out, 'report.json')})\n${losses.join('\n')}\n`);
    return EXIT_LOSSY;
  }
  return EXIT_ACCEPTED;
}

export interface ConvertOptions {
  profile: string;
  out: string;
  on?: string;
  toewijzingNummer?: number;
  firstToewijzingNummer?: number;
  dagtekening?: string;
  horizon?: string;
  form?: 'aspecifiek' | 'generiek';
  productCode?: string;
  eenheid?: '01' | '04' | '84';
  intensity?: string;
  assignment?: string;
}

export async function convertCommand(rule: string, file: string, options: ConvertOptions): Promise<number> {
  const input = await readText(file);
  if (input === undefined) return EXIT_USAGE;
  const profile = await readText(options.profile);
  if (profile === undefined) return EXIT_USAGE;
  let intensity: unknown;
  if (options.intensity !== undefined) {
    intensity = await readText(options.intensity);
    if (intensity === undefined) return EXIT_USAGE;
  }
  const { profile: _p, out, intensity: _i, assignment: _a, ...rest } = options;
  const outcome = runConversion({ rule, input, profile, options: { ...rest, ...(intensity !== undefined ? { intensity } : {}) } });
  return writeOutcome(outcome, out);
}

export interface ProjectOptions {
  profile: string;
  out: string;
  assignment?: string;
}

export async function projectCommand(file: string, options: ProjectOptions): Promise<number> {
  const document = await readText(file);
  if (document === undefined) return EXIT_USAGE;
  const profile = await readText(options.profile);
  if (profile === undefined) return EXIT_USAGE;
  let assignment: string | undefined;
  if (options.assignment !== undefined) {
    assignment = await readText(options.assignment);
    if (assignment === undefined) return EXIT_USAGE;
  }
  const outcome = runProjection({ document, profile, options: assignment !== undefined ? { assignment } : {} });
  return writeOutcome(outcome, options.out);
}
