import type { Db } from '../db/run-query.js';
import type { PartialDate } from '../domain/partial-date.js';
import { ID_SPACE_LABEL, kindOf } from '../domain/registry/index.js';
import { type DetailRequest, detailsVariable, type Folded, foldDetails, folded } from './details.repository.js';
import type { OrganizationModel, PostModel, TenureModel } from './models.js';
import { listPage, type Page } from './pagination.js';
import { project, type Selection } from './projections.js';

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

/**
 * The first `$first` tenures of a post that cover any day of the period `asOf`, as `selection` asks for them (every
 * field when left out) with their first level of details, and what the id names: one statement answers the
 * question and tells an empty answer from a wrong id.
 */
export function postHoldersCypher(selection?: Selection): { cypher: string; requests: DetailRequest[] } {
  const t = detailsVariable('Tenure');
  const { requests, map } = foldDetails('Tenure', selection);
  return {
    requests,
    cypher: `
OPTIONAL MATCH (post:${ID_SPACE_LABEL} {id: $postId})
RETURN ${kindOf('post')} AS kind, COLLECT {
  MATCH (${t}:Tenure)-[:OF_POST]->(post)
  WHERE ${TENURE_COVERS}
  WITH ${t} ORDER BY coalesce(${t}.startFrom, ${t}.attestedFrom), ${t}.id
  LIMIT toInteger($first)
  RETURN {answer: ${project('Tenure', t, selection)}${map ? `, details: ${map}` : ''}}
} AS rows`,
  };
}

export async function listPostHolders(
  db: Db,
  postId: string,
  asOf: PartialDate,
  first: number,
  selection?: Selection,
): Promise<Folded<TenureModel>> {
  const { cypher, requests } = postHoldersCypher(selection);
  const [row] = await db.read<{ kind: string | null; rows: { answer: TenureModel; details?: unknown }[] }>(cypher, {
    postId,
    from: asOf.from,
    to: asOf.to,
    first,
  });
  return { ...folded('Tenure', requests, row!.rows), kinds: row!.kind ? new Map([[postId, row!.kind]]) : new Map() };
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

/** The first `$first` tenures of any post of the organization or of one within it (PART_OF, any depth) that cover the period. */
export const LIST_ORGANIZATION_MEMBERS = `
MATCH (t:Tenure)-[:OF_POST]->(:Post)-[:IN_ORGANIZATION]->(:Organization)-[:PART_OF*0..5]->(:Organization {id: $organizationId})
WHERE ${TENURE_COVERS}
RETURN DISTINCT ${project('Tenure', 't')} AS tenure, coalesce(t.startFrom, t.attestedFrom) AS since
ORDER BY since, tenure.id
LIMIT toInteger($first)`;

export async function listOrganizationMembers(db: Db, organizationId: string, asOf: PartialDate, first: number): Promise<TenureModel[]> {
  const rows = await db.read(LIST_ORGANIZATION_MEMBERS, { organizationId, from: asOf.from, to: asOf.to, first });
  return rows.map((row) => row.tenure as TenureModel);
}
