import * as chrono from 'chrono-node';

/** A date the text gives, at the precision it gives, and how it was read. */
export interface DraftDate {
  value: string;
  basis: 'EXPLICIT' | 'EXPLICIT_YEAR_FROM_PUBLISHED' | 'WEEKDAY_BEFORE_PUBLISHED' | 'RELATIVE_TO_PUBLISHED' | 'REPORTING_DATE_MONTH';
  factor: number;
  /** A reporting date: the event happened on or before it. */
  notAfter?: string;
}

const parser = chrono.en.GB.clone();
// Times are never event dates in this genre, and the time parser misreads ranges ("from 3 to 5 June").
parser.parsers = parser.parsers.filter((p) => !/Time/.test(p.constructor.name));

const pad = (n: number) => String(n).padStart(2, '0');
const REPORTING = /\b(?:reported|said|stated|informed|announced|told|noted|wrote|press service)\b[^.]{0,30}$/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface DatesInSentence {
  /** The date of what happened, if the sentence gives one. */
  event?: DraftDate;
  /** A date governed by a reporting verb ("reported on June 8"): never an event date. */
  reporting?: string;
}

/**
 * The dates a sentence gives, against the publication date: a full date as given; a day and month in the year
 * that puts it on or before publication; a month; a weekday only as the last such day on or before publication,
 * and not at all without one; "yesterday" from publication. A date after a reporting verb is the reporting date.
 */
export function datesIn(sentence: string, published: string | null): DatesInSentence {
  const result: DatesInSentence = {};
  const reference = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  for (const parsed of parser.parse(sentence, { instant: reference, timezone: 0 })) {
    // Only what the text said, never what chrono filled in (its year and weekday guesses go forward in time).
    const known: { year?: number; month?: number; day?: number; weekday?: number } = {};
    for (const component of ['year', 'month', 'day', 'weekday'] as const) {
      if (parsed.start.isCertain(component)) known[component] = parsed.start.get(component) ?? undefined;
    }
    // The day-first parser reads "December 28" as a month and a two-digit year.
    const monthDay = /^[A-Za-z]+\.? (\d{1,2})(?:st|nd|rd|th)?$/.exec(parsed.text.trim());
    if (monthDay && known.month && !/\d{4}/.test(parsed.text)) {
      known.day = Number(monthDay[1]);
      delete known.year;
    }
    // A reporting verb governs a date at most 30 characters after it (REPORTING): the 60 before are enough.
    const before = sentence.slice(Math.max(0, parsed.index - 60), parsed.index);
    const date = resolve(known, parsed.text, published);
    if (!date) continue;
    if (REPORTING.test(before)) {
      if (date.value.length === 10) result.reporting ??= date.value;
      continue;
    }
    result.event ??= date;
  }
  return result;
}

function resolve(
  known: { year?: number; month?: number; day?: number; weekday?: number },
  text: string,
  published: string | null,
): DraftDate | undefined {
  const { year, month, day, weekday } = known;
  if (month && day) {
    if (year) return { value: `${year}-${pad(month)}-${pad(day)}`, basis: 'EXPLICIT', factor: 1 };
    if (!published) return undefined;
    const y = Number(published.slice(0, 4));
    const candidate = `${y}-${pad(month)}-${pad(day)}`;
    return {
      value: candidate <= published ? candidate : `${y - 1}-${pad(month)}-${pad(day)}`,
      basis: 'EXPLICIT_YEAR_FROM_PUBLISHED',
      factor: 0.95,
    };
  }
  if (month && year && !day) return { value: `${year}-${pad(month)}`, basis: 'EXPLICIT', factor: 1 };
  if (/\byesterday\b/i.test(text) && published) {
    const d = new Date(`${published}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return { value: d.toISOString().slice(0, 10), basis: 'RELATIVE_TO_PUBLISHED', factor: 0.9 };
  }
  const named = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}\\b`, 'i').test(text));
  if ((weekday !== undefined || named >= 0) && !day && published) {
    const target = weekday ?? named;
    const d = new Date(`${published}T00:00:00Z`);
    while (d.getUTCDay() !== target) d.setUTCDate(d.getUTCDate() - 1);
    return { value: d.toISOString().slice(0, 10), basis: 'WEEKDAY_BEFORE_PUBLISHED', factor: 0.8 };
  }
  if (year && !month && /^\D*\d{4}\D*$/.test(text)) return { value: String(year), basis: 'EXPLICIT', factor: 0.6 };
  return undefined;
}

/** The month of a reporting date, for events the report gives no date of. */
export function reportingMonth(reporting: string): DraftDate {
  return {
    value: reporting.slice(0, 7),
    basis: 'REPORTING_DATE_MONTH',
    factor: Number(reporting.slice(8, 10)) <= 7 ? 0.3 : 0.5,
    notAfter: reporting,
  };
}
