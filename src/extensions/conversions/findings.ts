/**
 * The conversions' own rule ids (EXT2xx; the documents use the lower range).
 * Each refusal or warning is a `Finding` with Dutch and English text, like the
 * standard's rules; none of these ever turns into a standard rejection.
 */
import type { Finding } from '../../findings.js';

export const CONVERSION_FINDINGS = {
  EXT201: 'tariff missing in the profile',
  EXT202: 'amount over the 99 999 999 field limit',
  EXT203: 'a Budget needs an Einddatum (CD075)',
  EXT204: 'no assignment of the form this rule converts',
  EXT205: 'switch date outside the assignment',
  EXT206: 'product code not in its category (TR381) or no mapping in the profile',
  EXT207: 'a written message would not pass levels 1 and 2',
  EXT208: 'no free ToewijzingNummer (IV066)',
  EXT209: 'contract-level money cannot be a Prestatie',
  EXT210: 'no extension data inside a standard message',
  EXT211: 'the input message is not valid',
  EXT212: 'effort accounting asked of an output contract',
  EXT213: 'declarations in iWmo 3.2 start 2021-01-01 (CS100)',
  EXT214: 'declared code does not match the intensity history',
  EXT215: 'declared amount does not match the contract tariff',
  EXT216: 'declared outside the mandate',
  EXT217: 'no level or level code for the period',
  EXT218: 'invalid option',
} as const;

export type ConversionFindingId = keyof typeof CONVERSION_FINDINGS;

export function extFinding(rule: ConversionFindingId, path: string, nl: string, en: string, severity: 'error' | 'warning' = 'error'): Finding {
  return { rule, level: 2, retourcode: null, path, message: { nl, en }, ...(severity === 'warning' ? { severity } : {}) };
}

/** €1 234,56 as the Dutch write it, for finding texts. */
export function euroNl(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** €1,234.56 for the English texts. */
export function euroEn(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}€${euros}.${String(abs % 100).padStart(2, '0')}`;
}
