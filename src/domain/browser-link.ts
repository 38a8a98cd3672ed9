/** A Cypher string literal; ids are restricted to [A-Za-z0-9._:-] already, this keeps any text safe. */
function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A Neo4j Browser address that opens with `cypher` in the editor (the Browser's cmd=edit URL parameter). */
export function browserEditUrl(browserUrl: string, cypher: string): string {
  const url = new URL(browserUrl);
  url.searchParams.set('cmd', 'edit');
  url.searchParams.set('arg', cypher);
  return url.toString();
}

/**
 * A Neo4j Browser address whose connect form is already filled with the server and user (the Browser's `dbms`
 * URL parameter); only the password is left to type.
 */
export function browserConnectUrl(browserUrl: string, boltUri: string, username: string): string {
  const url = new URL(browserUrl);
  const bolt = new URL(boltUri);
  url.searchParams.set('dbms', `${bolt.protocol}//${username}@${bolt.host}`);
  return url.toString();
}

export function personQuery(id: string): string {
  return [
    `MATCH (p:Person {id: ${literal(id)}})`,
    'OPTIONAL MATCH (p)-[a:ATTENDED]->(m:Meeting)<-[b:ATTENDED]-(other:Person)',
    'RETURN p, a, m, b, other',
  ].join('\n');
}

export function meetingQuery(id: string): string {
  return [
    `MATCH (m:Meeting {id: ${literal(id)}})<-[a:ATTENDED]-(p:Person)`,
    'OPTIONAL MATCH (m)-[h:HELD_IN]->(place)',
    'OPTIONAL MATCH chain = (place)-[:PART_OF*1..6]->(:Place)',
    'RETURN m, a, p, h, place, chain',
  ].join('\n');
}
