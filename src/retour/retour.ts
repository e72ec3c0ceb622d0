/**
 * One call from received XML to the answer to send: validate like the
 * national chain, then build the retour (or 325) and write it as XML.
 */
import { validateDecoded, type ValidateOptions, type XmlInput } from '../api.js';
import { decodeWithSaxes, type DecoderHooks } from '../codec/decode.js';
import type { DecodeResult } from '../codec/types.js';
import { decode } from '../decode-stream.js';
import { encode, type EncodeOptions } from '../codec/encode.js';
import { isError, type Finding, type LocalizedText, type Report } from '../findings.js';
import { throughChunks, type ChunkSource } from '../validate-chunks.js';
import { startValidation, type StreamedMessage } from '../validate-stream.js';
import { throughTokenizer, type TokenizerPath } from '../xml/input-chunks.js';
import { DEFAULT_MAX_BYTES, tooLargeReport } from '../xml/reader.js';
import { buildRetour } from './build.js';
import { declaratieAntwoordNeedsClients } from './declaratie-antwoord.js';
import { antwoordBerichtFor, type AntwoordMessage } from './messages.js';
import type { RetourOptions } from './options.js';

export interface RetourCallOptions extends Omit<ValidateOptions, 'allLevels'>, RetourOptions {
  /**
   * Findings from checks outside `validate` (a dossier of earlier messages at
   * level 3, external sources at level 4); they join the report and shape the retour.
   */
  readonly additionalFindings?: readonly Finding[];
  /** How the answer is written (line ends, indentation). */
  readonly encode?: EncodeOptions;
}

export interface RetourResult {
  /** The validation report, with any additional findings. */
  readonly report: Report;
  /** The answer to send, when there is one. */
  readonly retour?: AntwoordMessage;
  /** The answer as iWmo XML. */
  readonly xml?: string;
  /** Why there is no answer, when there is none. */
  readonly reason?: LocalizedText;
}

const NO_RETOUR_LEVEL_1: LocalizedText = {
  nl: 'Het bericht voldoet niet aan het XSD (niveau 1): er gaat geen retourbericht terug, de afzender krijgt een foutmelding.',
  en: 'The message breaks the XSD (level 1): no retour is sent; the sender gets an error message instead.',
};

/**
 * Validates a received message and builds the answer to it. There is no
 * answer when level 1 failed or when the message is itself an answer.
 * Bytes and text take the streaming path of `validate`: a WMO323's Clients
 * are judged in batches and dropped, since its 325 needs them only when
 * `additionalFindings` reject Prestaties (then the message is read whole).
 * @throws IwmoError only when the options make the answer invalid (an identificatie over 12 characters, say).
 */
export function retour(xml: XmlInput, options: RetourCallOptions = {}): RetourResult {
  const chain = onTheChain(options);
  let path: RetourPath | undefined;
  return throughTokenizer(xml, options.maxBytes ?? DEFAULT_MAX_BYTES, () => (path = startRetour(chain))) ?? answerWhole(xml, chain, path);
}

/**
 * The answer to a message read in chunks (a file, an HTTP body; see
 * `ChunkSource`), as `retour` gives it on the whole input, without the whole
 * input in memory.
 */
export async function retourChunks(open: ChunkSource, options: RetourCallOptions = {}): Promise<RetourResult> {
  const chain = onTheChain(options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const path = startRetour(chain);
  return throughChunks(open, maxBytes, path, {
    overCap: (size) => retourTooLarge(size, maxBytes, chain),
    whole: (bytes) => answerWhole(bytes, chain, path),
  });
}

/** What `retour` answers on input of `size` bytes, over `maxBytes`: no retour, and the report of a message refused unread. */
export function retourTooLarge(size: number, maxBytes: number, options: RetourCallOptions = {}): RetourResult {
  return answerValidated(tooLargeReport(size, maxBytes), {}, options)!;
}

/** The classic path, kept as the reference the streamed retour is tested against: the whole model read by saxes. */
export function retourWhole(xml: XmlInput, options: RetourCallOptions = {}): RetourResult {
  return answerWhole(xml, onTheChain(options));
}

/** The national chain stops after level 1, so the retour does too, whatever the caller asked for. */
function onTheChain(options: RetourCallOptions): AnswerOptions {
  return { ...options, allLevels: false };
}

/** The streaming path of a retour; `needsWholeModel` once it has read the message but the answer needs the Clients it dropped. */
export interface RetourPath extends TokenizerPath<RetourResult> {
  readonly needsWholeModel: boolean;
}

/**
 * Validation on the streaming path, then the answer from what it read; gives
 * up when the answer needs Clients it dropped. As `answerDecoded`, the report
 * follows `allLevels` and the answer the chain.
 */
export function startRetour(options: AnswerOptions, hooks: DecoderHooks = {}): RetourPath {
  const validation = startValidation(options, hooks);
  let needsWholeModel = false;
  return {
    write: (chunk) => validation.write(chunk),
    end() {
      const report = validation.end();
      const answer = report && answerValidated(report, validation.decoded(), options);
      needsWholeModel = report !== undefined && answer === undefined;
      return answer;
    },
    get needsWholeModel() {
      return needsWholeModel;
    },
  };
}

/**
 * The answer from the whole model, where the streaming path (if it ran) gave
 * none: read by the byte tokenizer when that path read the message and only
 * lacked its Clients, by saxes when the tokenizer gave up (it would only give
 * up again at the same place).
 */
export function answerWhole(xml: XmlInput, options: AnswerOptions, path?: RetourPath): RetourResult {
  return answerDecoded(path?.needsWholeModel ? decode(xml, options) : decodeWithSaxes(xml, options), options);
}

export interface AnswerOptions extends RetourCallOptions {
  /** For the report only: level 2 even when level 1 failed (an editor's view). The answer follows the chain either way. */
  readonly allLevels?: boolean;
}

/**
 * The report and the answer on a message already decoded, so the message is
 * read once for both.
 */
export function answerDecoded(decoded: DecodeResult, options: AnswerOptions = {}): RetourResult {
  return answerValidated(validateDecoded(decoded, options), decoded.value ? { value: decoded.value } : {}, options)!;
}

/** The answer on a validated message; undefined only when it needs the Clients a streamed declaratie dropped. */
function answerValidated(validated: Report, read: Partial<StreamedMessage>, options: AnswerOptions): RetourResult | undefined {
  const findings = [...validated.findings, ...(options.additionalFindings ?? [])];
  const report: Report = { ...validated, accepted: !findings.some(isError), findings };

  if (validated.findings.some((f) => f.level === 1 && isError(f))) return { report, reason: NO_RETOUR_LEVEL_1 };
  if (!report.message || !antwoordBerichtFor(report.message)) {
    const which = report.message ?? 'onbekend';
    return {
      report,
      reason: {
        nl: `Op een ${which} gaat geen retourbericht terug: het is zelf een antwoord.`,
        en: `A ${which} gets no retour: it is an answer itself.`,
      },
    };
  }
  if (!read.value) return { report, reason: NO_RETOUR_LEVEL_1 };
  if (read.clientsDropped && declaratieAntwoordNeedsClients(findings)) return undefined;
  const answer = buildRetour(read.value, findings, options);
  if (!answer) return { report, reason: NO_RETOUR_LEVEL_1 };
  return { report, retour: answer, xml: encode(answer, options.encode) };
}
