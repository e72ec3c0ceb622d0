import type { Dim } from '../model.js';
import { divRound, requireCents, requireInteger, toSafe } from './exact.js';

/** One historical group: how many clients, at what annual cost each (cents). */
export interface CostGroup {
  readonly clients: number;
  readonly annualCost: number;
}

function weightedAverage(name: string, groups: readonly CostGroup[]): { clients: number; total: bigint; average: number } {
  if (!Array.isArray(groups) || groups.length === 0) throw new RangeError(`${name} must be a non-empty list`);
  let clients = 0n;
  let total = 0n;
  groups.forEach((g, i) => {
    requireInteger(`${name}[${i}].clients`, g.clients, { min: 0 });
    requireCents(`${name}[${i}].annualCost`, g.annualCost, { min: 0 });
    clients += BigInt(g.clients);
    total += BigInt(g.clients) * BigInt(g.annualCost);
  });
  if (clients === 0n) throw new RangeError(`${name}: no clients, so there is no average`);
  return { clients: toSafe(clients, 'clients'), total, average: toSafe(divRound(total, clients), 'average') };
}

/**
 * A tariff as the client-weighted average of historical annual costs
 * (TariffDerivation `weighted-average-historical-cost`, rounded half away from
 * zero to the cent once). E5: 40 × 300 000 + 25 × 480 000 + 15 × 620 000 over
 * 80 clients → 416 250. An empty list, negative or non-integer values, or no
 * clients at all is a RangeError.
 */
export function weightedAverageTariff(inputs: readonly CostGroup[]): number {
  return weightedAverage('inputs', inputs).average;
}

/** One of Sittard's nine arrangement cells. */
export interface ArrangementCell {
  readonly complexity: Dim;
  readonly intensity: Dim;
  readonly clients: number;
  /** Annual tariff in cents. */
  readonly annualTariff: number;
}

/** A collapsed arrangement: clients, exact total and the weighted tariff. */
export interface CollapsedArrangement {
  readonly dim: Dim;
  readonly clients: number;
  /** Σ clients × annualTariff, exact (cents). */
  readonly total: number;
  /** total / clients, rounded half away from zero. */
  readonly annualTariff: number;
}

/**
 * The 9 → 3 collapse (spec SI-3, E5): the cells grouped by one dimension
 * (`intensity` by default) and each group's client-weighted tariff. E5:
 * laag 46 800 000 / 220 → 212 727; midden 78 900 000 / 180 → 438 333;
 * hoog 68 250 000 / 70 → 975 000; the totals sum to the nine cells' total.
 * Groups come out in the order laag, midden, hoog and only when they have cells;
 * a group with cells but no clients is a RangeError.
 */
export function collapseArrangementTariffs(cells: readonly ArrangementCell[], by: 'intensity' | 'complexity' = 'intensity'): CollapsedArrangement[] {
  if (!Array.isArray(cells) || cells.length === 0) throw new RangeError('cells must be a non-empty list');
  const unknown = cells.find((c) => !['laag', 'midden', 'hoog'].includes(c[by]));
  if (unknown) throw new RangeError(`cells: ${by} must be laag, midden or hoog, got ${JSON.stringify(unknown[by])}`);
  const result: CollapsedArrangement[] = [];
  for (const dim of ['laag', 'midden', 'hoog'] as const) {
    const group = cells.filter((c) => c[by] === dim);
    if (group.length === 0) continue;
    const { clients, total, average } = weightedAverage(`cells (${by} ${dim})`, group.map((c) => ({ clients: c.clients, annualCost: c.annualTariff })));
    result.push({ dim, clients, total: toSafe(total, 'total'), annualTariff: average });
  }
  return result;
}
