import type { Db } from '../db/run-query.js';

/** What the drafter links a report's names to: people with names, aliases and country; countries; posts. */
export interface GazetteerRows {
  people: { id: string; name: string; aliases: string[]; country: string | null }[];
  countries: { id: string; name: string }[];
  posts: { id: string; title: string; country: string | null }[];
}

export const READ_GAZETTEER_PEOPLE = `
MATCH (p:Person)
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases,
       head(COLLECT { MATCH (p)-[:CITIZEN_OF]->(c:Country) RETURN c.id }) AS country`;

export const READ_GAZETTEER_COUNTRIES = `MATCH (c:Country) RETURN c.id AS id, c.name AS name`;

export const READ_GAZETTEER_POSTS = `
MATCH (post:Post)
RETURN post.id AS id, post.title AS title,
       head(COLLECT { MATCH (post)-[:IN_ORGANIZATION]->(:Organization)-[:PART_OF*0..3]->(:Organization)-[:IN_COUNTRY]->(c:Country)
                      RETURN c.id }) AS country`;

/** The graph's people, countries and posts, three reads. */
export async function readGazetteer(db: Db): Promise<GazetteerRows> {
  return {
    people: await db.read<GazetteerRows['people'][number]>(READ_GAZETTEER_PEOPLE),
    countries: await db.read<GazetteerRows['countries'][number]>(READ_GAZETTEER_COUNTRIES),
    posts: await db.read<GazetteerRows['posts'][number]>(READ_GAZETTEER_POSTS),
  };
}
