import { describe, expect, it } from 'vitest';
import { type DescribedGraph, documentWith, graphHolding, named, person, source } from '../../../tests/helpers/validation-fixtures.js';
import type { Problem } from '../../domain/problem.js';
import type { NamedDocument } from './entries.js';
import { linkPeople } from './link-people.js';

async function linked(documents: NamedDocument[], graph: DescribedGraph = {}) {
  const lookup = graphHolding(graph);
  const ids = documents.flatMap(({ document }) => (document.people ?? []).flatMap((p) => [p.id, ...(p.otherIds ?? [])]));
  const problems: Problem[] = [];
  const result = await linkPeople(documents, await lookup.findByIds(ids), lookup, (p) => problems.push(p));
  return { ...result, problems };
}

const otherSource = (sections: Record<string, unknown>) => ({ ...documentWith(sections), sources: [source({ id: 's2' })] });

describe('linkPeople', () => {
  it('links a person to the graph by id, by a former id, by name after transliteration, and to an earlier entry of the batch', async () => {
    const documents = named(
      {
        file: 'a.json',
        value: documentWith({
          people: [
            person('person-arif-alvi', 'Arif Alvi'),
            person('doc-bajwa', 'Qamar Bajwa', { otherIds: ['old-bajwa'] }),
            person('doc-bekirov', 'Subhan Bakirov'),
            person('doc-hasanov', 'Zakir Hasanov'),
          ],
        }),
      },
      { file: 'b.json', value: otherSource({ people: [person('wire-hasanov', 'Zakir Həsənov')] }) },
    );
    const result = await linked(documents, {
      entities: { 'person-arif-alvi': 'Person', 'person-qamar-javed-bajwa': 'Person' },
      formerIds: { 'old-bajwa': 'person-qamar-javed-bajwa' },
      peopleByNameKey: { 'subhan bakirov': ['person-subhan-bekirov'] },
    });
    expect(result.problems).toEqual([]);
    expect([...result.idMap]).toEqual([
      ['person-arif-alvi', 'person-arif-alvi'],
      ['doc-bajwa', 'person-qamar-javed-bajwa'],
      ['doc-bekirov', 'person-subhan-bekirov'],
      ['wire-hasanov', 'doc-hasanov'],
    ]);
    expect([...result.existingPeople]).toEqual(['person-arif-alvi', 'person-qamar-javed-bajwa', 'person-subhan-bekirov']);
    expect(result.reasons.get('doc-bajwa')).toBe('an id the person had before');
    expect(result.reasons.get('wire-hasanov')).toBe('the same name or alias, after transliteration, as "doc-hasanov" of this batch');
  });

  it('refuses two entries of one document for one person, and a name that fits several people of the graph or the batch', async () => {
    const documents = named(
      {
        file: 'a.json',
        value: documentWith({
          people: [person('p1', 'Amjad Niazi'), person('p2', 'Amjad Niazi'), person('p3', 'A Name'), person('p4', 'Ali Khan')],
        }),
      },
      { file: 'b.json', value: otherSource({ people: [person('p5', 'Omar Ali', { aliases: ['Ali Khan'] })] }) },
      { file: 'c.json', value: otherSource({ people: [person('p6', 'Omar Ali', { aliases: ['Ali Khan'] })] }) },
    );
    const result = await linked(documents, { peopleByNameKey: { 'a name': ['q1', 'q2'] } });
    expect(result.problems).toEqual([
      {
        file: 'a.json',
        path: '/people/1/name',
        message: '"Amjad Niazi" has the same name or alias as person "p1" of this document',
        expected: 'one entry per person',
      },
      {
        file: 'c.json',
        path: '/people/0/name',
        message: '"Omar Ali" matches several people of this batch: p5, p4',
        expected: 'the id of the one meant',
      },
      {
        file: 'a.json',
        path: '/people/2/name',
        message: '"A Name" matches several people in the graph: q1, q2',
        expected: 'the id of the one meant',
      },
    ]);
    expect(result.idMap.get('p5')).toBe('p4');
  });
});
