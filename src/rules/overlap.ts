/**
 * TR302, TR386 and TR410: the same product may not be assigned or requested
 * twice for overlapping periods. "The same product" as the official XSLT
 * decides it: equal Categorie and Code; or equal Categorie when either has no
 * Code; or either has no Product at all (generiek counts as every product).
 * In iWmo categories 11–14 (hulpmiddelen) may always overlap; iJw has no
 * such exemption (iJw spec §4.2), so the exempt set is a parameter.
 *
 * The XSLT compares every class with every earlier one. Here each class looks
 * only into the groups it can clash with (its product, its category's
 * code-less classes, the generic ones), each group sorted by start once, so a
 * message costs O(n log n) however many classes it holds.
 */
import type { StandardId } from '../standard/descriptor.js';
import { dateNumber } from './helpers.js';

export interface Period<T> {
  readonly item: T;
  readonly categorie: string | undefined;
  readonly code: string | undefined;
  readonly start: string;
  readonly end: string | undefined;
}

/** The categories exempt per standard: iWmo's hulpmiddelen 11–14; none in iJw. */
export const OVERLAP_EXEMPT: Readonly<Record<StandardId, ReadonlySet<string>>> = {
  'iwmo-3.2': new Set(['11', '12', '13', '14']),
  'ijw-3.2': new Set(),
};

interface Span {
  readonly id: number;
  readonly start: number;
  /** Infinity for an open end. */
  readonly end: number;
}

/** Spans sorted by start, with for every prefix the two largest ends (of different spans). */
class OverlapIndex {
  private readonly starts: number[];
  private readonly best: (Span | undefined)[];
  private readonly second: (Span | undefined)[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start || a.id - b.id);
    this.starts = sorted.map((s) => s.start);
    this.best = [];
    this.second = [];
    let best: Span | undefined;
    let second: Span | undefined;
    for (const span of sorted) {
      if (!best || span.end > best.end) [best, second] = [span, best];
      else if (!second || span.end > second.end) second = span;
      this.best.push(best);
      this.second.push(second);
    }
  }

  /** A span other than `self` that shares at least one day with it. */
  find(self: Span): Span | undefined {
    // Spans starting on or before self's end form a prefix; one of them overlaps iff its end reaches self's start.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= self.end) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return undefined;
    const best = this.best[lo - 1]!;
    const candidate = best.id === self.id ? this.second[lo - 1] : best;
    return candidate && candidate.end >= self.start ? candidate : undefined;
  }
}

/**
 * Each period that overlaps another period of the same product, with one such
 * other period; in input order. Both periods of a clashing pair are reported,
 * as the XSLT names both elements of a pair.
 */
export function productOverlaps<T>(periods: readonly Period<T>[], exempt: ReadonlySet<string> = OVERLAP_EXEMPT['iwmo-3.2']): { item: T; other: T }[] {
  const spans: (Span | undefined)[] = periods.map((p, id) => {
    if (p.categorie !== undefined && exempt.has(p.categorie)) return undefined;
    const start = dateNumber(p.start);
    const end = p.end === undefined ? Infinity : dateNumber(p.end);
    // A date that is no date cannot be compared: the XSLT finds no overlap then either.
    if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
    return { id, start, end };
  });

  const groups = new Map<string, Span[]>();
  const add = (key: string, span: Span): void => {
    const group = groups.get(key);
    if (group) group.push(span);
    else groups.set(key, [span]);
  };
  const keys = (p: Period<T>) => ({
    category: `c|${p.categorie}`,
    product: `p|${p.categorie}|${p.code}`,
    codeless: `n|${p.categorie}`,
  });
  for (const span of spans) {
    if (!span) continue;
    const p = periods[span.id]!;
    add('all', span);
    if (p.categorie === undefined) {
      add('generiek', span);
      continue;
    }
    const k = keys(p);
    add(k.category, span);
    add(p.code === undefined ? k.codeless : k.product, span);
  }
  const indexes = new Map<string, OverlapIndex>();
  const indexOf = (key: string): OverlapIndex | undefined => {
    let index = indexes.get(key);
    if (!index) {
      const group = groups.get(key);
      if (!group) return undefined;
      index = new OverlapIndex(group);
      indexes.set(key, index);
    }
    return index;
  };

  const found: { item: T; other: T }[] = [];
  for (const span of spans) {
    if (!span) continue;
    const p = periods[span.id]!;
    let searched: readonly string[];
    if (p.categorie === undefined) searched = ['all'];
    else {
      const k = keys(p);
      searched = p.code === undefined ? [k.category, 'generiek'] : [k.product, k.codeless, 'generiek'];
    }
    for (const key of searched) {
      const other = indexOf(key)?.find(span);
      if (other) {
        found.push({ item: p.item, other: periods[other.id]!.item });
        break;
      }
    }
  }
  return found;
}
