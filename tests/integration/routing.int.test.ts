import { describe, expect, inject, it } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { createDb } from '../../src/db/run-query.js';
import { execute } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';

const graph = useSeededGraph();

describe('a neo4j:// URI', () => {
  it('serves the API through routing: reads and writes each go where the routing table sends them', async () => {
    const neo4j = inject('neo4j');
    const routed = neo4j.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
    expect(routed.startsWith('neo4j')).toBe(true);
    const driver = await createDriver({ ...neo4j, uri: routed });
    try {
      const db = createDb(driver, neo4j.database);
      const read = await execute<{ person: { name: string } }>(graph.server, db, '{ person(id: "person-arif-alvi") { name } }');
      expect(read.errors).toBeUndefined();
      expect(read.data!.person.name).toBe('Arif Alvi');
      const [written] = await db.write('MERGE (n:RoutingProbe {id: "probe"}) RETURN n.id AS id');
      expect(written).toEqual({ id: 'probe' });
      await db.write('MATCH (n:RoutingProbe) DELETE n');
    } finally {
      await driver.close();
    }
  });
});
