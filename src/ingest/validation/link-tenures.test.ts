import { describe, expect, it } from 'vitest';
import { documentWith, evidence, graphHolding, named } from '../../../tests/helpers/validation-fixtures.js';
import type { Problem } from '../../domain/problem.js';
import { linkTenures, sameMandate } from './link-tenures.js';

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

describe('linkTenures', () => {
  const tenure = (id: string, dates: Record<string, string>) => ({ id, person: 'doc-p', post: 'post-x', ...dates, evidence: evidence() });

  it('maps a tenure of a mandate the graph or the batch holds to that tenure, the person mapped first', async () => {
    const documents = named({
      file: 'd.json',
      value: documentWith({ tenures: [tenure('t-again', { attested: '2021-06' }), tenure('t-held', { start: '2016-11-29' })] }),
    });
    const idMap = new Map([['doc-p', 'person-p']]);
    const notices: Problem[] = [];
    const graph = graphHolding({ tenures: { 'person-p|post-x': [{ id: 'tenure-1', start: '2016-11-29', end: '2022-11-29' }] } });
    await linkTenures(documents, idMap, graph, (n) => notices.push(n));
    expect(notices).toEqual([]);
    expect([...idMap]).toEqual([
      ['doc-p', 'person-p'],
      ['t-again', 'tenure-1'],
      ['t-held', 'tenure-1'],
    ]);
  });

  it('keeps a tenure with conflicting dates apart, with a notice naming the other', async () => {
    const documents = named({ file: 'd.json', value: documentWith({ tenures: [tenure('t-later', { start: '2023' })] }) });
    const idMap = new Map<string, string>();
    const notices: Problem[] = [];
    await linkTenures(documents, idMap, graphHolding({ tenures: { 'doc-p|post-x': [{ id: 'tenure-1', start: '2013-10-22' }] } }), (n) =>
      notices.push(n),
    );
    expect(idMap.size).toBe(0);
    expect(notices).toEqual([
      {
        file: 'd.json',
        path: '/tenures/0',
        message: '"t-later" is kept apart from tenure "tenure-1" of the same person and post: their dates conflict',
        expected: 'dates that agree, for one mandate attested again',
      },
    ]);
  });
});
