/**
 * Level 4: rules on external sources through a `Context` (spec §5, level 4).
 * Where the list a rule needs is not configured, the rule gives one
 * informational finding naming the missing list instead of a verdict.
 */
import type { Finding } from '../findings.js';
import type { Rule, RuleContext } from './rule.js';
import { HEEN_BERICHTEN, locate, say } from './helpers.js';
import { sourceRule } from './level3/define.js';

const TR135 = sourceRule({
  id: 'TR135',
  messages: HEEN_BERICHTEN,
  retourcode: '8848',
  text: say('De dagtekening van het bericht ligt niet na de systeemdatum van de ontvanger.', "The message's dagtekening is not after the receiver's system date."),
  check(message, context, sources) {
    const dagtekening = message.header.berichtIdentificatie.dagtekening;
    if (dagtekening > sources.today) {
      context.finding(
        locate(context, message.header, 'berichtIdentificatie'),
        say(`Dagtekening ${dagtekening} ligt na de systeemdatum ${sources.today}.`, `Dagtekening ${dagtekening} is after the system date ${sources.today}.`),
      );
    }
  },
});

export const levelFourRules: readonly Rule[] = [TR135];

/** The informational finding of a level-4 rule whose list is not configured. */
export function missingList(context: RuleContext, list: string): Finding {
  return { ...context.finding({ path: '/Bericht' }, say(`Regel overgeslagen: de lijst ${list} is niet ingesteld.`, `Rule skipped: the list ${list} is not configured.`)), retourcode: null, severity: 'warning' };
}
