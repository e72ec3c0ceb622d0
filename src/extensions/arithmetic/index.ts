// Contract arithmetic (spec extensions.md §3.2, §3.6, §4): pure, exact, isomorphic.
export { splitLargestRemainder } from './split.js';
export { evaluateBand, adjustCeiling } from './band.js';
export type { BandEvaluation, PeriodPosition } from './band.js';
export { maximumVolume } from './volume.js';
export { allocateByDays, daysPerMonth, fourWeekPeriod, periodsPerYear, reportingPeriod, reportingPeriodOf, yearToDate } from './periods.js';
export { budgetUtilisation, planPosition } from './utilisation.js';
export type { UtilisationPosition, PlanPosition } from './utilisation.js';
export { weightedAverageTariff, collapseArrangementTariffs } from './tariffs.js';
export type { CostGroup, ArrangementCell, CollapsedArrangement } from './tariffs.js';
export { nacalculatie, kpiRatio } from './settlement.js';
export type { NacalculatieResult, KpiResult } from './settlement.js';
export { eigenBijdrageBasis, averageCostPerArrangement } from './eigen-bijdrage.js';
export type { EigenBijdrageBasis } from './eigen-bijdrage.js';
export { splitShares, instalmentsPerPayee, mergeLots } from './lumpsum.js';
export type { PayeeSchedule } from './lumpsum.js';
export { weeklyPrestaties } from './weeks.js';
export type { WeeklyTariffs, WeeklyPrestatie, WeeklyPrestaties, LevelSegment } from './weeks.js';
export { declaredHours, amountForMinutes, perMinuteTariff } from './rounding.js';
