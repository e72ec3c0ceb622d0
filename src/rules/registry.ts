/**
 * Every rule of iWmo 3.2 in one registry, keyed by id: at level 2 the
 * condities (CD), constraints (CS) and in-message technische regels (TR) of
 * spec §5.2–5.4; at level 3 the berichtoverstijgende TR, which need a
 * dossier; at level 4 the TR on external sources, which need a Context.
 * Insertion order (level 2: CD, CS, TR; then level 3 and level 4, each by
 * number) is the order in which rules run and report.
 */
import { cdRules } from './cd.js';
import { csRules } from './cs.js';
import type { Rule, RuleDescription } from './rule.js';
import { trRules } from './tr.js';
import { levelThreeRules } from './level3/index.js';
import { levelFourRules } from './level4.js';

// Every id is two letters and three digits (a test holds them to it), so plain order is number order; an Intl.Collator cost 8–15 ms of every start.
function byNumber(a: Rule, b: Rule): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const all: readonly Rule[] = [
  ...[...cdRules].sort(byNumber),
  ...[...csRules].sort(byNumber),
  ...[...trRules].sort(byNumber),
  ...[...levelThreeRules].sort(byNumber),
  ...[...levelFourRules].sort(byNumber),
];

/** The national rules of levels 2–4, keyed by id (`rules.CD041`, `rules.TR321`). */
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
