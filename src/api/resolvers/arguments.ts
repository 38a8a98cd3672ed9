import type { PeriodInput } from '../../__generated__/graphql.js';
import { type DayRange, type PartialDate, parsePartialDate } from '../../domain/partial-date.js';
import { fullTextQuery, searchWords } from '../../domain/search-text.js';
import { AppError, ErrorCode } from '../../errors.js';
import { type BoundedField, MAX_FIRST } from '../../list-bounds.js';
import { findEntityKinds } from '../../repositories/entity.repository.js';
import type { AppContext } from '../context.js';

type Db = AppContext['db'];

/** Rejects anything but a whole number within min..max (null too) with BAD_USER_INPUT naming the argument. */
export function assertRange(argument: string, value: number | null, min: number, max: number): number {
  if (value === null || !Number.isInteger(value) || value < min || value > max) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be between ${min} and ${max}, got ${value}`, { argument });
  }
  return value;
}

/** Rejects a `first` outside 1 and the field's maximum (MAX_FIRST), or null, with BAD_USER_INPUT naming `first`. */
export function assertFirst(field: BoundedField, value: number | null): number {
  return assertRange('first', value, 1, MAX_FIRST[field]);
}

/**
 * How much a full-text search may ask. Lucene refuses a query of more than 1,024 clauses and a prefix automaton over
 * 1,000 characters, and a longer text only costs more to analyse; no name, summary or note needs more to be found.
 */
export const SEARCH_TEXT_LIMITS = { characters: 1_000, words: 64, wordCharacters: 100 } as const;

/**
 * The full-text query for a search text, or BAD_USER_INPUT naming the argument when the text holds no word or asks
 * more than SEARCH_TEXT_LIMITS allow; checked before any statement is built.
 */
export function parseSearchText(argument: string, text: string): string {
  const { characters, words, wordCharacters } = SEARCH_TEXT_LIMITS;
  const refuse = (problem: string) =>
    new AppError(
      ErrorCode.BAD_USER_INPUT,
      `${argument} ${problem}; a search takes at most ${characters} characters, ${words} words and ${wordCharacters} characters a word`,
      { argument },
    );
  if (text.length > characters) throw refuse(`has ${text.length} characters`);
  const found = searchWords(text).filter((w) => w.word.length > 0);
  if (found.length > words) throw refuse(`has ${found.length} words`);
  const longest = found.find((w) => w.word.length > wordCharacters);
  if (longest) throw refuse(`has a word of ${longest.word.length} characters`);
  const query = fullTextQuery(text);
  if (!query) throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must hold at least one word`, { argument });
  return query;
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
  return { from, to, within: input?.match === 'WITHIN' };
}

/** An id argument and the kind of entity it must name. */
export interface IdArgument {
  argument: string;
  id: string;
  kind: string;
}

function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? 'an' : 'a';
}

/**
 * NOT_FOUND naming the argument and id, for a lookup by id that found nothing. An answer of null or [] alone would
 * not tell a mistyped id from an entity with nothing to show.
 */
export function notFound({ argument, id, kind }: IdArgument, actual?: string): AppError {
  const message = actual
    ? `"${id}" is ${article(actual)} ${actual}, not ${article(kind)} ${kind}`
    : `No ${kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} has the id "${id}"`;
  return new AppError(ErrorCode.NOT_FOUND, message, { argument, id });
}

/**
 * The answer, once an empty one has been told apart from ids that name nothing or something of another kind
 * (NOT_FOUND): an empty list then means the entities exist and have nothing to show. Asks the graph only when the
 * answer is empty and the question's own statement did not already say what every id names (`known`).
 */
export async function existing<T>(db: Db, answer: T[], ids: readonly IdArgument[], known?: ReadonlyMap<string, string>): Promise<T[]> {
  if (answer.length > 0) return answer;
  const kinds =
    known && ids.every((i) => known.has(i.id))
      ? known
      : await findEntityKinds(
          db,
          ids.map((i) => i.id),
        );
  for (const id of ids) {
    const actual = kinds.get(id.id);
    if (actual === undefined) throw notFound(id);
    if (!id.kind.split('|').includes(actual)) throw notFound(id, actual);
  }
  return answer;
}

/** The entity a lookup by id found, or NOT_FOUND naming the argument. */
export async function foundOr<T>(lookup: Promise<T | null>, id: IdArgument): Promise<T> {
  const value = await lookup;
  if (value === null || value === undefined) throw notFound(id);
  return value;
}
