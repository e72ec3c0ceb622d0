/**
 * Validation that does not keep the model: the bytes go through the fast
 * tokenizer into the decoder, and the Clients of a WMO323 are judged at level
 * 2 in batches and dropped as soon as they close. Other messages are small:
 * their model is kept and judged whole, as `validate` always did.
 *
 * Gives up (returns undefined from `end`) whenever it cannot be sure to match
 * the whole-message path exactly — input the tokenizer leaves to saxes, a
 * profile with rules of its own, a rule that throws — and the caller then
 * validates the whole input the classic way. Same findings, same order, same
 * lines either way.
 */
import { createDecoder, type DecoderHooks } from './codec/decode.js';
import { rememberLocations, type NodeInfo } from './codec/locations.js';
import { isError, type Finding, type Report } from './findings.js';
import { checkRules, nationalProfile } from './rules/index.js';
import { NotStreamable, StreamedRules, streamableFor } from './rules/stream.js';
import type { ElementDescriptor } from './standard/descriptor.js';
import type { Message } from './standard/generated/types.js';
import { berichtNummer } from './standard/model.js';
import { standardIdOf } from './standard/standards.js';
import { ByteXmlReader } from './xml/byte-reader.js';
import type { ValidateOptions } from './api.js';

/** Clients judged at once: large enough that the rules' own overhead per batch (each re-reads the message-level parts) vanishes, small enough to stay cheap in memory (a few hundred kB alive). */
const BATCH = 128;

export interface StreamingValidation {
  /** The next bytes of the document; false once this path has given up (stop writing). */
  write(chunk: Uint8Array): boolean;
  /** The report, or undefined when this path gave up and the whole input must be validated instead. */
  end(): Report | undefined;
  /**
   * After `end` gave a report: the message read, when level 1 passed (for a
   * retour built from it). A WMO323 judged in batches comes without its
   * Clients: `clientsDropped`.
   */
  decoded(): StreamedMessage;
}

export interface StreamedMessage {
  readonly value?: Message;
  /** The Clients were judged in batches and dropped: `value`'s Clienten is empty. */
  readonly clientsDropped: boolean;
}

/** Removes the node infos of a judged subtree: they are only needed while its batch is checked. */
function forget(infos: Map<object, unknown>, value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  infos.delete(value);
  if (Array.isArray(value)) {
    for (const item of value) forget(infos, item);
    return;
  }
  for (const key in value) forget(infos, (value as Record<string, unknown>)[key]);
}

/**
 * One part of a declaratie split at Client boundaries (see
 * `node/validate-parts.ts`), validated like a whole message: the first part
 * judges the rules spanning the Clients over its own Clients and then the
 * later parts' (`end(laterClients)`); a later part (`collectSpanning`) leaves
 * them and keeps what they read of its Clients (`spanningClients`).
 */
export interface PartValidation extends StreamingValidation {
  /** The open elements' names when the bytes written so far end between markup; undefined when they end inside markup, text or a comment. */
  openElements(): readonly string[] | undefined;
  /** After `end`, in a later part: what the spanning rules read of its Clients, in document order. */
  spanningClients(): readonly string[];
  end(laterClients?: readonly string[]): Report | undefined;
}

/** `hooks.closed` sees every complex element as it closes, before a Client goes into its batch (the page counts Clients with it). */
export function startValidation(options: ValidateOptions = {}, hooks: DecoderHooks = {}): StreamingValidation {
  return startStreaming(options, false, hooks);
}

export function startPartValidation(options: ValidateOptions, part: { readonly collectSpanning: boolean }): PartValidation {
  return startStreaming(options, part.collectSpanning);
}

function startStreaming(options: ValidateOptions, collectSpanning: boolean, hooks: DecoderHooks = {}): PartValidation {
  const profile = options.profile ?? nationalProfile;
  let streamRules = options.locations !== false;
  let streamed: StreamedRules | undefined;
  let clienten: object[] | undefined;
  /** The node infos of the message-level parts (all but the Clients), as they were when the first Client closed. */
  let messageLevel: [object, NodeInfo][] = [];
  let gaveUp = false;
  let read: StreamedMessage = { clientsDropped: false };

  /** Judges the Clients collected so far and drops them; `last` at the end of the input. */
  const flush = (last = false): void => {
    if (!streamed || !clienten || clienten.length === 0) return;
    try {
      if (decoder.clean) streamed.batch(decoder.root as unknown as Message, clienten);
    } catch (error) {
      if (!(error instanceof NotStreamable)) throw error;
      gaveUp = true;
    }
    if (last) for (const client of clienten) forget(decoder.infos, client);
    else {
      // Only the message-level parts and this batch's Clients have infos now: start again from the former.
      decoder.renewInfos(messageLevel);
    }
    clienten.length = 0;
  };

  const decoder = createDecoder(options, {
    closed(element: ElementDescriptor, value) {
      hooks.closed?.(element, value);
      // Called for every complex element: the name first, the message only for a Client.
      if (!streamRules || element.name !== 'Client') return;
      const id = decoder.message?.id;
      if (!id || berichtNummer(id) !== '323') return;
      if (!streamed) {
        // A profile with rules of its own for the declaratie keeps the whole model.
        if (!streamableFor(profile, id)) {
          streamRules = false;
          return;
        }
        const root = decoder.root!;
        const declaratie = root.declaratie as { clienten?: object[] } | undefined;
        if (!declaratie?.clienten?.includes(value)) return;
        clienten = declaratie.clienten;
        streamed = new StreamedRules(profile, id, { collectSpanning });
        // Rules locate what they find through the message's registered locations.
        rememberLocations(root, { get: (object) => decoder.infos.get(object) });
        const withoutClient = new Map(decoder.infos);
        forget(withoutClient, value);
        messageLevel = [...withoutClient];
      }
      if (clienten!.length >= BATCH) flush();
    },
  });
  const reader = new ByteXmlReader(decoder.events, options.maxDepth);

  return {
    write(chunk) {
      return !gaveUp && reader.write(chunk);
    },
    openElements() {
      return gaveUp ? undefined : reader.openElements();
    },
    spanningClients() {
      return streamed?.spanningClients() ?? [];
    },
    decoded() {
      return read;
    },
    end(laterClients = []) {
      if (gaveUp) return undefined;
      const readerFindings = reader.end();
      if (!readerFindings) return undefined;
      flush(true);
      if (gaveUp) return undefined;
      const result = decoder.finish(readerFindings);
      read = { ...(result.value ? { value: result.value } : {}), clientsDropped: streamed !== undefined };
      const findings: Finding[] = [...result.findings];
      const levelOneClean = !findings.some(isError);
      const model = result.value ?? (options.allLevels ? result.partial : undefined);
      if (model && (levelOneClean || options.allLevels)) {
        let level2: readonly Finding[];
        if (streamed) {
          // Batches are judged only while level 1 is clean: the Clients read after an error are gone.
          if (!levelOneClean) return undefined;
          try {
            level2 = streamed.finish(model, laterClients);
          } catch (error) {
            if (!(error instanceof NotStreamable)) throw error;
            return undefined;
          }
        } else {
          // Later Clients need this part's own Clients streamed first.
          if (laterClients.length > 0) return undefined;
          level2 = checkRules(model, options.profile ? { profile: options.profile } : {});
        }
        for (const finding of level2) findings.push(finding);
      }
      return {
        ...(result.message ? { message: result.message, standard: standardIdOf(result.message) } : {}),
        ...(result.berichtCode ? { berichtCode: result.berichtCode } : {}),
        accepted: !findings.some(isError),
        findings,
      };
    },
  };
}
