/**
 * Profiles: which rules run. The national profile is the standard as is; a
 * gemeente or a contract can switch rules off, replace or adjust a rule, add
 * rules of its own (any level 2–4, own retourcode) and set options.
 */
import type { Rule, RuleOptions } from './rule.js';
import { nationalRules } from './registry.js';

export interface Profile {
  readonly name: string;
  /** The rules in run order: the base's, then the added ones. */
  readonly rules: readonly Rule[];
  readonly options: RuleOptions;
}

/** A change to one rule of the base: its id and the properties that replace the base's. */
export type RuleOverride = Pick<Rule, 'id'> & Partial<Omit<Rule, 'id'>>;

export interface ProfileDefinition {
  readonly name: string;
  /** The profile to start from; the national profile when absent. */
  readonly base?: Profile;
  /** Ids of rules that do not run. */
  readonly disable?: readonly string[];
  /** Rules of the base replaced in place, wholly or in part (another check, level, retourcode, text or severity). */
  readonly override?: readonly RuleOverride[];
  /** Local rules, run after the base's rules in the order given. */
  readonly add?: readonly Rule[];
  readonly options?: Partial<RuleOptions>;
}

const DEFAULT_OPTIONS: RuleOptions = { lenientCs050: false };

/** The standard as is: every national level-2 rule, the official XSLT's readings. */
export const nationalProfile: Profile = Object.freeze({ name: 'national', rules: nationalRules, options: DEFAULT_OPTIONS });

/**
 * A profile built from a base. Throws a RangeError for a definition that
 * cannot be meant: an unknown id to disable or override, or an added rule
 * whose id is already taken.
 */
export function defineProfile(definition: ProfileDefinition): Profile {
  const base = definition.base ?? nationalProfile;
  const known = new Set(base.rules.map((r) => r.id));
  for (const id of [...(definition.disable ?? []), ...(definition.override ?? []).map((o) => o.id)]) {
    if (!known.has(id)) throw new RangeError(`Profile ${definition.name}: no rule ${id} in profile ${base.name}`);
  }
  const disabled = new Set(definition.disable);
  const overrides = new Map((definition.override ?? []).map((o) => [o.id, o]));
  const rules: Rule[] = base.rules.filter((r) => !disabled.has(r.id)).map((r) => (overrides.has(r.id) ? { ...r, ...overrides.get(r.id) } : r));
  const ids = new Set(rules.map((r) => r.id));
  for (const rule of definition.add ?? []) {
    if (ids.has(rule.id) || known.has(rule.id)) throw new RangeError(`Profile ${definition.name}: rule ${rule.id} already exists; override it instead`);
    ids.add(rule.id);
    rules.push(rule);
  }
  return Object.freeze({ name: definition.name, rules: Object.freeze(rules), options: { ...base.options, ...definition.options } });
}
