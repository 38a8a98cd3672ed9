import type { Db } from '../db/run-query.js';
import type { DayRange } from '../domain/partial-date.js';
import type { CountryModel, TenureModel } from './models.js';
import { TENURE_COVERS } from './organization.repository.js';
import { project } from './projections.js';

export const FIND_COUNTRY_BY_ID = `MATCH (c:Country {id: $id}) RETURN ${project('Country', 'c')} AS country`;
export const LIST_COUNTRIES = `
MATCH (c:Country) RETURN ${project('Country', 'c')} AS country ORDER BY c.name, c.id LIMIT toInteger($first)`;

export async function findCountryById(db: Db, id: string): Promise<CountryModel | null> {
  const [row] = await db.read(FIND_COUNTRY_BY_ID, { id });
  return (row?.country as CountryModel | undefined) ?? null;
}

export async function listCountries(db: Db, first: number): Promise<CountryModel[]> {
  return (await db.read(LIST_COUNTRIES, { first })).map((row) => row.country as CountryModel);
}

/**
 * Tenures of posts of each country's organizations (and of organizations within them) that cover the period: who
 * held what, by post title. One query for many countries.
 */
export const LIST_COUNTRY_OFFICIALS = `
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, COLLECT {
  MATCH (c)<-[:IN_COUNTRY]-(:Organization)<-[:PART_OF*0..5]-(:Organization)<-[:IN_ORGANIZATION]-(po:Post)<-[:OF_POST]-(t:Tenure)
  WHERE ${TENURE_COVERS}
  WITH DISTINCT t, po
  RETURN ${project('Tenure', 't')} AS tenure ORDER BY po.title, coalesce(t.startFrom, t.attestedFrom), t.id
  LIMIT toInteger($first)
} AS tenures`;

/** The officials of many countries as of a period, the first `first` of each. */
export async function listCountryOfficials(
  db: Db,
  ids: readonly string[],
  asOf: DayRange,
  first: number,
): Promise<Map<string, TenureModel[]>> {
  const rows = await db.read(LIST_COUNTRY_OFFICIALS, { ids: [...ids], from: asOf.from, to: asOf.to, first });
  return new Map(rows.map((row) => [row.id as string, row.tenures as TenureModel[]]));
}
