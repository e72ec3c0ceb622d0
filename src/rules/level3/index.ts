// The berichtoverstijgende rules of iWmo 3.2 (level 3, spec §5.4), by family.
import type { Rule } from '../rule.js';
import { berichtRules } from './berichten.js';
import { declaratieRules } from './declaratie.js';
import { regieRules } from './regie.js';
import { toewijzingRules } from './toewijzing.js';
import { verzoekRules } from './verzoek.js';

export const levelThreeRules: readonly Rule[] = [...berichtRules, ...toewijzingRules, ...regieRules, ...verzoekRules, ...declaratieRules];
