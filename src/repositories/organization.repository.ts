import type { Db } from '../db/run-query.js';
import type { PartialDate } from '../domain/partial-date.js';
import type { OrganizationModel, PostModel, TenureModel } from './models.js';
import { listPage, type Page } from './pagination.js';
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
export const TENURE_COVERS = `CASE WHEN t.startFrom IS NULL AND t.endTo IS NULL
        THEN t.attestedFrom <= $to AND $from <= t.attestedTo
        ELSE coalesce(t.startFrom, '0000-01-01') <= $to AND $from <= coalesce(t.endTo, '9999-12-31') END`;

export const LIST_POST_HOLDERS = `
MATCH (t:Tenure)-[:OF_POST]->(:Post {id: $postId})
WHERE ${TENURE_COVERS}
RETURN ${project('Tenure', 't')} AS tenure
ORDER BY coalesce(t.startFrom, t.attestedFrom), t.id`;

/** Tenures of a post that cover any day of the period `asOf`. */
export async function listPostHolders(db: Db, postId: string, asOf: PartialDate): Promise<TenureModel[]> {
  const rows = await db.read(LIST_POST_HOLDERS, { postId, from: asOf.from, to: asOf.to });
  return rows.map((row) => row.tenure as TenureModel);
}

export interface OrganizationFilter {
  country?: string | null;
  kind?: string | null;
  parent?: string | null;
}

export function listOrganizations(
  db: Db,
  where: OrganizationFilter,
  first: number,
  after: string | null | undefined,
): Promise<Page<OrganizationModel>> {
  const conditions: string[] = [];
  if (where.country) conditions.push('EXISTS { (n)-[:IN_COUNTRY]->(:Country {id: $country}) }');
  if (where.kind) conditions.push('n.kind = $kind');
  if (where.parent) conditions.push('EXISTS { (n)-[:PART_OF]->(:Organization {id: $parent}) }');
  return listPage<OrganizationModel>(
    db,
    {
      match: 'MATCH (n:Organization)',
      conditions,
      params: { ...where },
      orderBy: 'n.name, n.id',
      projection: project('Organization', 'n'),
    },
    first,
    after,
  );
}

export interface PostFilter {
  organization?: string | null;
  country?: string | null;
}

export function listPosts(db: Db, where: PostFilter, first: number, after: string | null | undefined): Promise<Page<PostModel>> {
  const conditions: string[] = [];
  if (where.organization) conditions.push('EXISTS { (n)-[:IN_ORGANIZATION]->(:Organization {id: $organization}) }');
  if (where.country) conditions.push('EXISTS { (n)-[:IN_ORGANIZATION]->(:Organization)-[:IN_COUNTRY]->(:Country {id: $country}) }');
  return listPage<PostModel>(
    db,
    { match: 'MATCH (n:Post)', conditions, params: { ...where }, orderBy: 'n.title, n.id', projection: project('Post', 'n') },
    first,
    after,
  );
}

/** Tenures of any post of the organization or of one within it (PART_OF, any depth) that cover the period. */
export const LIST_ORGANIZATION_MEMBERS = `
MATCH (t:Tenure)-[:OF_POST]->(:Post)-[:IN_ORGANIZATION]->(:Organization)-[:PART_OF*0..5]->(:Organization {id: $organizationId})
WHERE ${TENURE_COVERS}
RETURN DISTINCT ${project('Tenure', 't')} AS tenure, coalesce(t.startFrom, t.attestedFrom) AS since
ORDER BY since, tenure.id`;

export async function listOrganizationMembers(db: Db, organizationId: string, asOf: PartialDate): Promise<TenureModel[]> {
  const rows = await db.read(LIST_ORGANIZATION_MEMBERS, { organizationId, from: asOf.from, to: asOf.to });
  return rows.map((row) => row.tenure as TenureModel);
}
