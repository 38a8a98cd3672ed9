import type { Db, Tx } from '../db/run-query.js';
import { barredTextCypher } from '../domain/names.js';
import { AppError, ErrorCode } from '../errors.js';
import type { PersonModel } from './models.js';
import { project } from './projections.js';

/** Relationship types a person can have, by direction: each is moved by its own statement, so types stay constants. */
const OUTGOING = ['CITIZEN_OF', 'HELD', 'LED', 'ATTENDED', 'MADE'] as const;
const INCOMING = ['ON_BEHALF_OF', 'ADDRESSED_TO', 'ABOUT'] as const;

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
  WHERE NOT any(j IN range(0, size(coalesce(k.sourceIds, [])) - 1) WHERE k.sourceIds[j] = props.sourceIds[i] AND k.paragraphs[j] = props.paragraphs[i])] AS add
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
    keep.nameKeys = coalesce(keep.nameKeys, []) + [k IN coalesce(old.nameKeys, []) WHERE NOT k IN coalesce(keep.nameKeys, [])]
SET keep.nameKeyText = ${barredTextCypher('keep.nameKeys')},
    keep.otherIdText = ${barredTextCypher('keep.otherIds')}
DETACH DELETE old
RETURN ${project('Person', 'keep')} AS person`;

async function movePerson(tx: Tx, keep: string, merge: string): Promise<PersonModel> {
  const params = { keep, merge };
  for (const type of OUTGOING) await tx.run(moveRelationshipsCypher(type, 'out'), params);
  for (const type of INCOMING) await tx.run(moveRelationshipsCypher(type, 'in'), params);
  await tx.run(MOVE_EVIDENCE, params);
  const [row] = await tx.run(ABSORB_PERSON, params);
  return row!.person as PersonModel;
}

/**
 * Merges person `merge` into person `keep` in one transaction: relationships, evidence, name and aliases, and ids
 * (the merged id keeps resolving to `keep`). Both are canonical ids; throws BAD_USER_INPUT when they are the same.
 */
export async function mergePeople(db: Db, keep: string, merge: string): Promise<PersonModel> {
  if (keep === merge) throw new AppError(ErrorCode.BAD_USER_INPUT, 'keep and merge name the same person', { argument: 'merge' });
  return db.writeTransaction((tx) => movePerson(tx, keep, merge));
}
