/**
 * Every level-2 rule of iWmo 3.2 in one registry, keyed by id: the condities
 * (CD), constraints (CS) and in-message technische regels (TR) of spec
 * §5.2–5.4. Insertion order (CD, CS, TR, each by number) is the order in
 * which rules run and report.
 */
import { cdRules } from './cd.js';
import { csRules } from './cs.js';
import type { Rule, RuleDescription } from './rule.js';
import { trRules } from './tr.js';

// One collator for the sort: localeCompare with options builds a new one per comparison (tens of ms at start-up).
const numeric = new Intl.Collator('en', { numeric: true });

function byNumber(a: Rule, b: Rule): number {
  return numeric.compare(a.id, b.id);
}

const all: readonly Rule[] = [...[...cdRules].sort(byNumber), ...[...csRules].sort(byNumber), ...[...trRules].sort(byNumber)];

/** The national level-2 rules, keyed by id (`rules.CD041`). */
export const rules: Readonly<Record<string, Rule>> = Object.freeze(Object.fromEntries(all.map((rule) => [rule.id, rule])));

/** The national rules in run order. */
export const nationalRules: readonly Rule[] = Object.freeze(all);

/** Id, level, messages, retourcode and text of a rule, without its check. */
export function describe(rule: Rule): RuleDescription {
  return {
    id: rule.id,
    level: rule.level,
    messages: rule.messages,
    retourcode: rule.retourcode,
    text: rule.text,
    ...(rule.severity ? { severity: rule.severity } : {}),
  };
}
