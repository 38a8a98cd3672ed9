import { describe, expect, it } from 'vitest';
import { connectionsCypher, explainPaths } from './connection.repository.js';
import type { SourceModel } from './models.js';

describe('connectionsCypher', () => {
  it('takes relationship types only from the allowlist of the chosen kinds, and the limits as integers', () => {
    const cypher = connectionsCypher(['MEETINGS', 'STATEMENTS'], 4, 3);
    expect(cypher).toContain('MATCH p = allShortestPaths((a)-[:ATTENDED|MADE|MADE_AT|ON_BEHALF_OF|ADDRESSED_TO|ABOUT*1..4]-(b))');
    expect(cypher).toContain('RETURN p LIMIT 3');
    expect(cypher).toContain('MATCH p = SHORTEST 3 (x)-[:ATTENDED|MADE|MADE_AT|ON_BEHALF_OF|ADDRESSED_TO|ABOUT]-{1,4}(y)');
    expect(cypher).not.toContain('SUPPORTED_BY');
    expect(cypher).toContain('{id: $from}');
  });
});

describe('explainPaths', () => {
  const source: SourceModel = {
    __typename: 'Source', id: 's', kind: 'NEWS_REPORT', publisher: 'Wire', title: 'T', author: null, url: null, language: 'en', paragraphs: 3,
    published: { value: '2021', precision: 'YEAR', earliest: '2021-01-01', latest: '2021-12-31' },
  };
  const alvi = { __typename: 'Person' as const, id: 'alvi', name: 'Arif Alvi', aliases: [] };
  const meeting = { __typename: 'Meeting' as const, id: 'm', format: 'BILATERAL' as const, topics: [], summary: 's', date: { value: '2021-06-04', precision: 'DAY' as const, earliest: '2021-06-04', latest: '2021-06-04' } };

  it('explains each hop along the relationship\'s own direction, whichever way the path runs, with its sources', () => {
    const [connection] = explainPaths(
      [{ nodes: [meeting, alvi], relationships: [{ type: 'ATTENDED', start: 'alvi', end: 'm', role: 'HOST', sourceIds: ['s', 'gone'], paragraphs: [2, 1], notes: ['there', 'x'] }] }],
      [source],
    );
    expect(connection!.length).toBe(1);
    expect(connection!.hops[0]).toMatchObject({
      from: meeting,
      to: alvi,
      relationship: 'ATTENDED',
      explanation: 'Arif Alvi attended the bilateral meeting of 2021-06-04 as host',
      evidence: [{ source, paragraph: 2, note: 'there' }],
    });
  });
});
