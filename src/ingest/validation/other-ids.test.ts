import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../domain/problem.js';
import type { EntityLabel } from '../../domain/registry/index.js';
import type { GraphLookup } from './link-people.js';
import { validateBatch } from './validate-batch.js';

/** A graph of entities by id, people's former ids (former → current) and source ids; queries are tested on Neo4j. */
function graphHolding(entities: Record<string, EntityLabel>, formerIds: Record<string, string> = {}, sources: string[] = []): GraphLookup {
  const named = (id: string) =>
    id in entities ? { label: entities[id]!, id } : id in formerIds ? { label: 'Person' as const, id: formerIds[id]! } : undefined;
  return {
    findByIds: async (ids) => new Map(ids.flatMap((id) => (named(id) ? [[id, named(id)!] as const] : []))),
    findPeopleByNameKeys: async () => new Map(),
    findTerms: async () => new Map(),
    findTenures: async () => new Map(),
    findIdClashes: async (rows) =>
      new Map(rows.filter((r) => r.id in entities && entities[r.id] !== r.label).map((r) => [r.id, entities[r.id]!])),
    findSources: async (ids) =>
      new Map(ids.filter((id) => sources.includes(id)).map((id) => [id, { revision: 1, metadataKey: undefined, paragraphs: 4 }])),
  };
}

const source = {
  id: 's1',
  kind: 'NEWS_REPORT',
  publisher: 'Wire',
  title: 'Report',
  published: '2021-06-09',
  language: 'en',
  paragraphs: 4,
};
const ev = [{ paragraph: 1, note: 'what it says' }];
const person = (id: string, name: string, otherIds: string[]) => ({ id, name, otherIds, evidence: ev });
const doc = (extra: Record<string, unknown>) => ({ format: 'officials-graph/source-document@1', sources: [source], ...extra });

describe('a person’s otherIds', () => {
  it('may name ids the person had elsewhere, its own graph id and former ids among them', async () => {
    const result = await validateBatch(
      [
        {
          file: 'd.json',
          value: doc({
            people: [
              person('doc-bekirov', 'Subhan Bekirov', ['person-subhan-bekirov', 'old-bekirov', 'wire-bekirov']),
              person('doc-niazi', 'Amjad Niazi', ['doc-niazi']),
            ],
          }),
        },
      ],
      graphHolding({ 'person-subhan-bekirov': 'Person' }, { 'old-bekirov': 'person-subhan-bekirov' }),
    );
    expect(result.problems).toEqual([]);
  });

  it('refuses, with every path, ids of a country, an organization, a source or another person, in the graph or the batch', async () => {
    const result = await validateBatch(
      [
        {
          file: 'a.json',
          value: doc({
            countries: [{ id: 'XK', name: 'Kosovo', evidence: ev }],
            people: [
              person('rt-p1', 'Rtone Alphaov', []),
              person('rt-p2', 'Rttwo Betaov', ['rt-p1', 'XK', 's1']),
              person('person-arif-alvi', 'Arif Alvi', ['org-az-mod', 'AZ', 'person-zakir-hasanov', 'old-bajwa', 'wire-2020', 'shared-id']),
            ],
          }),
        },
        {
          file: 'b.json',
          value: { ...doc({ people: [person('rt-p4', 'Rtfour Deltaov', ['shared-id'])] }), sources: [{ ...source, id: 's2' }] },
        },
      ],
      graphHolding(
        {
          'org-az-mod': 'Organization',
          AZ: 'Country',
          'person-arif-alvi': 'Person',
          'person-zakir-hasanov': 'Person',
          'person-qamar-javed-bajwa': 'Person',
        },
        { 'old-bajwa': 'person-qamar-javed-bajwa' },
        ['wire-2020'],
      ),
    );
    expect(result.problems.every((p) => p.expected === 'an id this person had elsewhere, which names nothing else')).toBe(true);
    expect(formatProblems(result.problems.map(({ expected: _, ...p }) => p)).split('\n')).toEqual([
      'a.json /people/1/otherIds/0: "rt-p1" is the id of another person of the batch, a.json /people/0',
      'a.json /people/1/otherIds/1: "XK" is the id of a Country of the batch, a.json /countries/0',
      'a.json /people/1/otherIds/2: "s1" is the id of a Source of the batch, a.json /sources/0',
      'a.json /people/2/otherIds/0: "org-az-mod" is the id of an Organization in the graph',
      'a.json /people/2/otherIds/1: "AZ" is the id of a Country in the graph',
      'a.json /people/2/otherIds/2: "person-zakir-hasanov" is the id of another person in the graph',
      'a.json /people/2/otherIds/3: "old-bajwa" is a former id of another person in the graph, "person-qamar-javed-bajwa"',
      'a.json /people/2/otherIds/4: "wire-2020" is the id of a Source in the graph',
      'b.json /people/0/otherIds/0: "shared-id" is listed for another person too, a.json /people/2/otherIds/5',
    ]);
  });

  it('refuses the ids of two people of the graph for one person of the batch', async () => {
    const result = await validateBatch(
      [{ file: 'd.json', value: doc({ people: [person('newcomer', 'New Comer', ['person-arif-alvi', 'person-zakir-hasanov'])] }) }],
      graphHolding({ 'person-arif-alvi': 'Person', 'person-zakir-hasanov': 'Person' }),
    );
    expect(result.problems.map((p) => `${p.path} ${p.message}`)).toEqual([
      '/people/0/otherIds/1 "person-zakir-hasanov" is the id of another person in the graph',
    ]);
  });
});
