/**
 * How findings decide the shape of a retour (IV028, IV032, IV087): level 1
 * means no retour at all, level 2 a header with 0001, level 3/4 a code on the
 * header or on the berichtklasse the finding points into.
 */
import { isError, type Finding } from '../findings.js';
import { standard } from '../standard/generated/descriptors.js';
import type { LDT_RetourCode } from '../standard/generated/types.js';

const RETOURCODES: ReadonlySet<string> = new Set(standard.simpleTypes['LDT_RetourCode']?.enumeration?.map((e) => e.value) ?? []);

/** Codes that say nothing is wrong (0200 geen opmerking, 8001 volledig toegewezen): they cannot reject a class. */
const NO_PROBLEM: ReadonlySet<string> = new Set(['0200', '8001']);

/**
 * The retourcode a level-3/4 finding puts in a retour. A finding without an
 * official code (the standard has a few such rules, and a profile may add its
 * own codes) cannot be written in a retour, which only takes WJ001 codes.
 */
export function rejectingCode(finding: Finding): LDT_RetourCode | undefined {
  const code = finding.retourcode;
  return code !== null && RETOURCODES.has(code) && !NO_PROBLEM.has(code) ? (code as LDT_RetourCode) : undefined;
}

export interface LocatedCode {
  readonly path: string;
  readonly code: LDT_RetourCode;
}

export type Judgement =
  /** An XSD error: no retour; the sender gets an error outside the berichtenverkeer. */
  | { readonly kind: 'level-1' }
  /** An in-message rule failed: header only, RetourCode 0001. */
  | { readonly kind: 'level-2' }
  /** A level-3/4 problem with the header or the message as a whole: header only, with these codes. */
  | { readonly kind: 'header'; readonly codes: readonly LDT_RetourCode[] }
  /** Level-3/4 problems inside the body: header 0200 and the body with codes per class. */
  | { readonly kind: 'body'; readonly located: readonly LocatedCode[] }
  | { readonly kind: 'clean' };

/** Whether `path` is `ancestor` itself or lies below it (`…/Product[2]` is not below `…/Product[20]`). */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || (path.startsWith(ancestor) && path.charAt(ancestor.length) === '/');
}

/** Sorts the findings on a heen-bericht into the one outcome its retour shows. Warnings never reject. */
export function judge(findings: readonly Finding[], bodyRootPath: string): Judgement {
  const errors = findings.filter(isError);
  if (errors.some((f) => f.level === 1)) return { kind: 'level-1' };
  if (errors.some((f) => f.level === 2)) return { kind: 'level-2' };
  const headerCodes: LDT_RetourCode[] = [];
  const located: LocatedCode[] = [];
  for (const finding of errors) {
    const code = rejectingCode(finding);
    if (code === undefined) continue;
    // Anything outside the body (the Header, or /Bericht itself) rejects the message as a whole.
    if (isWithin(finding.path, bodyRootPath)) located.push({ path: finding.path, code });
    else if (!headerCodes.includes(code)) headerCodes.push(code);
  }
  if (headerCodes.length) return { kind: 'header', codes: headerCodes };
  if (located.length) return { kind: 'body', located };
  return { kind: 'clean' };
}

/**
 * Gives each code to the deepest berichtklasse whose path contains the
 * finding's path, in finding order and without repeats. `classPaths` holds
 * every class instance of the body, the body root among them.
 */
export function codesPerClass(located: readonly LocatedCode[], classPaths: readonly string[]): Map<string, LDT_RetourCode[]> {
  const classes = new Set(classPaths);
  const codes = new Map<string, LDT_RetourCode[]>();
  for (const { path, code } of located) {
    // Walk up from the finding's element to the first class: a few steps, however large the message.
    let deepest: string | undefined;
    for (let at = path; at.length > 0; at = at.slice(0, at.lastIndexOf('/'))) {
      if (classes.has(at)) {
        deepest = at;
        break;
      }
    }
    if (deepest === undefined) continue;
    const list = codes.get(deepest) ?? [];
    if (!list.includes(code)) list.push(code);
    codes.set(deepest, list);
  }
  return codes;
}
