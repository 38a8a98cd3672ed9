import type { Db } from '../db/run-query.js';

/** What the drafter links a report's names to: people with names, aliases and country; countries; posts. */
export interface GazetteerRows {
  people: { id: string; name: string; aliases: string[]; country: string | null }[];
  countries: { id: string; name: string }[];
  posts: { id: string; title: string; country: string | null }[];
}

export const READ_GAZETTEER_PEOPLE = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases,
       head(COLLECT { MATCH (p)-[:CITIZEN_OF]->(c:Country) RETURN c.id }) AS country`;

export const READ_GAZETTEER_COUNTRIES = `MATCH (c:Country) RETURN c.id AS id, c.name AS name`;

export const READ_GAZETTEER_POSTS = `
MATCH (post:Post)
RETURN post.id AS id, post.title AS title,
       head(COLLECT { MATCH (post)-[:IN_ORGANIZATION]->(:Organization)-[:PART_OF*0..3]->(:Organization)-[:IN_COUNTRY]->(c:Country)
                      RETURN c.id }) AS country`;

export const READ_PERSON_IDS = `MATCH (p:Person) RETURN p.id AS id`;

/** The people of the given ids (the drafting service finds them by blocking), and the graph's countries and posts. */
export async function readGazetteer(db: Db, personIds: readonly string[]): Promise<GazetteerRows> {
  return {
    people: personIds.length === 0 ? [] : await db.read<GazetteerRows['people'][number]>(READ_GAZETTEER_PEOPLE, { ids: personIds }),
    countries: await db.read<GazetteerRows['countries'][number]>(READ_GAZETTEER_COUNTRIES),
    posts: await db.read<GazetteerRows['posts'][number]>(READ_GAZETTEER_POSTS),
  };
}

/** Every person's id, for scoring drafts against reviewed documents that name people the graph holds. */
export async function readPersonIds(db: Db): Promise<Set<string>> {
  return new Set((await db.read<{ id: string }>(READ_PERSON_IDS)).map((row) => row.id));
}
