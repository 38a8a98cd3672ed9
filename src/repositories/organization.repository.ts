import type { Db } from '../db/run-query.js';
import type { PartialDate } from '../domain/partial-date.js';
import type { OrganizationModel, PostModel, TenureModel } from './models.js';
import { project } from './projections.js';

export const FIND_ORGANIZATION_BY_ID = `MATCH (o:Organization {id: $id}) RETURN ${project('Organization', 'o')} AS organization`;
export const FIND_POST_BY_ID = `MATCH (po:Post {id: $id}) RETURN ${project('Post', 'po')} AS post`;

export async function findOrganizationById(db: Db, id: string): Promise<OrganizationModel | null> {
  const [row] = await db.read(FIND_ORGANIZATION_BY_ID, { id });
  return (row?.organization as OrganizationModel | undefined) ?? null;
}

export async function findPostById(db: Db, id: string): Promise<PostModel | null> {
  const [row] = await db.read(FIND_POST_BY_ID, { id });
  return (row?.post as PostModel | undefined) ?? null;
}

/**
 * A tenure covers a period when its known start and end enclose any day of it; a tenure known only from an
 * attestation covers the period when the attested date falls in it.
 */
export const LIST_POST_HOLDERS = `
MATCH (t:Tenure)-[:OF_POST]->(:Post {id: $postId})
WHERE CASE WHEN t.startFrom IS NULL AND t.endTo IS NULL
        THEN t.attestedFrom <= $to AND $from <= t.attestedTo
        ELSE coalesce(t.startFrom, '0000-01-01') <= $to AND $from <= coalesce(t.endTo, '9999-12-31') END
RETURN ${project('Tenure', 't')} AS tenure
ORDER BY coalesce(t.startFrom, t.attestedFrom), t.id`;

/** Tenures of a post that cover any day of the period `asOf`. */
export async function listPostHolders(db: Db, postId: string, asOf: PartialDate): Promise<TenureModel[]> {
  const rows = await db.read(LIST_POST_HOLDERS, { postId, from: asOf.from, to: asOf.to });
  return rows.map((row) => row.tenure as TenureModel);
}
