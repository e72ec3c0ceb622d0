/**
 * One call from received XML to the answer to send: validate like the
 * national chain, then build the retour (or 325) and write it as XML.
 */
import { validateDecoded, type ValidateOptions, type XmlInput } from '../api.js';
import type { DecodeResult } from '../codec/types.js';
import { decode } from '../decode-stream.js';
import { encode, type EncodeOptions } from '../codec/encode.js';
import { isError, type Finding, type LocalizedText, type Report } from '../findings.js';
import { buildRetour } from './build.js';
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
 * @throws IwmoError only when the options make the answer invalid (an identificatie over 12 characters, say).
 */
export function retour(xml: XmlInput, options: RetourCallOptions = {}): RetourResult {
  // One read gives both the report and the model the answer is copied from.
  // The national chain stops after level 1, so the retour does too, whatever the caller asked for.
  return answerDecoded(decode(xml, options), { ...options, allLevels: false });
}

export interface AnswerOptions extends RetourCallOptions {
  /** For the report only: level 2 even when level 1 failed (an editor's view). The answer follows the chain either way. */
  readonly allLevels?: boolean;
}

/**
 * The report and the answer on a message already decoded (by `decode`
 * or `startDecode`), so the message is read once for both.
 */
export function answerDecoded(decoded: DecodeResult, options: AnswerOptions = {}): RetourResult {
  const validated = validateDecoded(decoded, options);
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
  if (!decoded.value) return { report, reason: NO_RETOUR_LEVEL_1 };
  const answer = buildRetour(decoded.value, findings, options);
  if (!answer) return { report, reason: NO_RETOUR_LEVEL_1 };
  return { report, retour: answer, xml: encode(answer, options.encode) };
}
