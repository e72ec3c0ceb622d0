/**
 * A rule is a value: its id, level, the messages it applies to, its retourcode,
 * its text, and a `check` that returns findings. The standard's level-2 rules
 * (CD, CS and the in-message TR of spec §5.2–5.4) and a profile's local rules
 * share this one shape.
 */
import type { ControlLevel, Finding, LocalizedText } from '../findings.js';
import type { Locator, NodeLocation } from '../codec/locations.js';
import type { MessageId } from '../standard/descriptor.js';
import type { Message } from '../standard/generated/types.js';

/** Rules start at level 2: level 1 is the XSD, checked by the codec. */
export type RuleLevel = Exclude<ControlLevel, 1>;

/** Switches a profile sets for the rules that read them. */
export interface RuleOptions {
  /**
   * CS050: also accept NaamGebruik 6 (niet-natuurlijk persoon) without a
   * Partnernaam in iWmo, as the rule document says. The official iWmo XSLT
   * 2.10.5 accepts only 1 there, and so does the national profile; the iJw rule
   * set accepts 6 whatever this says (with CS318 for the client).
   */
  readonly lenientCs050: boolean;
}

export interface RuleContext {
  readonly message: Message;
  /** Paths (and lines, for a decoded message) of any object in `message`. */
  readonly locator: Locator;
  readonly options: RuleOptions;
  /** A finding of the rule being run, at `at`, with its id, level, retourcode and severity. */
  finding(at: NodeLocation, message: LocalizedText): Finding;
}

export interface Rule {
  /** `CD041`, `CS002`, `TR101`, or a profile's own id. */
  readonly id: string;
  readonly level: RuleLevel;
  /** The messages the rule applies to; `checkRules` runs it on no other. */
  readonly messages: readonly MessageId[];
  /** Official retourcode (WJ001): `0001` for every level-2 rule; `null` when a local rule has none. */
  readonly retourcode: string | null;
  /** What the rule demands, for people (the standard's own wording in Dutch). */
  readonly text: LocalizedText;
  /** Findings of a warning rule never reject a message. Errors by default. */
  readonly severity?: 'error' | 'warning';
  /** Every violation in the message, in document order; never throws on a message that passed level 1. */
  check(context: RuleContext): readonly Finding[];
}

/** What users see of a rule: everything but its check. */
export type RuleDescription = Omit<Rule, 'check'>;
