/**
 * Defining the rules of levels 3 and 4: like a level-2 rule, but with an
 * official retourcode of its own, and with the dossier (level 3) or the
 * external sources (level 4) at hand. Levels 3 and 4 share the registry and
 * the profiles of level 2.
 */
import type { LocalizedText } from '../../findings.js';
import type { MessageId, StandardId } from '../../standard/descriptor.js';
import { twinMessageId } from '../../standard/model.js';
import { STANDARD_IDS } from '../../standard/standards.js';
import { collectingContext, type TwinOf } from '../helpers.js';
import type { CDT_Product, Message } from '../../standard/generated/types.js';
import { relationOf, type DossierState, type Relation } from '../../dossier/state.js';
import type { Context } from '../../sources/context.js';
import type { Rule, RuleContext } from '../rule.js';
import type { Finding } from '../../findings.js';

type MessageOf<Id extends MessageId> = Extract<Message, { type: Id }>;

interface Definition<Ids extends readonly MessageId[], Extra> {
  id: string;
  /** The iWmo messages; the rule applies to their iJw twins as well (iJw spec §5: the same rules and codes). */
  messages: Ids;
  /** Official retourcode (WJ001), or null where the standard gives none. */
  retourcode: string | null;
  text: LocalizedText;
  severity?: 'error' | 'warning';
  check: (message: MessageOf<Ids[number] | TwinOf<Ids[number]>>, context: RuleContext, extra: Extra) => void;
}

function defineRule<const Ids extends readonly MessageId[], Extra>(
  level: 3 | 4,
  definition: Definition<Ids, Extra>,
  extra: (context: RuleContext, found: Finding[], rule: { id: string; level: 3 | 4 }) => Extra | undefined,
): Rule {
  const messages: readonly MessageId[] = STANDARD_IDS.flatMap((s: StandardId) => [...new Set(definition.messages.map((id) => twinMessageId(id, s)))]);
  return {
    id: definition.id,
    level,
    messages,
    retourcode: definition.retourcode,
    text: definition.text,
    ...(definition.severity ? { severity: definition.severity } : {}),
    check(context) {
      const found: Finding[] = [];
      const given = extra(context, found, { id: definition.id, level });
      if (!messages.includes(context.message.type) || given === undefined) return found;
      definition.check(context.message as MessageOf<Ids[number] | TwinOf<Ids[number]>>, collectingContext(context, found), given);
      return found;
    },
  };
}

export interface DossierAccess {
  readonly dossier: DossierState;
  /** The gemeente and aanbieder of the message being checked. */
  readonly relation: Relation;
}

/** A berichtoverstijgende rule (level 3): it reads earlier messages through the dossier. */
export function dossierRule<const Ids extends readonly MessageId[]>(definition: Definition<Ids, DossierAccess>): Rule {
  return defineRule(3, definition, (context) => (context.dossier ? { dossier: context.dossier, relation: relationOf(context.message) } : undefined));
}

export interface SourceAccess {
  readonly sources: Context;
  /**
   * Says, once per message, that the list the rule needs is not configured:
   * an informational finding (a warning without retourcode) instead of a verdict.
   */
  missing(list: string): void;
}

/** A rule on an external source (level 4): it reads the system date and lists through the Context. */
export function sourceRule<const Ids extends readonly MessageId[]>(definition: Definition<Ids, SourceAccess>): Rule {
  return defineRule(4, definition, (context, found, rule) => {
    const sources = context.sources;
    if (!sources) return undefined;
    let said = false;
    return {
      sources,
      missing(list) {
        if (said) return;
        said = true;
        found.push({
          rule: rule.id,
          level: rule.level,
          retourcode: null,
          path: '/Bericht',
          message: {
            nl: `Regel ${rule.id} overgeslagen: de lijst ${list} is niet ingesteld.`,
            en: `Rule ${rule.id} skipped: the list ${list} is not configured.`,
          },
          severity: 'warning',
        });
      },
    };
  });
}

/** Whether a product of a message is the assigned one: specifiek categorie + code, aspecifiek categorie, generiek anything (IV075). */
export function matchesAssigned(assigned: CDT_Product | undefined, categorie: string | undefined, code: string | undefined): boolean {
  if (!assigned) return true;
  if (assigned.categorie !== categorie) return false;
  return assigned.code === undefined || assigned.code === code;
}

export function dagtekening(message: Message): string {
  return message.header.berichtIdentificatie.dagtekening;
}
