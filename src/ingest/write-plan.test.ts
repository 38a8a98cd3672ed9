import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../domain/registry/index.js';
import { groupRelationships } from '../domain/write-plan-rows.js';
import { buildWritePlan, planSize } from './write-plan.js';

const document: SourceDocument = {
  format: 'officials-graph/source-document@1',
  sources: [{ id: 's1', kind: 'NEWS_REPORT', publisher: 'Wire', title: 'T', published: '2021-06-09', language: 'en', paragraphs: 3 }],
  people: [{ id: 'doc-bakirov', name: 'Subhan Bakirov', aliases: ['Bakirov S.'], evidence: [{ paragraph: 2, note: 'named' }] }],
  meetings: [
    {
      id: 'm1',
      date: '2021-06',
      format: 'BILATERAL',
      topics: ['DEMINING'],
      summary: 'Talks.',
      participants: [
        { person: 'doc-bakirov', role: 'HOST' },
        { person: 'person-x', role: 'ATTENDEE', evidence: [{ paragraph: 3, note: 'also there' }] },
      ],
      evidence: [{ paragraph: 1, note: 'the meeting' }],
    },
  ],
};

const batch = {
  documents: [{ file: 'd.json', document }],
  idMap: new Map([['doc-bakirov', 'person-subhan-bekirov']]),
  labels: new Map([
    ['doc-bakirov', 'Person' as const],
    ['person-x', 'Person' as const],
    ['m1', 'Meeting' as const],
  ]),
  existingPeople: new Set(['person-subhan-bekirov']),
  notices: [],
  linkReasons: new Map(),
};

describe('buildWritePlan', () => {
  const plan = buildWritePlan(batch);

  it('writes a person found by alias under the graph id, as an alias, keeping the document id as a former id', () => {
    expect(plan.nodes.get('Person')).toEqual([
      {
        id: 'person-subhan-bekirov',
        props: {},
        evidence: [{ source: 's1', paragraph: 2, note: 'named' }],
        aliases: ['Subhan Bakirov', 'Bakirov S.'],
        otherIds: ['doc-bakirov'],
        nameKeys: ['subhan bakirov', 'bakirov s'],
        // Consonant skeletons of the words, h folded to g; the initial is too short to block on.
        blockKeys: ['sbgn', 'bkrv'],
      },
    ]);
  });

  it('stores dates with their precision and window', () => {
    expect(plan.nodes.get('Meeting')![0]!.props).toEqual({
      format: 'BILATERAL',
      topics: ['DEMINING'],
      summary: 'Talks.',
      date: '2021-06',
      datePrecision: 'MONTH',
      dateFrom: '2021-06-01',
      dateTo: '2021-06-30',
    });
  });

  it('gives each participant relationship its own evidence, or the meeting evidence', () => {
    expect(plan.relationships.map((r) => [r.from, r.type, r.to, r.props, r.evidence.map((e) => e.paragraph)])).toEqual([
      ['person-subhan-bekirov', 'ATTENDED', 'm1', { role: 'HOST' }, [1]],
      ['person-x', 'ATTENDED', 'm1', { role: 'ATTENDEE' }, [3]],
    ]);
    expect(planSize(plan)).toBe(1 + 2 + 1 + 1 + 1 + 1);
  });

  it('groups relationships by start label, type and end label, keeping their order', () => {
    expect(groupRelationships(plan).map((g) => [g.fromLabel, g.type, g.toLabel, g.rows.map((r) => r.from)])).toEqual([
      ['Person', 'ATTENDED', 'Meeting', ['person-subhan-bekirov', 'person-x']],
    ]);
  });
});
