import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../domain/problem.js';
import type { EntityLabel } from '../../domain/registry/index.js';
import type { GraphLookup } from './link-people.js';
import { checkShape } from './shape.js';
import { validateBatch } from './validate-batch.js';

/** What the graph holds, for validation that needs to ask it; queries themselves are tested on a real Neo4j. */
function graphHolding(entities: Record<string, EntityLabel>, peopleByKey: Record<string, string[]> = {}): GraphLookup {
  return {
    findByIds: async (ids) => new Map(ids.filter((id) => id in entities).map((id) => [id, { label: entities[id]!, id }])),
    findPeopleByNameKeys: async (keys) => new Map(keys.filter((k) => k in peopleByKey).map((k) => [k, peopleByKey[k]!])),
    findTerms: async () => new Map([['topic', new Set(['GRAPH_ONLY_TOPIC'])]]),
    findTenures: async () => new Map(),
    findIdClashes: async (rows) =>
      new Map(rows.filter((r) => r.id in entities && entities[r.id] !== r.label).map((r) => [r.id, entities[r.id]!])),
    findSources: async () => new Map(),
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
const ev = (paragraph = 1) => [{ paragraph, note: 'what it says' }];
const doc = (extra: Record<string, unknown>) => ({ format: 'officials-graph/source-document@1', sources: [source], ...extra });

describe('checkShape', () => {
  it('accepts a minimal document', () => {
    expect(checkShape('d.json', doc({}))).toEqual([]);
  });

  it('lists each problem with its path and what was expected', () => {
    const problems = checkShape('d.json', doc({ people: [{ id: 'bad id!', name: '', evidence: [] }] }));
    expect(problems.map((p) => p.path).sort()).toEqual(['/people/0/evidence', '/people/0/id', '/people/0/name']);
    expect(problems.every((p) => p.file === 'd.json' && p.expected)).toBe(true);
  });
});

describe('validateBatch', () => {
  it('resolves references to the batch and to the graph, and maps people found by alias', async () => {
    const result = await validateBatch(
      [{ file: 'd.json', value: doc({ people: [{ id: 'bakirov', name: 'Subhan Bakirov', country: 'AZ', evidence: ev() }] }) }],
      graphHolding({ AZ: 'Country' }, { 'subhan bakirov': ['person-subhan-bekirov'] }),
    );
    expect('batch' in result && [...result.batch.idMap]).toEqual([['bakirov', 'person-subhan-bekirov']]);
  });

  it('refuses a reference to the wrong kind of entity, and a name that fits two people', async () => {
    const result = await validateBatch(
      [{ file: 'd.json', value: doc({ people: [{ id: 'p', name: 'A Name', country: 'org-x', evidence: ev() }] }) }],
      graphHolding({ 'org-x': 'Organization' }, { 'a name': ['p1', 'p2'] }),
    );
    expect(formatProblems(result.problems)).toBe(
      'd.json /people/0/name: "A Name" matches several people in the graph: p1, p2 (expected the id of the one meant)\n' +
        'd.json /people/0/country: names "org-x", which is a Organization (expected the id of a Country)',
    );
  });

  it('needs the source named in evidence when a document has several', async () => {
    const value = { ...doc({ countries: [{ id: 'AZ', name: 'Azerbaijan', evidence: ev() }] }), sources: [source, { ...source, id: 's2' }] };
    const result = await validateBatch([{ file: 'd.json', value }], graphHolding({}));
    expect(result.problems.map((p) => p.path)).toEqual(['/countries/0/evidence/0/source']);
  });

  it('refuses a tenure that ends before it starts', async () => {
    const value = doc({
      people: [{ id: 'p', name: 'P', evidence: ev() }],
      tenures: [{ id: 't', person: 'p', post: 'post', start: '2022', end: '2021-06', evidence: ev() }],
    });
    const result = await validateBatch([{ file: 'd.json', value }], graphHolding({ post: 'Post' }));
    expect(result.problems.map((p) => p.path)).toEqual(['/tenures/0/end']);
  });

  it('accepts a term of the registry, the graph or the batch, and names the nearest known terms for any other', async () => {
    const meeting = (id: string, topics: string[], format = 'CALL') => ({
      id,
      format,
      topics,
      summary: 'A call.',
      participants: [
        { person: 'a', role: 'HOST' },
        { person: 'b', role: 'OBSERVER' },
      ],
      evidence: ev(),
    });
    const value = doc({
      vocabulary: [{ vocabulary: 'participantRole', code: 'OBSERVER', label: 'Observer', description: 'Watched, without a side.' }],
      meetings: [meeting('m1', ['DEMINING', 'GRAPH_ONLY_TOPIC']), meeting('m2', ['DEFENSE_INDUSTRY', 'DEMINNG'], 'VIDEO_CALL')],
    });
    const result = await validateBatch([{ file: 'd.json', value }], graphHolding({ a: 'Person', b: 'Person' }));
    expect(result.problems.map((p) => [p.path, p.message])).toEqual([
      ['/meetings/1/format', '"VIDEO_CALL" is not a term of the meetingFormat vocabulary'],
      ['/meetings/1/topics/0', '"DEFENSE_INDUSTRY" is not a term of the topic vocabulary'],
      ['/meetings/1/topics/1', '"DEMINNG" is not a term of the topic vocabulary'],
    ]);
    expect(result.problems[2]!.expected).toMatch(/^a known term \(nearest: DEMINING, /);
  });
});
