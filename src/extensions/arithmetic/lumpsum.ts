import type { Lot, Party, Share } from '../model.js';
import { requireCents, requireInteger } from './exact.js';
import { splitLargestRemainder } from './split.js';

function checkShares(shares: readonly Share[]): void {
  if (!Array.isArray(shares) || shares.length === 0) throw new RangeError('shares must be a non-empty list');
  const seen = new Set<string>();
  let sum = 0;
  shares.forEach((s, i) => {
    requireInteger(`shares[${i}].bp`, s.bp, { min: 0 });
    if (seen.has(s.partyId)) throw new RangeError(`shares[${i}]: party ${s.partyId} has more than one share`);
    seen.add(s.partyId);
    sum += s.bp;
  });
  if (sum !== 10_000) throw new RangeError(`shares must sum to exactly 10000 bp, got ${sum}`);
}

/**
 * A budget split by shares (spec BR-2, E9), largest remainder in list order, so
 * the parts sum exactly to the budget. E9: 600 000 000 at 30/25/20/15/10 % →
 * 180 000 000 / 150 000 000 / 120 000 000 / 90 000 000 / 60 000 000. Shares
 * that do not sum to exactly 10 000 bp (a proposal of 9 999), a party listed
 * twice, or non-integer amounts are a RangeError.
 */
export function splitShares(budget: number, shares: readonly Share[]): { partyId: string; amount: number }[] {
  requireCents('budget', budget);
  checkShares(shares);
  const amounts = splitLargestRemainder(budget, shares.map((s) => s.bp));
  return shares.map((s, i) => ({ partyId: s.partyId, amount: amounts[i]! }));
}

/** What the gemeente pays one hoofdaannemer: its own share, its onderaannemers', and the instalments. */
export interface PayeeSchedule {
  readonly partyId: string;
  /** Own share plus every share paid through this party (cents per year). */
  readonly annual: number;
  /** The parties whose shares this payee receives, itself first, in the order of `parties`. */
  readonly covers: readonly string[];
  /** `annual` split into `periods` instalments by largest remainder (earlier instalments take the extra cents). */
  readonly instalments: readonly number[];
}

/** The payee of a party: itself, or (for an onderaannemer) the hoofdaannemer up its `parentId` chain. */
function payeeOf(party: Party, byId: ReadonlyMap<string, Party>): string {
  let current = party;
  const visited = new Set<string>();
  while (current.role === 'onderaannemer') {
    if (visited.has(current.id)) throw new RangeError(`party ${party.id}: the parentId chain loops`);
    visited.add(current.id);
    const parent = current.parentId === undefined ? undefined : byId.get(current.parentId);
    if (!parent) throw new RangeError(`onderaannemer ${current.id} must name an existing party as parentId, got ${JSON.stringify(current.parentId)}`);
    current = parent;
  }
  return current.id;
}

/**
 * Instalments per payee of a lump sum (spec AL-1, E8): each party's annual
 * amount is its share of the budget (largest remainder over the shares, as
 * `splitShares`); the gemeente pays only the hoofdaannemers, so every
 * onderaannemer's amount goes to the party up its `parentId` chain; each
 * payee's annual sum is then split into `periods` equal instalments by largest
 * remainder. Each payee receives exactly its annual amount and the payees sum
 * exactly to the budget (a period's instalments across payees may differ from
 * budget / periods by rounding cents).
 * E8 (850 000 000, quarterly): M1 70 125 000, M2 57 375 000, M3 42 500 000, M4 42 500 000.
 * A share for an unknown party, an onderaannemer without an existing parent, a
 * loop, shares not summing to 10 000 bp, or periods < 1 is a RangeError.
 */
export function instalmentsPerPayee(contract: { readonly budget: number; readonly parties: readonly Party[]; readonly shares: readonly Share[] }, periods: number): PayeeSchedule[] {
  requireInteger('periods', periods, { min: 1 });
  const byId = new Map(contract.parties.map((p) => [p.id, p] as const));
  if (byId.size !== contract.parties.length) throw new RangeError('parties must have distinct ids');
  for (const share of contract.shares) if (!byId.has(share.partyId)) throw new RangeError(`share for unknown party ${share.partyId}`);
  const amounts = new Map(splitShares(contract.budget, contract.shares).map((a) => [a.partyId, a.amount] as const));
  const payees = new Map<string, { annual: number; covers: string[] }>();
  // Payees appear in the order of `parties`; a hoofdaannemer covers itself first.
  for (const party of contract.parties) {
    const payee = payeeOf(party, byId);
    if (!payees.has(payee)) payees.set(payee, { annual: 0, covers: [] });
  }
  for (const party of contract.parties) {
    const entry = payees.get(payeeOf(party, byId))!;
    entry.annual += amounts.get(party.id) ?? 0;
    if (party.id === payeeOf(party, byId)) entry.covers.unshift(party.id);
    else entry.covers.push(party.id);
  }
  return [...payees].map(([partyId, { annual, covers }]) => ({ partyId, annual, covers, instalments: splitLargestRemainder(annual, new Array<number>(periods).fill(1)) }));
}

/**
 * Lots merged into one integral budget (spec C9, BR-1, E9): the budget is the
 * exact sum of the lots' budgets, and each lot records `mergedInto`. The lots'
 * own ceilings are no longer binding (LOT_CEILINGS_LOST; reported by the
 * conversion, not here). An empty list, a repeated lot id or non-integer
 * budgets are a RangeError.
 */
export function mergeLots(lots: readonly Lot[], into: string): { budget: number; lots: Lot[] } {
  if (!Array.isArray(lots) || lots.length === 0) throw new RangeError('lots must be a non-empty list');
  const ids = new Set<string>();
  let budget = 0n;
  lots.forEach((lot, i) => {
    requireCents(`lots[${i}].budget`, lot.budget, { min: 0 });
    if (ids.has(lot.id)) throw new RangeError(`lots[${i}]: lot id ${lot.id} occurs twice`);
    ids.add(lot.id);
    budget += BigInt(lot.budget);
  });
  if (budget > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('the merged budget lies outside the exact number range');
  return { budget: Number(budget), lots: lots.map((lot) => ({ ...lot, mergedInto: into })) };
}
