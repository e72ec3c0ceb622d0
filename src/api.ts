/**
 * The public operations, shaped like zod: `parse` throws one IwmoError with
 * every finding, `safeParse` returns them as data, `validate` gives a Report.
 */
import { IwmoError, isError, type Finding, type Report } from './findings.js';
import { decodeWithSaxes } from './codec/decode.js';
import { decode } from './decode-stream.js';
import { encode, type EncodeOptions } from './codec/encode.js';
import { detectMessage, type Detection } from './codec/detect.js';
import type { DecodeOptions, DecodeResult } from './codec/types.js';
import type { Message } from './standard/generated/types.js';
import { standardIdOf } from './standard/standards.js';
import { checkRules, type Profile } from './rules/index.js';
import { startValidation } from './validate-stream.js';
import { throughTokenizer } from './xml/input-chunks.js';
import { DEFAULT_MAX_BYTES } from './xml/reader.js';

export type XmlInput = string | Uint8Array;

export type SafeParseResult =
  | { readonly ok: true; readonly value: Message; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** Decodes a message and checks it at level 1 (XSD); throws IwmoError when it is not valid. */
export function parse(xml: XmlInput, options?: DecodeOptions): Message {
  const result = safeParse(xml, options);
  if (!result.ok) throw new IwmoError(result.findings);
  return result.value;
}

/** Like parse, but returns the findings instead of throwing. */
export function safeParse(xml: XmlInput, options?: DecodeOptions): SafeParseResult {
  const result = decode(xml, options);
  if (result.value && !result.findings.some(isError)) return { ok: true, value: result.value, findings: result.findings };
  return { ok: false, findings: result.findings };
}

export interface ValidateOptions extends DecodeOptions {
  /** Rules to apply at level 2 and up; the national standard by default. */
  readonly profile?: Profile;
  /**
   * Run level 2 even when level 1 failed (for editors). The national chain stops
   * after level 1, and so does validate by default.
   */
  readonly allLevels?: boolean;
}

/** Validates a message like the national chain: level 1 (XSD), then the in-message rules of level 2. */
export function validate(xml: XmlInput, options?: ValidateOptions): Report {
  // Bytes and text take the streaming path (a WMO323 is judged per batch of Clients and never held whole);
  // what it leaves (over the size cap, a lone surrogate, input the fast tokenizer does not take) goes the classic way.
  return throughTokenizer(xml, options?.maxBytes ?? DEFAULT_MAX_BYTES, () => startValidation(options)) ?? validateWhole(xml, options);
}

/** The classic path: the whole typed model, then the rules over it. */
export function validateWhole(xml: XmlInput, options?: ValidateOptions): Report {
  return validateDecoded(decodeWithSaxes(xml, options), options);
}

/** The report on a message already decoded: its level-1 findings, then level 2 over the typed model (the model is kept for whoever needs it next, as a retour does). */
export function validateDecoded(result: DecodeResult, options?: ValidateOptions): Report {
  const findings: Finding[] = [...result.findings];
  const levelOneClean = !findings.some(isError);
  // With `allLevels`, level 2 also judges what could be read of a message level 1 refused.
  const model = result.value ?? (options?.allLevels ? result.partial : undefined);
  if (model && (levelOneClean || options?.allLevels)) {
    findings.push(...checkRules(model, options?.profile ? { profile: options.profile } : {}));
  }
  return {
    ...(result.message ? { message: result.message, standard: standardIdOf(result.message) } : {}),
    ...(result.berichtCode ? { berichtCode: result.berichtCode } : {}),
    accepted: !findings.some(isError),
    findings,
  };
}

/** Writes a typed message as XML of its standard (UTF-8 text, CRLF, prefixes wmo3NN and iwmo, or jw3NN and ijw). Throws IwmoError when it breaks the XSD. */
export function serialize(message: Message, options?: EncodeOptions): string {
  return encode(message, options);
}

/** Tells which message an XML document is, from its root namespace, without validating it. */
export function detect(xml: XmlInput): Detection | undefined {
  return detectMessage(xml);
}
