import { describe, expect, it } from 'vitest';
import { documentWith, evidence, graphHolding, person, source } from '../../../tests/helpers/validation-fixtures.js';
import { formatProblems } from '../../domain/problem.js';
import { validateBatch } from './validate-batch.js';

describe('validateBatch', () => {
  it('resolves references to the batch and to the graph, and maps people found by alias', async () => {
    const result = await validateBatch(
      [{ file: 'd.json', value: documentWith({ people: [person('bakirov', 'Subhan Bakirov', { country: 'AZ' })] }) }],
      graphHolding({ entities: { AZ: 'Country' }, peopleByNameKey: { 'subhan bakirov': ['person-subhan-bekirov'] } }),
    );
    expect('batch' in result && [...result.batch.idMap]).toEqual([['bakirov', 'person-subhan-bekirov']]);
  });

  it('refuses a reference to the wrong kind of entity, and a name that fits two people', async () => {
    const result = await validateBatch(
      [{ file: 'd.json', value: documentWith({ people: [person('p', 'A Name', { country: 'org-x' })] }) }],
      graphHolding({ entities: { 'org-x': 'Organization' }, peopleByNameKey: { 'a name': ['p1', 'p2'] } }),
    );
    expect(formatProblems(result.problems)).toBe(
      'd.json /people/0/name: "A Name" matches several people in the graph: p1, p2 (expected the id of the one meant)\n' +
        'd.json /people/0/country: names "org-x", which is a Organization (expected the id of a Country)',
    );
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
      evidence: evidence(),
    });
    const value = documentWith({
      vocabulary: [{ vocabulary: 'participantRole', code: 'OBSERVER', label: 'Observer', description: 'Watched, without a side.' }],
      meetings: [meeting('m1', ['DEMINING', 'GRAPH_ONLY_TOPIC']), meeting('m2', ['DEFENSE_INDUSTRY', 'DEMINNG'], 'VIDEO_CALL')],
    });
    const graph = graphHolding({ entities: { a: 'Person', b: 'Person' }, terms: { topic: ['GRAPH_ONLY_TOPIC'] } });
    const result = await validateBatch([{ file: 'd.json', value }], graph);
    expect(result.problems.map((p) => [p.path, p.message])).toEqual([
      ['/meetings/1/format', '"VIDEO_CALL" is not a term of the meetingFormat vocabulary'],
      ['/meetings/1/topics/0', '"DEFENSE_INDUSTRY" is not a term of the topic vocabulary'],
      ['/meetings/1/topics/1', '"DEMINNG" is not a term of the topic vocabulary'],
    ]);
    expect(result.problems[2]!.expected).toMatch(/^a known term \(nearest: DEMINING, /);
  });

  it("links people before checking otherIds: a person's own graph id and former ids are its own", async () => {
    const value = documentWith({
      people: [person('doc-bekirov', 'Subhan Bekirov', { otherIds: ['person-subhan-bekirov', 'old-bekirov', 'wire-bekirov'] })],
    });
    const graph = graphHolding({ entities: { 'person-subhan-bekirov': 'Person' }, formerIds: { 'old-bekirov': 'person-subhan-bekirov' } });
    const result = await validateBatch([{ file: 'd.json', value }], graph);
    expect(result.problems).toEqual([]);
    expect('batch' in result && result.batch.idMap.get('doc-bekirov')).toBe('person-subhan-bekirov');
  });

  it('lists an id a source and an entity share once, with its file and path', async () => {
    const value = documentWith({ people: [person('s1', 'Named Like The Source')] });
    const result = await validateBatch([{ file: 'd.json', value }], graphHolding());
    expect(result.problems).toEqual([
      {
        file: 'd.json',
        path: '/people/0/id',
        message: '"s1" is a Source in d.json /sources/0',
        expected: 'an id not used by another kind of entity',
      },
    ]);
  });

  it('lists every problem of every document, in source id order, each rule in turn, checking what the schema left of each', async () => {
    const tenure = { id: 't1', person: 'p-bad', post: 'post-gone', start: '2022', end: '2021', evidence: evidence() };
    const result = await validateBatch(
      [
        {
          file: 'b.json',
          value: { ...documentWith({ people: [person('p2', 'Two', { country: 'XX' })] }), sources: [source({ id: 's2' })] },
        },
        { file: 'a.json', value: documentWith({ people: [person('p-bad', '')], tenures: [tenure] }) },
      ],
      graphHolding(),
    );
    // The tenure's person was left out with the entry the schema refused: its reference is not reported again.
    expect(formatProblems(result.problems.map(({ expected: _, ...p }) => p)).split('\n')).toEqual([
      'a.json /people/0/name: is too short',
      'a.json /tenures/0/end: 2021 is before the start 2022',
      'a.json /tenures/0/post: names "post-gone", which is neither in these documents nor in the graph',
      'b.json /people/0/country: names "XX", which is neither in these documents nor in the graph',
    ]);
  });
});
