import type { PeriodInput } from '../__generated__/graphql.js';
import { type DayRange, type PartialDate, parsePartialDate } from '../domain/partial-date.js';
import { AppError, ErrorCode } from '../errors.js';

export const MAX_PAGE_SIZE = 100;

/** Rejects a whole number outside min..max with BAD_USER_INPUT naming the argument. */
export function assertRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be between ${min} and ${max}, got ${value}`, { argument });
  }
  return value;
}

/** Rejects a page size outside 1..MAX_PAGE_SIZE. */
export function assertPageSize(argument: string, value: number): number {
  return assertRange(argument, value, 1, MAX_PAGE_SIZE);
}

/** Reads a date or period argument (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD) or fails with BAD_USER_INPUT naming it. */
export function parsePeriodArgument(argument: string, value: string): PartialDate {
  const period = parsePartialDate(value);
  if (!period) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `${argument} must be a date or period: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; got "${value}"`,
      { argument },
    );
  }
  return period;
}

/** A period filter as its first and last day (either open); its ends may be periods themselves. */
export function parsePeriodInput(argument: string, input: PeriodInput | null | undefined): DayRange {
  const from = input?.from ? parsePeriodArgument(`${argument}.from`, input.from).from : null;
  const to = input?.to ? parsePeriodArgument(`${argument}.to`, input.to).to : null;
  if (from && to && from > to) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}.from must not be after ${argument}.to`, { argument });
  }
  return { from, to };
}
