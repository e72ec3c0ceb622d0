/**
 * Level 2 of a WMO323 judged while it is read: Clients are checked in
 * batches and then dropped, so memory does not grow with the declaratie.
 *
 * Every rule of the profile must be one whose findings are exactly those of
 * the whole message in the same order, taken batch by batch:
 * - a rule with a ClientStream (TR101, TR315, TR316, TR358) carries its keys
 *   and totals from batch to batch;
 * - every other national rule looks at the message-level parts and at each
 *   Client on its own, so on a message with one batch of Clients it gives the
 *   message-level findings (the same for every batch, reported once) followed
 *   by those of the batch.
 * A profile with a rule of its own or an overridden check is not streamed.
 */
import type { Finding } from '../findings.js';
import { locatorFor, type Locator } from '../codec/locations.js';
import type { MessageId } from '../standard/descriptor.js';
import type { Message } from '../standard/generated/types.js';
import { clientFieldsOf, clientStreamOf, mergeClientFields, pickClientFields, type ClientFields, type ClientStream } from './helpers.js';
import { findingOf } from './index.js';
import type { Profile } from './profile.js';
import { rules as nationalRules } from './registry.js';
import type { Rule, RuleContext } from './rule.js';

/** Thrown when a batch does not behave as the plan assumes; the caller then validates the whole message. */
export class NotStreamable extends Error {}

interface Planned {
  readonly rule: Rule;
  readonly findings: Finding[];
  /** Separable rules: the message-level findings, known after the first batch. */
  head: Finding[] | undefined;
  stream: ClientStream | undefined;
}

const sameFinding = (a: Finding, b: Finding): boolean => a.path === b.path && a.line === b.line && a.column === b.column && a.message.en === b.message.en;

/** Whether the profile's rules for a declaratie (WMO323 or JW323) can be judged streaming. */
export function streamableFor(profile: Profile, message: MessageId): boolean {
  return profile.rules.every((rule) => !rule.messages.includes(message) || nationalRules[rule.id]?.check === rule.check);
}

/** What of each Client the rules spanning the Clients of `message` read, all together (undefined when none does). */
function spanningFields(rules: readonly Rule[]): ClientFields | undefined {
  let fields: ClientFields | undefined;
  for (const rule of rules) {
    const reads = clientFieldsOf(rule);
    if (reads) fields = fields ? mergeClientFields(fields, reads) : reads;
  }
  return fields;
}

export interface StreamedRulesOptions {
  /**
   * For a later part of a declaratie split over threads: the rules spanning
   * the Clients are not judged here; the parts of each Client they read are
   * kept (`spanningClients`, a JSON text per batch: compact while it waits
   * and is sent between threads) for the first part's `finish`.
   */
  readonly collectSpanning?: boolean;
}

export class StreamedRules {
  private readonly planned: Planned[];
  private readonly options: Profile['options'];
  private locator: Locator | undefined;
  private started = false;
  private nextOrdinal = 1;
  private readonly collected: string[] | undefined;
  private readonly collectFields: ClientFields | undefined;

  constructor(profile: Profile, message: MessageId, streamOptions: StreamedRulesOptions = {}) {
    this.options = profile.options;
    const rules = profile.rules.filter((rule) => rule.messages.includes(message));
    if (streamOptions.collectSpanning) {
      this.collectFields = spanningFields(rules) ?? {};
      this.collected = [];
      this.planned = rules.filter((rule) => !clientStreamOf(rule)).map((rule) => ({ rule, findings: [], head: undefined, stream: undefined }));
    } else {
      this.planned = rules.map((rule) => ({ rule, findings: [], head: undefined, stream: undefined }));
    }
  }

  /** In a part (collectSpanning): what the spanning rules read of each Client judged so far, in document order. */
  spanningClients(): readonly string[] {
    return this.collected ?? [];
  }

  private context(message: Message, rule: Rule, sink: Finding[]): RuleContext {
    const locator = (this.locator ??= locatorFor(message));
    return {
      message,
      locator,
      options: this.options,
      finding: (at, text) => {
        const finding = findingOf(rule, at, text);
        sink.push(finding);
        return finding;
      },
    };
  }

  private run(rule: Rule, message: Message): readonly Finding[] {
    try {
      return rule.check(this.context(message, rule, []));
    } catch {
      throw new NotStreamable();
    }
  }

  /**
   * Judges the Clients now in `clienten` (the live array of the message,
   * which holds only this batch). The message's locations must be registered.
   */
  batch(message: Message, clienten: object[]): void {
    if (this.collected && clienten.length > 0) this.collected.push(JSON.stringify(clienten.map((client) => pickClientFields(client, this.collectFields!))));
    if (!this.started) {
      this.started = true;
      const batch = clienten.splice(0, clienten.length);
      for (const p of this.planned) {
        const start = clientStreamOf(p.rule);
        if (start) p.stream = start(message, this.context(message, p.rule, p.findings));
        else p.head = [...this.run(p.rule, message)];
      }
      clienten.push(...batch);
    }
    for (const p of this.planned) {
      if (p.stream) {
        p.stream.clients(clienten, this.nextOrdinal);
        continue;
      }
      const found = this.run(p.rule, message);
      const head = p.head!;
      if (found.length < head.length) throw new NotStreamable();
      for (let i = 0; i < head.length; i++) if (!sameFinding(found[i]!, head[i]!)) throw new NotStreamable();
      for (let i = head.length; i < found.length; i++) p.findings.push(found[i]!);
    }
    this.nextOrdinal += clienten.length;
  }

  /**
   * After the last batch: every rule's findings, in the profile's order.
   * `laterClients` are the spanning parts of Clients judged elsewhere (a later
   * part of the message, as `spanningClients` gave them): the spanning rules
   * take them after this part's own; their findings have no meaningful place.
   */
  finish(message: Message, laterClients: readonly string[] = []): Finding[] {
    if (!this.started) this.batch(message, []);
    for (const batch of laterClients) {
      const clienten = JSON.parse(batch) as object[];
      for (const p of this.planned) p.stream?.clients(clienten, this.nextOrdinal);
      this.nextOrdinal += clienten.length;
    }
    const all: Finding[] = [];
    for (const p of this.planned) {
      if (p.stream) p.stream.end();
      if (p.head) for (const f of p.head) all.push(f);
      for (const f of p.findings) all.push(f);
    }
    return all;
  }
}

