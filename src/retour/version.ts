/**
 * Version of this library's rule set, written as XsltVersie in every retour
 * and declaratie-antwoord (IV033: the version of the checks that judged the
 * heen-bericht). Raise it whenever a level-2 rule changes what it accepts.
 */
export const RULESET_VERSION = '1.0.0';
