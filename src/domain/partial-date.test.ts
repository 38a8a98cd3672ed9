import { describe, expect, it } from 'vitest';
import { parsePartialDate, partialDateProperties } from './partial-date.js';

describe('parsePartialDate', () => {
  it('keeps the precision and the window of days a value may mean', () => {
    expect(parsePartialDate('2021')).toEqual({ value: '2021', precision: 'YEAR', from: '2021-01-01', to: '2021-12-31' });
    expect(parsePartialDate('2021-Q1')).toEqual({ value: '2021-Q1', precision: 'QUARTER', from: '2021-01-01', to: '2021-03-31' });
    expect(parsePartialDate('2020-02')).toEqual({ value: '2020-02', precision: 'MONTH', from: '2020-02-01', to: '2020-02-29' });
    expect(parsePartialDate('2021-06-04')).toEqual({ value: '2021-06-04', precision: 'DAY', from: '2021-06-04', to: '2021-06-04' });
  });

  it('refuses text that is not a calendar date', () => {
    for (const bad of ['2021-02-30', '2021-13', '2021-Q5', 'June 2021', '21-06-04', '']) expect(parsePartialDate(bad)).toBeUndefined();
  });

  it('expands into stored properties', () => {
    expect(partialDateProperties('period', '2021-Q1')).toEqual({
      period: '2021-Q1',
      periodPrecision: 'QUARTER',
      periodFrom: '2021-01-01',
      periodTo: '2021-03-31',
    });
    expect(partialDateProperties('date', undefined)).toEqual({});
  });
});
