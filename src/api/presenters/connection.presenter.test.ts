import { describe, expect, it } from 'vitest';
import type { SourceModel } from '../../repositories/models.js';
import { presentConnections } from './connection.presenter.js';

describe('presentConnections', () => {
  const source: SourceModel = {
    __typename: 'Source',
    id: 's',
    kind: 'NEWS_REPORT',
    publisher: 'Wire',
    title: 'T',
    author: null,
    url: null,
    language: 'en',
    paragraphs: 3,
    revision: null,
    published: { value: '2021', precision: 'YEAR', earliest: '2021-01-01', latest: '2021-12-31' },
  };
  const alvi = { __typename: 'Person' as const, id: 'alvi', name: 'Arif Alvi', aliases: [] };
  const meeting = {
    __typename: 'Meeting' as const,
    id: 'm',
    format: 'BILATERAL' as const,
    topics: [],
    summary: 's',
    date: { value: '2021-06-04', precision: 'DAY' as const, earliest: '2021-06-04', latest: '2021-06-04' },
  };

  it("explains each hop along the relationship's own direction, whichever way the path runs, with its sources", () => {
    const [connection] = presentConnections(
      [
        {
          nodes: [meeting, alvi],
          relationships: [
            {
              type: 'ATTENDED',
              start: 'alvi',
              end: 'm',
              role: 'HOST',
              sourceIds: ['s', 'gone'],
              paragraphs: [2, 1],
              notes: ['there', 'x'],
            },
          ],
        },
      ],
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
