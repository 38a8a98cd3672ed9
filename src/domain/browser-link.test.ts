import { describe, expect, it } from 'vitest';
import { browserConnectUrl, browserEditUrl, meetingQuery, personQuery } from './browser-link.js';

describe('Neo4j Browser links', () => {
  it('open the Browser with the query in the editor', () => {
    const url = new URL(browserEditUrl('http://localhost:7474/browser/', personQuery('person-subhan-bekirov')));
    expect(url.origin + url.pathname).toBe('http://localhost:7474/browser/');
    expect(url.searchParams.get('cmd')).toBe('edit');
    expect(url.searchParams.get('arg')).toBe(
      [
        "MATCH (p:Person {id: 'person-subhan-bekirov'})",
        'OPTIONAL MATCH (p)-[a:ATTENDED]->(m:Meeting)<-[b:ATTENDED]-(other:Person)',
        'RETURN p, a, m, b, other',
      ].join('\n'),
    );
  });

  it('keep any id inside its string literal', () => {
    expect(meetingQuery("x'}) DETACH DELETE m //")).toContain("{id: 'x\\'}) DETACH DELETE m //'}");
  });

  it('fills the connect form with server and user, never the password', () => {
    expect(browserConnectUrl('http://localhost:7474/browser/', 'bolt://127.0.0.1:7687', 'neo4j')).toBe(
      'http://localhost:7474/browser/?dbms=bolt%3A%2F%2Fneo4j%40127.0.0.1%3A7687',
    );
  });
});
