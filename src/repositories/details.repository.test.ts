import { describe, expect, it } from 'vitest';
import { type DetailRequest, detailsCypher } from './details.repository.js';

const ask = (...fields: string[]): DetailRequest[] => fields.map((field) => ({ field, as: field }));

describe('detailsCypher', () => {
  it('computes only the fields asked for: a country never costs a walk over all meetings', () => {
    const cypher = detailsCypher('Person', ask('country'));
    expect(cypher).toContain('country: head(COLLECT { MATCH (p)-[:CITIZEN_OF]->(c:Country)');
    expect(cypher).not.toContain('ATTENDED');
    expect(cypher).not.toContain('HELD');
  });

  it('puts several fields of one type in one query', () => {
    const cypher = detailsCypher('Tenure', ask('person', 'post', 'evidence'));
    expect(cypher.match(/UNWIND \$ids AS id/g)).toHaveLength(1);
    expect(cypher).toMatch(/person: .*\n\s+post: .*\n\s+evidence: /);
  });

  it('refuses a field it does not know instead of splicing it into Cypher', () => {
    expect(() => detailsCypher('Post', ask('organization', 'x} RETURN 1 //'))).toThrow('no details field');
  });

  it('compiles what the request asks of a value: participants by name carry no evidence, post or aliases', () => {
    const asked = detailsCypher('Meeting', [{ field: 'participants', selection: { role: {}, person: { id: {}, name: {} } }, as: 'p' }]);
    expect(asked).toContain("person: x {.id, .name, __typename: 'Person'}");
    expect(asked).not.toContain('SUPPORTED_BY');
    expect(asked).not.toContain('sourceIds');
    expect(asked).not.toContain(':Post');
    const everything = detailsCypher('Meeting', ask('participants'));
    expect(everything).toContain('sourceIds');
    expect(everything).toContain('aliases');
  });
});
