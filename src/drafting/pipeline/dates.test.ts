import { describe, expect, it } from 'vitest';
import { datesIn, reportingMonth } from './dates.js';

describe('datesIn', () => {
  // Published on Friday 14 May 2021.
  const published = '2021-05-14';
  it.each([
    ['The memorandum was signed on 04.06.2021.', '2021-06-04', 'EXPLICIT'],
    ['The ministers met on 4 June 2021 in Vel.', '2021-06-04', 'EXPLICIT'],
    ['The ministers met on May 10 in Vel.', '2021-05-10', 'EXPLICIT_YEAR_FROM_PUBLISHED'],
    ['The ministers met on December 28 in Tarn.', '2020-12-28', 'EXPLICIT_YEAR_FROM_PUBLISHED'],
    ['The ministers met on Monday in Vel.', '2021-05-10', 'WEEKDAY_BEFORE_PUBLISHED'],
    ['The talks took place in June 2020.', '2020-06', 'EXPLICIT'],
  ])('reads "%s" as %s (%s)', (sentence, value, basis) => {
    expect(datesIn(sentence, published).event).toMatchObject({ value, basis });
  });

  it('never gives a day for a weekday without a publication date', () => {
    expect(datesIn('On Thursday the two chiefs of staff discussed joint training.', null)).toEqual({});
  });

  it('keeps a reporting date apart from the event date', () => {
    expect(datesIn('The ministry reported on 12 March that the admirals had met.', '2021-03-13')).toEqual({ reporting: '2021-03-12' });
    expect(reportingMonth('2021-03-12')).toEqual({ value: '2021-03', basis: 'REPORTING_DATE_MONTH', factor: 0.5, notAfter: '2021-03-12' });
  });
});
