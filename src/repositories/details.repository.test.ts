import { describe, expect, it } from 'vitest';
import { askedOf, type DetailRequest, detailsAsked, detailsCypher } from './details.repository.js';
import { FIRST } from './projections.js';

const ask = (...fields: string[]): DetailRequest[] => fields.map((field) => ({ field, as: field }));

describe('detailsCypher', () => {
  it('computes only the fields asked for: a country never costs a walk over all meetings', () => {
    const cypher = detailsCypher('Person', ask('country'));
    expect(cypher).toContain('country: head(COLLECT { MATCH (p)-[:CITIZEN_OF]->(p_country:Country)');
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

  it('reads each list no further than its first, its lists within too, and to its maximum when nothing says', () => {
    const asked = detailsCypher('Person', [
      {
        field: 'meetings',
        selection: { [FIRST]: 7, meeting: { id: {}, topics: { [FIRST]: 3, code: {} } }, evidence: { [FIRST]: 2 } },
        as: 'm',
      },
      { field: 'evidence', selection: { [FIRST]: 4, note: {} }, as: 'e' },
    ]);
    expect(asked).toMatch(/ORDER BY m\.dateFrom, m\.id\s+LIMIT 7 }/);
    expect(asked).toContain('coalesce(m.topics, [])[..3]');
    expect(asked).toMatch(/ORDER BY a_s\.id, a\.paragraphs\[a_i\] LIMIT 2 }/);
    expect(asked).toMatch(/ORDER BY p_s\.id, p_e\.paragraph\s+LIMIT 4 }/);
    expect(detailsCypher('Organization', ask('posts'))).toContain('ORDER BY x.title LIMIT 500 }');
  });

  it("passes a list's arguments as parameters, never in the Cypher, and leaves such lists out of a question's own statement", () => {
    const cypher = detailsCypher('Country', [
      { field: 'relations', selection: { [FIRST]: 5 }, arguments: { kind: "x' OR true //", towards: null }, as: 'relations_0' },
    ]);
    expect(cypher).toContain('$relations_0_kind IS NULL OR r.kind = $relations_0_kind');
    expect(cypher).not.toContain('OR true');
    expect(() => detailsCypher('Country', [{ field: 'relations', as: 'r' }])).toThrow('needs its arguments kind, towards');
    expect(detailsAsked('Country', { relations: {}, organizations: {} }).map((r) => r.field)).toEqual(['organizations']);
  });

  it('keys a load by what its answer depends on: fixed fields by nothing, lists by first and arguments, the rest by all', () => {
    expect(askedOf('Place', 'within', { id: {} })).toBe(askedOf('Place', 'within', { name: {} }));
    expect(askedOf('Person', 'evidence', { [FIRST]: 3, note: {} })).toBe(askedOf('Person', 'evidence', { [FIRST]: 3, paragraph: {} }));
    expect(askedOf('Person', 'evidence', { [FIRST]: 3 })).not.toBe(askedOf('Person', 'evidence', { [FIRST]: 4 }));
    expect(askedOf('Country', 'relations', {}, { kind: 'A', towards: null })).not.toBe(
      askedOf('Country', 'relations', {}, { kind: 'B', towards: null }),
    );
    expect(askedOf('Person', 'meetings', { meeting: { id: {} } })).not.toBe(askedOf('Person', 'meetings', { meeting: { summary: {} } }));
  });
});
