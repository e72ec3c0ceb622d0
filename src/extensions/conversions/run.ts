/**
 * One conversion or projection from serialised input (XML text, JSON text or
 * parsed JSON) to written messages and a report: the shared core of
 * `iwmo convert`, `iwmo project`, `POST /v1/convert` and `POST /v1/project`.
 * Runs in browsers too (no Node built-ins).
 */
import { detect, safeParse, serialize } from '../../api.js';
import { safeParseDocument } from '../documents/index.js';
import type { Finding } from '../../findings.js';
import type { MessageId } from '../../standard/descriptor.js';
import type { Message, WMO301 } from '../../standard/generated/types.js';
import type { ExtensionDocument, Profile } from '../model.js';
import { convert, project } from './convert.js';
import { extFinding } from './findings.js';
import { conversionRuleOf, type ConversionReport, type ConversionResult, type ReportRule } from './report.js';

export interface WrittenMessage {
  /** `WMO301-1.xml`: the type and its count in this outcome. */
  readonly name: string;
  readonly type: MessageId;
  readonly xml: string;
}

export interface ConversionOutcome {
  /** `lossy` exactly when the report lists a loss. */
  readonly status: 'lossless' | 'lossy' | 'refused';
  readonly rule?: ReportRule;
  readonly report?: ConversionReport;
  readonly messages: readonly WrittenMessage[];
  /** What the conversion gives besides messages (contracts, proposals, tables), when anything. */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Refusal reasons, or warnings beside a conversion. */
  readonly findings: readonly Finding[];
}

export interface ConversionRequest {
  /** `C1` … `C10` or a descriptive name (`specific-to-budget`). */
  readonly rule: string;
  /** A 301 (or 323) as XML text, an extension document as JSON text or object, or a list of them. */
  readonly input: unknown;
  /** The Profile document, as JSON text or object. */
  readonly profile: unknown;
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface ProjectionRequest {
  readonly document: unknown;
  readonly profile: unknown;
  /** `assignment` may be the client's current 301 as XML text. */
  readonly options?: Readonly<Record<string, unknown>>;
}

type Parsed = { ok: true; value: unknown } | { ok: false; findings: Finding[] };

function parseOne(value: unknown, path: string): Parsed {
  if (value instanceof Uint8Array) value = new TextDecoder().decode(value);
  if (typeof value !== 'string') return { ok: true, value };
  const text = value.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<') && !detect(text)) {
    // Not a standard message: an extension document in its XML sidecar form.
    const document = safeParseDocument(text);
    return document.ok ? { ok: true, value: document.value } : { ok: false, findings: [...document.findings] };
  }
  if (text.startsWith('<')) {
    const parsed = safeParse(text);
    if (!parsed.ok) {
      return {
        ok: false,
        findings: [extFinding('EXT211', path, 'Het invoerbericht haalt niveau 1 (XSD) niet.', 'The input message does not pass level 1 (XSD).'), ...parsed.findings],
      };
    }
    return { ok: true, value: parsed.value };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, findings: [extFinding('EXT204', path, 'De invoer is geen XML-bericht en geen JSON-document.', 'The input is neither an XML message nor a JSON document.')] };
  }
}

function parseMany(value: unknown, path: string): Parsed {
  if (!Array.isArray(value)) return parseOne(value, path);
  const values: unknown[] = [];
  for (const [i, item] of value.entries()) {
    const parsed = parseOne(item, `${path}[${i + 1}]`);
    if (!parsed.ok) return parsed;
    values.push(parsed.value);
  }
  return { ok: true, value: values };
}

/** A rule that takes a list gets one message as a list of one. */
function shapeFor(rule: string, value: unknown): unknown {
  const id = conversionRuleOf(rule);
  if ((id === 'C5' || id === 'C8') && !Array.isArray(value) && (value as Message | undefined)?.type?.startsWith?.('WMO')) return [value];
  return value;
}

function written(messages: readonly Message[]): WrittenMessage[] {
  const counts = new Map<string, number>();
  return messages.map((message) => {
    const n = (counts.get(message.type) ?? 0) + 1;
    counts.set(message.type, n);
    return { name: `${message.type}-${n}.xml`, type: message.type, xml: serialize(message) };
  });
}

function outcomeOf(result: ConversionResult<unknown>): ConversionOutcome {
  if (!result.ok) return { status: 'refused', ...(result.rule ? { rule: result.rule } : {}), messages: [], findings: result.findings };
  const { messages = [], ...rest } = (result.output ?? {}) as { messages?: readonly Message[] } & Record<string, unknown>;
  const data = Object.keys(rest).length ? rest : undefined;
  return {
    status: result.report.lossless ? 'lossless' : 'lossy',
    rule: result.report.rule,
    report: result.report,
    messages: written(messages),
    ...(data ? { data } : {}),
    findings: result.findings,
  };
}

export function runConversion(request: ConversionRequest): ConversionOutcome {
  const input = parseMany(request.input, '/input');
  if (!input.ok) return { status: 'refused', messages: [], findings: input.findings };
  const profile = parseOne(request.profile, '/profile');
  if (!profile.ok) return { status: 'refused', messages: [], findings: profile.findings };
  const options: Record<string, unknown> = { ...(request.options ?? {}) };
  for (const key of ['assignment', 'intensity'] as const) {
    if (options[key] === undefined) continue;
    const parsed = parseOne(options[key], `/options/${key}`);
    if (!parsed.ok) return { status: 'refused', messages: [], findings: parsed.findings };
    options[key] = parsed.value;
  }
  return outcomeOf(convert(request.rule, shapeFor(request.rule, input.value), profile.value as Profile, options));
}

export function runProjection(request: ProjectionRequest): ConversionOutcome {
  const document = parseOne(request.document, '/document');
  if (!document.ok) return { status: 'refused', messages: [], findings: document.findings };
  const profile = parseOne(request.profile, '/profile');
  if (!profile.ok) return { status: 'refused', messages: [], findings: profile.findings };
  const options: Record<string, unknown> = { ...(request.options ?? {}) };
  if (options.assignment !== undefined) {
    const parsed = parseOne(options.assignment, '/options/assignment');
    if (!parsed.ok) return { status: 'refused', messages: [], findings: parsed.findings };
    options.assignment = parsed.value as WMO301;
  }
  return outcomeOf(project(document.value as ExtensionDocument, profile.value as Profile, options));
}
