import { describe, expect, it } from 'vitest';
import {
  type DescribedGraph,
  documentWith,
  evidence,
  graphHolding,
  named,
  person,
  source,
} from '../../../tests/helpers/validation-fixtures.js';
import { formatProblems, type Problem } from '../../domain/problem.js';
import { sourceMetadataKey } from '../../domain/source-metadata.js';
import type { NamedDocument } from './entries.js';
import { checkIdSpace, checkOtherIds, checkSourceRevisions } from './id-space.js';

const withOtherIds = (id: string, name: string, otherIds: string[]) => person(id, name, { otherIds });

async function idSpaceProblems(documents: NamedDocument[], graph: DescribedGraph): Promise<Problem[]> {
  const problems: Problem[] = [];
  await checkIdSpace(documents, graphHolding(graph), (p) => problems.push(p));
  return problems;
}

/** The otherIds rule alone: `owners` is what linking people found (document id → graph id), as validateBatch hands it. */
async function otherIdProblems(documents: NamedDocument[], graph: DescribedGraph, owners: Record<string, string> = {}) {
  const lookup = graphHolding(graph);
  const ids = documents.flatMap(({ document }) => (document.people ?? []).flatMap((p) => [p.id, ...(p.otherIds ?? [])]));
  const problems: Problem[] = [];
  await checkOtherIds(documents, await lookup.findByIds(ids), new Map(Object.entries(owners)), lookup, (p) => problems.push(p));
  return problems;
}

async function revisionProblems(documents: NamedDocument[], graph: DescribedGraph): Promise<Problem[]> {
  const problems: Problem[] = [];
  await checkSourceRevisions(documents, graphHolding(graph), (p) => problems.push(p));
  return problems;
}

describe('checkIdSpace', () => {
  it('accepts ids the graph gives to the same kind of entity, or to nothing', async () => {
    const documents = named({ file: 'd.json', value: documentWith({ people: [person('p1', 'One'), person('p-new', 'New')] }) });
    expect(await idSpaceProblems(documents, { entities: { p1: 'Person' } })).toEqual([]);
  });

  it('refuses an id the graph gives to another kind of entity, at the entry', async () => {
    const documents = named({
      file: 'd.json',
      value: documentWith({ countries: [{ id: 'org-x', name: 'Country X', evidence: evidence() }], people: [person('AZ', 'A Z')] }),
    });
    expect(await idSpaceProblems(documents, { entities: { 'org-x': 'Organization', AZ: 'Country' } })).toEqual([
      {
        file: 'd.json',
        path: '/countries/0/id',
        message: '"org-x" is already the id of an Organization in the graph',
        expected: 'an id no other kind of entity has: ids are one space across the graph',
      },
      {
        file: 'd.json',
        path: '/people/0/id',
        message: '"AZ" is already the id of a Country in the graph',
        expected: 'an id no other kind of entity has: ids are one space across the graph',
      },
    ]);
  });
});

describe('checkOtherIds: a person’s otherIds', () => {
  it('may name ids the person had elsewhere, its own graph id and former ids among them', async () => {
    const documents = named({
      file: 'd.json',
      value: documentWith({
        people: [
          withOtherIds('doc-bekirov', 'Subhan Bekirov', ['person-subhan-bekirov', 'old-bekirov', 'wire-bekirov']),
          withOtherIds('doc-niazi', 'Amjad Niazi', ['doc-niazi']),
        ],
      }),
    });
    const graph = { entities: { 'person-subhan-bekirov': 'Person' }, formerIds: { 'old-bekirov': 'person-subhan-bekirov' } } as const;
    expect(await otherIdProblems(documents, graph, { 'doc-bekirov': 'person-subhan-bekirov' })).toEqual([]);
  });

  it('refuses, with every path, ids of a country, an organization, a source or another person, in the graph or the batch', async () => {
    const documents = named(
      {
        file: 'a.json',
        value: documentWith({
          countries: [{ id: 'XK', name: 'Kosovo', evidence: evidence() }],
          people: [
            withOtherIds('rt-p1', 'Rtone Alphaov', []),
            withOtherIds('rt-p2', 'Rttwo Betaov', ['rt-p1', 'XK', 's1']),
            withOtherIds('person-arif-alvi', 'Arif Alvi', [
              'org-az-mod',
              'AZ',
              'person-zakir-hasanov',
              'old-bajwa',
              'wire-2020',
              'shared-id',
            ]),
          ],
        }),
      },
      {
        file: 'b.json',
        value: { ...documentWith({ people: [withOtherIds('rt-p4', 'Rtfour Deltaov', ['shared-id'])] }), sources: [source({ id: 's2' })] },
      },
    );
    const problems = await otherIdProblems(documents, {
      entities: {
        'org-az-mod': 'Organization',
        AZ: 'Country',
        'person-arif-alvi': 'Person',
        'person-zakir-hasanov': 'Person',
        'person-qamar-javed-bajwa': 'Person',
      },
      formerIds: { 'old-bajwa': 'person-qamar-javed-bajwa' },
      sources: ['wire-2020'],
    });
    expect(problems.every((p) => p.expected === 'an id this person had elsewhere, which names nothing else')).toBe(true);
    expect(formatProblems(problems.map(({ expected: _, ...p }) => p)).split('\n')).toEqual([
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
    const documents = named({
      file: 'd.json',
      value: documentWith({ people: [withOtherIds('newcomer', 'New Comer', ['person-arif-alvi', 'person-zakir-hasanov'])] }),
    });
    const graph = { entities: { 'person-arif-alvi': 'Person', 'person-zakir-hasanov': 'Person' } } as const;
    const problems = await otherIdProblems(documents, graph, { newcomer: 'person-arif-alvi' });
    expect(problems.map((p) => `${p.path} ${p.message}`)).toEqual([
      '/people/0/otherIds/1 "person-zakir-hasanov" is the id of another person in the graph',
    ]);
  });
});

describe('checkSourceRevisions', () => {
  const heldAs = (metadata: Record<string, unknown>, revision = 1) => ({
    revision,
    metadataKey: sourceMetadataKey(metadata),
    paragraphs: 4,
  });

  it('accepts a source declared as the graph holds it, by a higher revision, or one held before metadata was recorded', async () => {
    const documents = named(
      { file: 'a.json', value: documentWith() },
      { file: 'b.json', value: documentWith() },
      { file: 'c.json', value: { ...documentWith(), sources: [source({ id: 's2', title: 'Corrected', revision: 2, paragraphs: 5 })] } },
      { file: 'd.json', value: { ...documentWith(), sources: [source({ id: 's3', title: 'Anything' })] } },
    );
    const graph = { sources: { s1: heldAs(source()), s2: heldAs(source({ id: 's2' })), s3: {} } };
    expect(await revisionProblems(documents, graph)).toEqual([]);
  });

  it('refuses other metadata in one batch, or against the graph, without a higher revision, and a revision losing paragraphs', async () => {
    const documents = named(
      { file: 'a.json', value: documentWith() },
      { file: 'b.json', value: documentWith({}, { title: 'Other title' }) },
      { file: 'c.json', value: { ...documentWith(), sources: [source({ id: 's2', revision: 1 })] } },
      { file: 'd.json', value: { ...documentWith(), sources: [source({ id: 's3', title: 'Corrected', revision: 3, paragraphs: 2 })] } },
    );
    const graph = { sources: { s1: heldAs(source()), s2: heldAs(source({ id: 's2' }), 2), s3: heldAs(source({ id: 's3' }), 2) } };
    expect(formatProblems(await revisionProblems(documents, graph)).split('\n')).toEqual([
      'b.json /sources/0: declares source "s1" with other title than a.json /sources/0 ' +
        '(expected one declaration of a source per batch, or the same metadata in each)',
      'b.json /sources/0: declares source "s1" with other title than the graph\'s revision 1 ' +
        '(expected the metadata the graph holds, or "revision": 2 to change it)',
      'c.json /sources/0/revision: is 1, but the graph holds revision 2 of "s2" ' +
        '(expected 2 or more, or no revision to cite the source as the graph holds it)',
      'd.json /sources/0/paragraphs: is 2, fewer than the 4 of revision 2 in the graph ' +
        '(expected at least 4: evidence in the graph may cite any of them)',
    ]);
  });
});
