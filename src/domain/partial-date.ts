export type DatePrecision = 'YEAR' | 'QUARTER' | 'MONTH' | 'DAY';

/** A date known to a precision: `2021`, `2021-Q1`, `2021-06`, `2021-06-04`, with the first and last day it may mean. */
export interface PartialDate {
  value: string;
  precision: DatePrecision;
  /** ISO date of the earliest day the value may mean. */
  from: string;
  /** ISO date of the latest day the value may mean. */
  to: string;
}

const PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date; returns undefined for text that is not one, or for a day the month does not have. */
export function parsePartialDate(value: string): PartialDate | undefined {
  const match = PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const [, , quarter, month, day] = match;
  if (quarter) {
    const first = (Number(quarter) - 1) * 3 + 1;
    const last = first + 2;
    return { value, precision: 'QUARTER', from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
  }
  if (month && day) {
    if (Number(day) > lastDayOfMonth(year, Number(month))) return undefined;
    return { value, precision: 'DAY', from: value, to: value };
  }
  if (month) {
    return { value, precision: 'MONTH', from: `${value}-01`, to: `${value}-${pad(lastDayOfMonth(year, Number(month)))}` };
  }
  return { value, precision: 'YEAR', from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Node properties for a partial date: `<field>`, `<field>Precision`, `<field>From`, `<field>To` (ISO strings sort as dates). */
export function partialDateProperties(field: string, value: string | undefined): Record<string, string> {
  if (value === undefined) return {};
  const parsed = parsePartialDate(value);
  if (!parsed) throw new Error(`not a partial date: ${value}`);
  return { [field]: parsed.value, [`${field}Precision`]: parsed.precision, [`${field}From`]: parsed.from, [`${field}To`]: parsed.to };
}

/** A span of days given by its first and last ISO day; either end may be open. */
export interface DayRange {
  from: string | null;
  to: string | null;
  /** A dated fact matches only when every day its date may mean lies in the span, not when some day may. */
  within?: boolean;
}

/** Whether a date, as its first and last possible day, matches the range: may fall in it, or surely does (within). */
export function matchesRange(date: { earliest: string; latest: string } | null, range: DayRange): boolean {
  if (!range.from && !range.to) return true;
  if (!date) return false;
  return range.within
    ? (!range.from || date.earliest >= range.from) && (!range.to || date.latest <= range.to)
    : (!range.from || date.latest >= range.from) && (!range.to || date.earliest <= range.to);
}
