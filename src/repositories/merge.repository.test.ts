import { describe, expect, it } from 'vitest';
import { mergeStatements } from './merge.repository.js';

describe('mergeStatements', () => {
  const statements = mergeStatements('person-keep', 'person-merge');

  it('moves every relationship type a person can have, out and in, as the registry declares them', () => {
    expect(statements.map((s) => /MATCH (\(old\)[^\n]*)/.exec(s.cypher)?.[1] ?? s.cypher.trim().split('\n')[0])).toMatchInlineSnapshot(`
      [
        "(old)-[r:CITIZEN_OF]->(x)",
        "(old)-[r:HELD]->(x)",
        "(old)-[r:LED]->(x)",
        "(old)-[r:MADE]->(x)",
        "(old)-[r:ATTENDED]->(x)",
        "(old)<-[r:ON_BEHALF_OF]-(x)",
        "(old)<-[r:ADDRESSED_TO]-(x)",
        "(old)<-[r:ABOUT]-(x)",
        "MATCH (old:Person {id: $merge})-[r:SUPPORTED_BY]->(s:Source), (keep:Person {id: $keep})",
        "MATCH (old:Person {id: $merge}), (keep:Person {id: $keep})",
      ]
    `);
  });

  it('pins one move, the evidence move and the absorb step, with ids only in parameters', () => {
    expect(statements.find((s) => s.cypher.includes('[r:ATTENDED]'))).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (old:Person {id: $merge}), (keep:Person {id: $keep})
      MATCH (old)-[r:ATTENDED]->(x)
      WHERE x <> keep
      WITH keep, x, r, properties(r) AS props
      MERGE (keep)-[k:ATTENDED]->(x)
      WITH k, r, props, [i IN range(0, size(coalesce(props.sourceIds, [])) - 1)
        WHERE NOT any(j IN range(0, size(coalesce(k.sourceIds, [])) - 1)
                      WHERE k.sourceIds[j] = props.sourceIds[i] AND k.paragraphs[j] = props.paragraphs[i])] AS add
      SET k.role = coalesce(k.role, props.role),
          k.post = coalesce(k.post, props.post),
          k.sourceIds = coalesce(k.sourceIds, []) + [i IN add | props.sourceIds[i]],
          k.paragraphs = coalesce(k.paragraphs, []) + [i IN add | props.paragraphs[i]],
          k.notes = coalesce(k.notes, []) + [i IN add | props.notes[i]]
      DELETE r",
        "params": {
          "keep": "person-keep",
          "merge": "person-merge",
        },
      }
    `);
    expect(statements.slice(-2)).toMatchInlineSnapshot(`
      [
        {
          "cypher": "
      MATCH (old:Person {id: $merge})-[r:SUPPORTED_BY]->(s:Source), (keep:Person {id: $keep})
      MERGE (keep)-[k:SUPPORTED_BY {paragraph: r.paragraph}]->(s)
      SET k.note = coalesce(k.note, r.note)
      DELETE r",
          "params": {
            "keep": "person-keep",
            "merge": "person-merge",
          },
        },
        {
          "cypher": "
      MATCH (old:Person {id: $merge}), (keep:Person {id: $keep})
      WITH old, keep, [old.name] + coalesce(old.aliases, []) AS names, [old.id] + coalesce(old.otherIds, []) AS ids
      SET keep.aliases = coalesce(keep.aliases, []) + [a IN names WHERE NOT a IN coalesce(keep.aliases, []) AND a <> keep.name],
          keep.otherIds = coalesce(keep.otherIds, []) + [i IN ids WHERE NOT i IN coalesce(keep.otherIds, [])],
          keep.nameKeys = coalesce(keep.nameKeys, []) + [k IN coalesce(old.nameKeys, []) WHERE NOT k IN coalesce(keep.nameKeys, [])],
          keep.blockKeys = coalesce(keep.blockKeys, []) + [k IN coalesce(old.blockKeys, []) WHERE NOT k IN coalesce(keep.blockKeys, [])]
      SET keep.nameKeyText = reduce(text = '|', item IN keep.nameKeys | text + item + '|'),
          keep.otherIdText = reduce(text = '|', item IN keep.otherIds | text + item + '|'),
          keep.blockKeyText = reduce(text = '|', item IN keep.blockKeys | text + item + '|')
      WITH old, keep
      OPTIONAL MATCH (c:MatchCandidate) WHERE (c.a = old.id OR c.b = old.id) AND c.status <> 'SAME'
      DETACH DELETE c
      WITH DISTINCT old, keep
      DETACH DELETE old
      RETURN keep {.id, .name, aliases: coalesce(keep.aliases, [])[..500], __typename: 'Person'} AS person",
          "params": {
            "keep": "person-keep",
            "merge": "person-merge",
          },
        },
      ]
    `);
  });
});
