/**
 * A dossier: every message of the relations of one party (gemeente ⇄
 * aanbieder, both directions) with the verdict and answer it got, and the
 * state derived from them. `receive` judges a received heen-bericht at levels
 * 1–4, records it with its retour or 325 and returns the answer; `add`
 * records what the party sent itself, or an answer it received. Each is one
 * transaction of the store, so concurrent writers never judge against the
 * same past, and the same message is never recorded twice.
 */
import type { XmlInput } from '../api.js';
import { decode } from '../decode-stream.js';
import { encode, type EncodeOptions } from '../codec/encode.js';
import { isError, type Finding, type LocalizedText, type Report } from '../findings.js';
import { buildRetour } from '../retour/build.js';
import { isHeenBericht, type AntwoordMessage } from '../retour/messages.js';
import type { RetourOptions } from '../retour/options.js';
import { checkRules } from '../rules/index.js';
import { isBericht } from '../rules/helpers.js';
import type { Profile } from '../rules/profile.js';
import type { Context } from '../sources/context.js';
import type { Message } from '../standard/generated/types.js';
import { berichtNummer, describeStandard } from '../standard/model.js';
import { standardIdOf } from '../standard/standards.js';
import { DossierState } from './state.js';
import type { DossierStore, DossierTransaction, ListFilter, RecordedMessage, Verdict } from './store.js';

export interface DossierOptions {
  /** The rules to run; the national profile by default. */
  readonly profile?: Profile;
  /** Level 4: the system date and external lists, made afresh per message; without it level 4 is left out. */
  readonly sources?: () => Context;
}

export interface ReceiveOptions extends RetourOptions {
  readonly encode?: EncodeOptions;
}

export interface ReceiveResult {
  readonly report: Report;
  /** The retour or 325 to send, when there is one. */
  readonly retour?: AntwoordMessage;
  readonly xml?: string;
  /** Why there is no answer, when there is none. */
  readonly reason?: LocalizedText;
  /** The record kept (undefined only for a message that broke the XSD: it has no content to keep). */
  readonly record?: RecordedMessage;
  /** True when the same message was recorded before: its first answer is given again and nothing new is kept. */
  readonly duplicate: boolean;
}

export interface AddResult {
  readonly report: Report;
  readonly record?: RecordedMessage;
  readonly duplicate: boolean;
}

const NO_ANSWER_LEVEL_1: LocalizedText = {
  nl: 'Het bericht voldoet niet aan het XSD (niveau 1): er gaat geen retourbericht terug en het wordt niet in het dossier opgenomen.',
  en: 'The message breaks the XSD (level 1): no retour is sent and it is not recorded in the dossier.',
};

/** Levels 1 and 2 on one decode: the report `validate` gives, and the typed message. */
function checkLevelsOneAndTwo(xml: XmlInput, profile: Profile | undefined): { report: Report; value?: Message } {
  const result = decode(xml);
  const findings: Finding[] = [...result.findings];
  if (result.value && !findings.some(isError)) findings.push(...checkRules(result.value, { ...(profile ? { profile } : {}), levels: [2] }));
  const report: Report = {
    ...(result.message ? { message: result.message } : {}),
    ...(result.berichtCode ? { berichtCode: result.berichtCode } : {}),
    accepted: !findings.some(isError),
    findings,
  };
  return { report, ...(result.value ? { value: result.value } : {}) };
}

async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash that tells the same message: of its typed form, so formatting and prefixes do not matter. */
export function messageHash(message: Message): Promise<string> {
  return sha256(JSON.stringify(message));
}

/**
 * A dossier holds one relation's messages of one standard: iWmo and iJw are
 * separate agreements with their own assignments, so a message of the other
 * standard is refused, not recorded and not answered.
 */
function otherStandard(state: DossierState, message: Message): Finding | undefined {
  const own = state.standard;
  const given = standardIdOf(message.type);
  if (own === undefined || own === given) return undefined;
  return {
    rule: 'DOSSIER',
    level: 3,
    retourcode: null,
    path: '/Bericht',
    message: {
      nl: `Dit dossier bevat berichten van ${describeStandard(own)}; een ${message.type} (${describeStandard(given)}) hoort in een eigen dossier en wordt niet opgenomen.`,
      en: `This dossier holds messages of ${describeStandard(own)}; a ${message.type} (${describeStandard(given)}) belongs in a dossier of its own and is not recorded.`,
    },
    severity: 'error',
  };
}

/** Whether the answer to a received message leaves it counting: a clean retour, or a 325 that processed the declaration. */
function answerAccepts(message: Message, answer: AntwoordMessage | undefined, findings: readonly Finding[]): boolean {
  if (berichtNummer(message.type) !== '323') return !findings.some(isError);
  if (!answer || !isBericht(answer, '325')) return false;
  const codes = answer.declaratieAntwoord?.retourCodes ?? [];
  return answer.header.retourCodes.join() === '0200' && codes.length > 0 && codes.every((c) => c === '0200' || c === '8001');
}

export class Dossier {
  private state = new DossierState();

  constructor(
    readonly store: DossierStore,
    readonly id: string = 'default',
    private readonly options: DossierOptions = {},
  ) {}

  /** Brings the derived state up to date with what the store holds (other writers included). */
  private async catchUp(tx: DossierTransaction): Promise<DossierState> {
    for (const record of await tx.since(this.state.seq)) this.state.apply(record);
    return this.state;
  }

  /** Runs `work` in a store transaction; a failure forgets the derived state, which is rebuilt from the store next time. */
  private async inTransaction<T>(work: (tx: DossierTransaction) => Promise<T>): Promise<T> {
    try {
      return await this.store.transaction(this.id, work);
    } catch (error) {
      this.state = new DossierState();
      throw error;
    }
  }

  /**
   * Judges a received heen-bericht at levels 1–4 against the dossier, records
   * it with its verdict and answer, and returns the answer (a retour, or a 325
   * for a 323). A message that breaks the XSD gets no answer and is not kept.
   */
  async receive(xml: XmlInput, options: ReceiveOptions = {}): Promise<ReceiveResult> {
    const profile = this.options.profile;
    const { report: validated, value } = checkLevelsOneAndTwo(xml, profile);
    if (!value || validated.findings.some((f) => f.level === 1 && isError(f))) return { report: validated, reason: NO_ANSWER_LEVEL_1, duplicate: false };
    if (!isHeenBericht(value)) {
      return {
        report: validated,
        reason: { nl: `Een ${value.type} is zelf een antwoord: neem het op met add.`, en: `A ${value.type} is an answer itself: record it with add.` },
        duplicate: false,
      };
    }
    const hash = await messageHash(value);
    return this.inTransaction(async (tx) => {
      const earlier = await tx.byHash(hash);
      if (earlier) return this.replay(earlier, validated, options);
      const state = await this.catchUp(tx);
      const mixed = otherStandard(state, value);
      if (mixed) return { report: { ...validated, accepted: false, findings: [...validated.findings, mixed] }, reason: mixed.message, duplicate: false };
      const findings = [...validated.findings];
      // Levels 3 and 4 only after a clean level 2, as the national chain does.
      if (!findings.some(isError)) {
        const sources = this.options.sources?.();
        findings.push(...checkRules(value, { ...(profile ? { profile } : {}), dossier: state, ...(sources ? { sources } : {}), levels: [3, 4] }));
      }
      const retour = buildRetour(value, findings, options);
      const verdict: Verdict = {
        accepted: answerAccepts(value, retour, findings),
        retourCodes: retour ? [...((retour.header as { retourCodes?: string[] }).retourCodes ?? [])] : [],
        findings,
      };
      const record = await tx.append({ direction: 'received', message: value, hash, verdict, ...(retour ? { answer: retour } : {}), recordedAt: new Date().toISOString() });
      state.apply(record);
      const report: Report = { ...validated, accepted: !findings.some(isError), findings };
      return { report, ...(retour ? { retour, xml: encode(retour, options.encode) } : {}), record, duplicate: false };
    });
  }

  private replay(earlier: RecordedMessage, validated: Report, options: ReceiveOptions): ReceiveResult {
    const findings = earlier.verdict.findings;
    const report: Report = { ...validated, accepted: !findings.some(isError), findings };
    const answer = earlier.answer as AntwoordMessage | undefined;
    return { report, ...(answer ? { retour: answer, xml: encode(answer, options.encode) } : {}), record: earlier, duplicate: true };
  }

  /**
   * Records a message the party sent itself (it counts until a retour or 325
   * that rejects it is recorded), or an answer it received. Only a message
   * clean at levels 1 and 2 is recorded: an invalid one is refused, with its report.
   * A received 325 is also checked against the declaration it answers (TR337 and on); its findings are reported, not answered.
   */
  async add(xml: XmlInput): Promise<AddResult> {
    const profile = this.options.profile;
    const { report: validated, value } = checkLevelsOneAndTwo(xml, profile);
    if (!value || !validated.accepted) return { report: validated, duplicate: false };
    const hash = await messageHash(value);
    return this.inTransaction(async (tx) => {
      const earlier = await tx.byHash(hash);
      if (earlier) return { report: validated, record: earlier, duplicate: true };
      const state = await this.catchUp(tx);
      const mixed = otherStandard(state, value);
      if (mixed) return { report: { ...validated, accepted: false, findings: [...validated.findings, mixed] }, duplicate: false };
      const findings = [...validated.findings];
      if (!isHeenBericht(value)) findings.push(...checkRules(value, { ...(profile ? { profile } : {}), dossier: state, levels: [3] }));
      const verdict: Verdict = { accepted: true, retourCodes: [], findings };
      const record = await tx.append({ direction: isHeenBericht(value) ? 'sent' : 'received', message: value, hash, verdict, recordedAt: new Date().toISOString() });
      state.apply(record);
      return { report: { ...validated, findings }, record, duplicate: false };
    });
  }

  /** The recorded messages in order. */
  list(filter?: ListFilter): Promise<RecordedMessage[]> {
    return this.store.list(this.id, filter);
  }

  /** Removes messages dated before `date` (retention); the derived state is rebuilt from what stays. */
  async purge(before: string): Promise<number> {
    const removed = await this.store.purge(this.id, before);
    this.state = new DossierState();
    return removed;
  }

  /** The derived state as of now (for inspection; rules get it inside the transaction). */
  async current(): Promise<DossierState> {
    return this.inTransaction((tx) => this.catchUp(tx));
  }
}
