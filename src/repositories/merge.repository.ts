import type { Statement, Tx } from '../db/run-query.js';
import { barredTextCypher } from '../domain/names.js';
import { personRelationshipTypes } from '../domain/registry/index.js';
import { personNamedBy } from './current-person.js';
import type { PersonModel } from './models.js';
import { project } from './projections.js';

/** Relationship types a person can have, by direction, from the registry: each is moved by its own statement. */
const { outgoing: OUTGOING, incoming: INCOMING } = personRelationshipTypes();

/** Moves one relationship type from `old` to `keep`, uniting evidence lists when `keep` already has the same one. */
export function moveRelationshipsCypher(type: string, direction: 'out' | 'in'): string {
  const pattern = direction === 'out' ? `(old)-[r:${type}]->(x)` : `(old)<-[r:${type}]-(x)`;
  const target = direction === 'out' ? `(keep)-[k:${type}]->(x)` : `(keep)<-[k:${type}]-(x)`;
  return `
MATCH (old:Person {id: $merge}), (keep:Person {id: $keep})
MATCH ${pattern}
WHERE x <> keep
WITH keep, x, r, properties(r) AS props
MERGE ${target}
WITH k, r, props, [i IN range(0, size(coalesce(props.sourceIds, [])) - 1)
  WHERE NOT any(j IN range(0, size(coalesce(k.sourceIds, [])) - 1)
                WHERE k.sourceIds[j] = props.sourceIds[i] AND k.paragraphs[j] = props.paragraphs[i])] AS add
SET k.role = coalesce(k.role, props.role),
    k.post = coalesce(k.post, props.post),
    k.sourceIds = coalesce(k.sourceIds, []) + [i IN add | props.sourceIds[i]],
    k.paragraphs = coalesce(k.paragraphs, []) + [i IN add | props.paragraphs[i]],
    k.notes = coalesce(k.notes, []) + [i IN add | props.notes[i]]
DELETE r`;
}

export const MOVE_EVIDENCE = `
MATCH (old:Person {id: $merge})-[r:SUPPORTED_BY]->(s:Source), (keep:Person {id: $keep})
MERGE (keep)-[k:SUPPORTED_BY {paragraph: r.paragraph}]->(s)
SET k.note = coalesce(k.note, r.note)
DELETE r`;

export const ABSORB_PERSON = `
MATCH (old:Person {id: $merge}), (keep:Person {id: $keep})
WITH old, keep, [old.name] + coalesce(old.aliases, []) AS names, [old.id] + coalesce(old.otherIds, []) AS ids
SET keep.aliases = coalesce(keep.aliases, []) + [a IN names WHERE NOT a IN coalesce(keep.aliases, []) AND a <> keep.name],
    keep.otherIds = coalesce(keep.otherIds, []) + [i IN ids WHERE NOT i IN coalesce(keep.otherIds, [])],
    keep.nameKeys = coalesce(keep.nameKeys, []) + [k IN coalesce(old.nameKeys, []) WHERE NOT k IN coalesce(keep.nameKeys, [])],
    keep.blockKeys = coalesce(keep.blockKeys, []) + [k IN coalesce(old.blockKeys, []) WHERE NOT k IN coalesce(keep.blockKeys, [])]
SET keep.nameKeyText = ${barredTextCypher('keep.nameKeys')},
    keep.otherIdText = ${barredTextCypher('keep.otherIds')},
    keep.blockKeyText = ${barredTextCypher('keep.blockKeys')}
WITH old, keep
OPTIONAL MATCH (c:MatchCandidate) WHERE (c.a = old.id OR c.b = old.id) AND c.status <> 'SAME'
DETACH DELETE c
WITH DISTINCT old, keep
DETACH DELETE old
RETURN ${project('Person', 'keep')} AS person`;

/**
 * Moves everything of person `merge` to person `keep` in the caller's transaction: relationships, evidence, name
 * and aliases, and ids (the merged id keeps resolving to `keep`). Both must be current ids of existing people. The
 * merged person's open candidates go; those judged SAME stay, as the record of which pairs were found one.
 */
export async function movePerson(tx: Tx, keep: string, merge: string): Promise<PersonModel> {
  let person: PersonModel | undefined;
  for (const { cypher, params } of mergeStatements(keep, merge)) {
    const [row] = await tx.run(cypher, params);
    person = row?.person as PersonModel | undefined;
  }
  return person!;
}

/** The statements of one merge, in order: each relationship type a person can have, evidence, then names and ids. */
export function mergeStatements(keep: string, merge: string): Statement[] {
  const params = { keep, merge };
  return [
    ...OUTGOING.map((type) => ({ cypher: moveRelationshipsCypher(type, 'out'), params })),
    ...INCOMING.map((type) => ({ cypher: moveRelationshipsCypher(type, 'in'), params })),
    { cypher: MOVE_EVIDENCE, params },
    { cypher: ABSORB_PERSON, params },
  ];
}

export const FIND_CURRENT_PERSON_ID = `WITH ${personNamedBy('$id')} AS p RETURN p.id AS id`;

/** The current id of the person an id names (its own, or one it had before a merge), in the caller's transaction. */
export async function findCurrentPersonId(tx: Tx, id: string): Promise<string | null> {
  const [row] = await tx.run(FIND_CURRENT_PERSON_ID, { id });
  return (row?.id as string | undefined) ?? null;
}
