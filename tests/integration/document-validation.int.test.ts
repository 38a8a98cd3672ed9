import { describe, expect, it } from 'vitest';
import { execute } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';
import { countsByLabel } from '../helpers/test-db.js';

const graph = useSeededGraph();

const INGEST = /* GraphQL */ `
  mutation Ingest($documents: [JSON!]!) { ingestDocuments(documents: $documents, dryRun: true) { documents } }`;

const nested = (depth: number, make: (inner: unknown) => unknown): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = make(value);
  return value;
};

const document = (person: Record<string, unknown>) => ({
  format: 'officials-graph/source-document@1',
  sources: [
    { id: 'deep-wire-1', kind: 'NEWS_REPORT', publisher: 'Wire', title: 'Deep', published: '2021-06-09', language: 'en', paragraphs: 1 },
  ],
  people: [{ id: 'deep-person', evidence: [{ paragraph: 1, note: 'named in the report' }], ...person }],
});

describe('ingestDocuments with values nested far deeper than a document', () => {
  it('refuses documents nested 100,000 deep as INVALID_DOCUMENT with a depth problem at its path', async () => {
    const before = await countsByLabel(graph.t.db);
    const { errors } = await execute(
      graph.server,
      graph.t.db,
      INGEST,
      { documents: [nested(100_000, (inner) => [inner])] },
      { authenticated: true },
    );
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({
      code: 'INVALID_DOCUMENT',
      problems: [
        {
          document: 'documents[0]',
          path: `/${Array.from({ length: 32 }, () => '0').join('/')}`,
          message: 'is nested deeper than 32 levels of arrays and objects',
        },
      ],
    });
    expect(await countsByLabel(graph.t.db)).toEqual(before);
  });

  it("refuses an object 20,000 deep as a person's name, and still lists the other documents' problems", async () => {
    const { errors } = await execute(
      graph.server,
      graph.t.db,
      INGEST,
      { documents: [document({ name: nested(20_000, (inner) => ({ a: inner })) }), document({ name: '' })] },
      { authenticated: true },
    );
    expect(errors![0]!.extensions).toMatchObject({
      code: 'INVALID_DOCUMENT',
      problems: [
        { document: 'documents[0]', path: `/people/0/name${'/a'.repeat(29)}`, message: expect.stringContaining('nested deeper') },
        { document: 'documents[1]', path: '/people/0/name', message: 'is too short' },
      ],
    });
  });
});
