/**
 * Level 2 of validation: the in-message rules of iWmo 3.2 (CD, CS, TR; spec
 * §5.2–5.4) as data, run by profile. `validate` calls `checkRules` after a
 * clean level 1.
 */
import type { Finding, LocalizedText } from '../findings.js';
import { locatorFor, type Locator, type NodeLocation } from '../codec/locations.js';
import type { Message } from '../standard/generated/types.js';
import type { DossierState } from '../dossier/state.js';
import type { Context } from '../sources/context.js';
import { say } from './helpers.js';
import { nationalProfile, type Profile } from './profile.js';
import { describe, rules } from './registry.js';
import type { Rule, RuleContext, RuleDescription, RuleLevel } from './rule.js';

export type { Rule, RuleContext, RuleDescription, RuleLevel, RuleOptions } from './rule.js';
export { defineProfile, nationalProfile } from './profile.js';
export type { Profile, ProfileDefinition, RuleOverride } from './profile.js';
export { rules } from './registry.js';

export interface CheckRulesOptions {
  /** The rules to run; the national profile when absent. */
  readonly profile?: Profile;
  /** Earlier messages of the relation: with it the level-3 rules run, without it they are left out. */
  readonly dossier?: DossierState;
  /** System date and external lists: with it the level-4 rules run, without it they are left out. */
  readonly sources?: Context;
  /** Only rules of these levels (all by default): a dossier runs levels 3 and 4 after levels 1 and 2 passed. */
  readonly levels?: readonly RuleLevel[];
}

// The standard's level-3 and level-4 rules find nothing without a dossier or a Context; a profile's own rules at those levels may need neither.
function runs(rule: Rule, options: CheckRulesOptions): boolean {
  return !options.levels || options.levels.includes(rule.level);
}

/** A finding of `rule` at `at`, with the rule's id, level, retourcode and severity. */
export function findingOf(rule: Rule, at: NodeLocation, message: LocalizedText): Finding {
  return {
    rule: rule.id,
    level: rule.level,
    retourcode: rule.retourcode,
    path: at.path,
    ...(at.line !== undefined ? { line: at.line } : {}),
    ...(at.column !== undefined ? { column: at.column } : {}),
    message,
    ...(rule.severity ? { severity: rule.severity } : {}),
  };
}

/**
 * Runs every rule of the profile that applies to the message's type, in the
 * profile's order, and returns all their findings (it never stops at the
 * first). A rule that cannot run on the message (a value built in code that
 * lacks a mandatory part, or a local rule with a bug) gives one finding of
 * its own instead of an exception.
 */
export function checkRules(message: Message, options: CheckRulesOptions = {}): Finding[] {
  const profile = options.profile ?? nationalProfile;
  const applicable = profile.rules.filter((rule) => rule.messages.includes(message.type) && runs(rule, options));
  const findings: Finding[] = [];
  if (applicable.length === 0) return findings;
  // Only a finding needs the locator; for a message built in code it walks the whole message, so a clean message never pays for it.
  let locator: Locator | undefined;
  const locate = (): Locator => (locator ??= locatorFor(message));
  for (const rule of applicable) {
    const context: RuleContext = {
      message,
      get locator() {
        return locate();
      },
      options: profile.options,
      ...(options.dossier ? { dossier: options.dossier } : {}),
      ...(options.sources ? { sources: options.sources } : {}),
      finding: (at, text) => findingOf(rule, at, text),
    };
    let found: readonly Finding[];
    try {
      found = rule.check(context);
    } catch {
      found = [
        findingOf(
          rule,
          { path: '/Bericht' },
          say(`Regel ${rule.id} kon niet worden uitgevoerd: het bericht mist een verplicht onderdeel.`, `Rule ${rule.id} could not run: the message lacks a mandatory part.`),
        ),
      ];
    }
    // A loop, not push(...found): a large declaratie can have more findings than a call takes arguments.
    for (const finding of found) findings.push(finding);
  }
  return findings;
}

/** What a rule demands, for people: id, level, messages, retourcode and text. Looks in the profile's rules (national by default). */
export function describeRule(id: string, profile: Profile = nationalProfile): RuleDescription | undefined {
  const rule = profile === nationalProfile ? rules[id] : profile.rules.find((r) => r.id === id);
  return rule ? describe(rule) : undefined;
}
