import type { DayRange } from '../domain/partial-date.js';

/**
 * The Cypher condition that a date, given by the expressions of its first and last possible day, matches a period
 * filter held in parameters `from` and `to` (either may be null): it may fall in the period (overlaps), or surely
 * does (within). A date that is null matches only an open period.
 */
export function periodCondition(earliest: string, latest: string, period: Pick<DayRange, 'within'>, from = '$from', to = '$to'): string {
  return period.within
    ? `(${from} IS NULL OR ${earliest} >= ${from}) AND (${to} IS NULL OR ${latest} <= ${to})`
    : `(${from} IS NULL OR ${latest} >= ${from}) AND (${to} IS NULL OR ${earliest} <= ${to})`;
}
