import { describe, expect, it } from 'vitest';
import { documentWith, evidence, named, problemsOf } from '../../../../tests/helpers/validation-fixtures.js';
import { calendarDates } from './calendar-dates.js';

const tenure = (start: string, end?: string) => ({
  id: 't1',
  person: 'p',
  post: 'post',
  start,
  ...(end ? { end } : {}),
  evidence: evidence(),
});

describe('calendar-dates', () => {
  it('accepts real dates at any precision, and an end on or after the start', () => {
    for (const [start, end] of [
      ['2024-02-29', '2024-02-29'],
      ['2021', '2021-06'],
      ['2021-Q2', '2021-05-31'],
      ['2016-11', undefined],
    ]) {
      expect(problemsOf(calendarDates, named({ file: 'd.json', value: documentWith({ tenures: [tenure(start!, end)] }) }))).toEqual([]);
    }
  });

  it('refuses a date the calendar lacks, and a tenure that ends before it starts', () => {
    const documents = named({ file: 'd.json', value: documentWith({ tenures: [tenure('2023-02-29'), tenure('2022', '2021-06')] }) });
    expect(problemsOf(calendarDates, documents)).toEqual([
      {
        file: 'd.json',
        path: '/tenures/0/start',
        message: '"2023-02-29" is not a calendar date',
        expected: 'a real date: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD',
      },
      { file: 'd.json', path: '/tenures/1/end', message: '2021-06 is before the start 2022', expected: 'an end on or after the start' },
    ]);
  });
});
