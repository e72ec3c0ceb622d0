/**
 * The operations the adapters offer (validate, format, retour) as one pure
 * function over the public API, so the CLI, the HTTP service and their worker
 * threads all run exactly the same code.
 */
import { decode, isError, IwmoError, retour, serialize, validate, type DecodeOptions, type Finding, type LocalizedText, type Report, type RetourResult } from '../index.js';
import { reportJson, type ReportJson } from './report-json.js';

export type OperationName = 'validate' | 'format' | 'retour';

export interface OperationRequest {
  readonly operation: OperationName;
  readonly xml: string | Uint8Array;
  /** Run level 2 even when level 1 failed (validate only). */
  readonly allLevels?: boolean;
  /** Largest accepted input in bytes (the decoder's default is 25 MB). */
  readonly maxBytes?: number;
}

export interface OperationResult {
  readonly report: ReportJson;
  /** The XML the operation produced (format: the canonical encoding; retour: the answer). */
  readonly xml?: string;
  /** retour: which message the answer is (`WMO306`, `JW325`, …). */
  readonly answer?: string;
  /** retour: why there is no answer, when there is none. */
  readonly reason?: LocalizedText;
}

export function runOperation(request: OperationRequest): OperationResult {
  switch (request.operation) {
    case 'validate':
      return { report: reportJson(validate(request.xml, { ...limits(request), ...(request.allLevels ? { allLevels: true } : {}) })) };
    case 'format':
      return formatMessage(request.xml, limits(request));
    case 'retour':
      return retourOperationResult(retour(request.xml, limits(request)));
  }
}

/** A retour as the adapters send it: the report as JSON, and the answer's XML and type or why there is none. */
export function retourOperationResult(result: RetourResult): OperationResult {
  const report = reportJson(result.report);
  if (result.retour && result.xml !== undefined) return { report, xml: result.xml, answer: result.retour.type };
  return { report, ...(result.reason ? { reason: result.reason } : {}) };
}

function limits(request: OperationRequest): DecodeOptions {
  return request.maxBytes !== undefined ? { maxBytes: request.maxBytes } : {};
}

/** Decode and encode again: the canonical form (prefixes, order, CRLF, tabs) of a message that passes level 1. */
function formatMessage(xml: string | Uint8Array, options: DecodeOptions): OperationResult {
  const decoded = decode(xml, options);
  const findings: Finding[] = [...decoded.findings];
  let output: string | undefined;
  if (decoded.value && !findings.some(isError)) {
    try {
      output = serialize(decoded.value);
    } catch (error) {
      if (!(error instanceof IwmoError)) throw error;
      findings.push(...error.findings);
    }
  }
  const report: Report = {
    ...(decoded.message ? { message: decoded.message } : {}),
    ...(decoded.berichtCode ? { berichtCode: decoded.berichtCode } : {}),
    accepted: output !== undefined,
    findings,
  };
  return { report: reportJson(report), ...(output !== undefined ? { xml: output } : {}) };
}
