/**
 * What the validation worker does with a message, as steps: the bytes are
 * read a chunk at a time (a step after each, so the worker can report
 * progress and take newer requests in between) on the streaming path of
 * `retour`, which judges a declaratie's Clients in batches and drops them,
 * and one reading gives both the report and the retour.
 */
import { isError, type Report } from '../findings.js';
import type { RetourOptions } from '../retour/options.js';
import { answerWhole, startRetour, type RetourPath, type RetourResult } from '../retour/retour.js';
import { DEFAULT_MAX_BYTES } from '../xml/reader.js';
import { MAX_LISTED, PROGRESS_BYTES, type CheckProgress, type CheckResult, type ReportSummary } from './protocol.js';

export type CheckStep = Omit<CheckProgress, 'kind' | 'id'>;
export type CheckOutcome = Omit<CheckResult, 'kind' | 'id' | 'failure'>;

/**
 * Reads a message in chunks and answers it: the report `validate` gives
 * (with `allLevels` as asked) and the answer `retour` gives. Yields after
 * every chunk read and before the rules run.
 */
export function* answerInSteps(bytes: Uint8Array, allLevels: boolean, options: RetourOptions = {}): Generator<CheckStep, RetourResult, void> {
  const total = bytes.byteLength;
  const answering = { ...options, allLevels };
  let clients = 0;
  let answer: RetourResult | undefined;
  let path: RetourPath | undefined;
  if (total <= DEFAULT_MAX_BYTES) {
    path = startRetour(answering, {
      closed(element) {
        if (element.name === 'Client') clients++;
      },
    });
    let reading = true;
    for (let offset = 0; offset < total && reading; offset += PROGRESS_BYTES) {
      const chunk = bytes.subarray(offset, offset + PROGRESS_BYTES);
      reading = path.write(chunk);
      if (reading) yield { phase: 'reading', done: offset + chunk.byteLength, total, clients };
    }
    yield { phase: 'judging', done: total, total, clients };
    // Undefined when the path gave up.
    if (reading) answer = path.end();
  } else yield { phase: 'judging', done: total, total, clients };
  // What the fast path leaves (and anything over the cap) is read whole, with the same findings.
  return answer ?? answerWhole(bytes, answering, path);
}

/** The steps of `answerInSteps`, ending in what the page is sent: a summary of the report, and the answer as XML. */
export function* checkSteps(bytes: Uint8Array, allLevels: boolean, options: RetourOptions = {}): Generator<CheckStep, CheckOutcome, void> {
  const answer = yield* answerInSteps(bytes, allLevels, options);
  return {
    summary: summarize(answer.report),
    ...(answer.retour && answer.xml !== undefined ? { retour: { message: answer.retour.type, xml: answer.xml } } : {}),
    ...(answer.reason ? { noRetour: answer.reason } : {}),
  };
}

/** What the page shows of a report, small however many findings it has. */
export function summarize(report: Report): ReportSummary {
  const notes = new Map<number, { error: boolean; label: string }>();
  let errors = 0;
  for (const finding of report.findings) {
    const error = isError(finding);
    if (error) errors++;
    if (finding.line === undefined) continue;
    const before = notes.get(finding.line);
    notes.set(finding.line, { error: error || !!before?.error, label: before ? `${before.label}, ${finding.rule}` : finding.rule });
  }
  const lines = new Uint32Array(notes.size);
  const lineErrors = new Uint8Array(notes.size);
  const labels: string[] = [];
  let at = 0;
  for (const [line, note] of notes) {
    lines[at] = line;
    lineErrors[at++] = note.error ? 1 : 0;
    labels.push(note.label);
  }
  return {
    ...(report.message ? { message: report.message } : {}),
    ...(report.standard ? { standard: report.standard } : {}),
    ...(report.berichtCode ? { berichtCode: report.berichtCode } : {}),
    accepted: report.accepted,
    count: report.findings.length,
    errors,
    listed: report.findings.slice(0, MAX_LISTED),
    lines,
    lineErrors,
    lineLabels: labels.join('\n'),
  };
}
