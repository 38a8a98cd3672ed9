import { describe, expect, it } from 'vitest';
import { detailsCypher } from './details.repository.js';

describe('detailsCypher', () => {
  it('computes only the fields asked for: a country never costs a walk over all meetings', () => {
    const cypher = detailsCypher('Person', ['country']);
    expect(cypher).toContain('country: head(COLLECT { MATCH (p)-[:CITIZEN_OF]->(c:Country)');
    expect(cypher).not.toContain('ATTENDED');
    expect(cypher).not.toContain('HELD');
  });

  it('puts several fields of one type in one query', () => {
    const cypher = detailsCypher('Tenure', ['person', 'post', 'evidence']);
    expect(cypher.match(/UNWIND \$ids AS id/g)).toHaveLength(1);
    expect(cypher).toMatch(/person: .*\n\s+post: .*\n\s+evidence: /);
  });

  it('refuses a field it does not know instead of splicing it into Cypher', () => {
    expect(() => detailsCypher('Post', ['organization', 'x} RETURN 1 //'])).toThrow('no details field');
  });
});
