import { describe, expect, it } from 'vitest';
import { sameMandate } from './link-tenures.js';

describe('sameMandate', () => {
  it('takes attestations within a known term, or two attestations alone, for one mandate', () => {
    expect(sameMandate({ id: 'a', attested: '2021-07' }, { id: 'b', attested: '2021-06' })).toBe(true);
    expect(sameMandate({ id: 'a', attested: '2021-07' }, { id: 'b', start: '2016-11-29', end: '2022-11-29' })).toBe(true);
    expect(
      sameMandate({ id: 'a', start: '2016-11' }, { id: 'b', start: '2016-11-29', attestedFrom: '2021-06-01', attestedTo: '2021-07-31' }),
    ).toBe(true);
  });

  it('keeps apart terms whose known starts or ends differ, or an attestation outside the other term', () => {
    expect(sameMandate({ id: 'a', start: '2013-10-22' }, { id: 'b', start: '2023' })).toBe(false);
    expect(sameMandate({ id: 'a', start: '2016', end: '2019' }, { id: 'b', start: '2016', end: '2022' })).toBe(false);
    expect(sameMandate({ id: 'a', attested: '2024-03' }, { id: 'b', start: '2016-11-29', end: '2022-11-29' })).toBe(false);
  });
});
