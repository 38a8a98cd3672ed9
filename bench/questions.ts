import type { Db } from '../src/db/run-query.js';
import { createRandom, WORLD_SIZES, type WorldSize } from './world.js';

/** One key question: our GraphQL document, and the closest @neo4j/graphql can come (null: it has no equivalent). */
export interface Question {
  name: string;
  ours: string;
  neo4jGraphql: string | null;
  /** What the @neo4j/graphql query gives up against ours, for the report. */
  baselineNote: string;
  /** Variables for the i-th request; every variant gets the same sequence. */
  variables: (i: number) => Record<string, unknown>;
}

const PERSON_MEETINGS_NESTED = `
query ($id: ID!) {
  people(where: { id: { eq: $id } }) {
    id name
    attended { id date topics attendees { id name } }
  }
}`;

/** Our documents for the six key questions; tests hold each to one statement per request. */
export const KEY_QUESTIONS = {
  whomMet: `query ($id: ID!) { counterparts(personId: $id, first: 20) {
        person { id name } meetingCount lastMet { value }
        encounters { role meeting { id date { value } topics { code } } } } }`,
  meetingsBetween: `query ($a: ID!, $b: ID!) { meetingsBetween(personA: $a, personB: $b) {
        id date { value } topics { code } participants { role person { id name } } } }`,
  path: `query ($a: ID!, $b: ID!) { connections(from: $a, to: $b, maxHops: 4, first: 1) {
        length hops { relationship explanation } } }`,
  topContacts: `query ($id: ID!) {
        counterparts(personId: $id, orderBy: MEETING_COUNT_DESC, first: 5) { person { id name } meetingCount } }`,
  postHolders: `query ($post: ID!, $date: String!) { postHolders(postId: $post, asOf: $date) {
        start { value } end { value } person { id name } } }`,
  aliasSearch: `query ($name: String!) { searchPeople(name: $name, first: 10) { reason matched person { id name } } }`,
};

const official = (i: number) => `official-${String(i).padStart(6, '0')}`;

/**
 * Parameter pools drawn from the loaded world: a quarter of the people asked about are among the busiest hundred
 * (the heavy tail is where slow queries live), the rest uniform; pairs for "meetings between" really met.
 */
export async function buildQuestions(db: Db, size: WorldSize, poolSize = 200): Promise<Question[]> {
  const random = createRandom(42).next;
  const { officials, meetings } = WORLD_SIZES[size];
  const pick = (n: number) => Math.floor(random() * n);
  const people = Array.from({ length: poolSize }, (_, i) => official(i % 4 === 0 ? pick(Math.min(100, officials)) : pick(officials)));
  const strangers = Array.from({ length: poolSize }, () => [official(pick(officials)), official(pick(officials))] as const);

  const meetingIds = Array.from({ length: poolSize }, () => `meeting-${String(pick(meetings)).padStart(7, '0')}`);
  const pairs = (
    await db.read(
      `UNWIND $ids AS id
     MATCH (a:Person)-[:ATTENDED]->(:Meeting {id: id})<-[:ATTENDED]-(b:Person) WHERE a.id < b.id
     WITH id, collect([a.id, b.id])[0] AS pair RETURN pair`,
      { ids: meetingIds },
    )
  ).map((row) => row.pair as [string, string]);

  const posts = (await db.read(`MATCH (p:Post) RETURN p.id AS id ORDER BY id`)).map((row) => row.id as string);
  const postDays = Array.from({ length: poolSize }, () => ({
    post: posts[pick(posts.length)]!,
    date: `${2000 + pick(26)}-${String(1 + pick(12)).padStart(2, '0')}-${String(1 + pick(28)).padStart(2, '0')}`,
  }));

  const aliases = (await db.read(`UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.aliases[0] AS alias`, { ids: people }))
    .map((row) => row.alias as string)
    .filter(Boolean);

  const at = <T>(pool: readonly T[], i: number): T => pool[i % pool.length]!;
  return [
    {
      name: 'whom X met',
      ours: KEY_QUESTIONS.whomMet,
      neo4jGraphql: PERSON_MEETINGS_NESTED,
      baselineNote: 'all meetings with all attendees; the client must group them by counterpart',
      variables: (i) => ({ id: at(people, i) }),
    },
    {
      name: 'meetings between two',
      ours: KEY_QUESTIONS.meetingsBetween,
      neo4jGraphql: `query ($a: ID!, $b: ID!) {
        people(where: { id: { eq: $a } }) {
          attended(where: { attendees: { some: { id: { eq: $b } } } }) { id date topics attendees { id name } }
        } }`,
      baselineNote: 'same answer, starting from the first person',
      variables: (i) => {
        const [a, b] = at(pairs, i);
        return { a, b };
      },
    },
    {
      name: 'path between two (≤ 4 hops)',
      ours: KEY_QUESTIONS.path,
      neo4jGraphql: null,
      baselineNote: 'no path query without hand-written @cypher',
      variables: (i) => {
        const [a, b] = at(strangers, i);
        return { a, b };
      },
    },
    {
      name: 'top contacts',
      ours: KEY_QUESTIONS.topContacts,
      neo4jGraphql: PERSON_MEETINGS_NESTED,
      baselineNote: 'no aggregation: all meetings with all attendees, counted by the client',
      variables: (i) => ({ id: at(people, i) }),
    },
    {
      name: 'who held a post on a date',
      ours: KEY_QUESTIONS.postHolders,
      neo4jGraphql: `query ($post: ID!, $date: String!) {
        posts(where: { id: { eq: $post } }) {
          tenures(where: { startFrom: { lte: $date }, endTo: { gte: $date } }) { start end holders { id name } }
        } }`,
      baselineNote: 'dates compared as strings; open-ended terms and attested-only terms left out',
      variables: (i) => at(postDays, i),
    },
    {
      name: 'alias search',
      ours: KEY_QUESTIONS.aliasSearch,
      neo4jGraphql: `query ($name: String!) {
        people(where: { OR: [{ name: { contains: $name } }, { aliases: { includes: $name } }] }, limit: 10) { id name aliases } }`,
      baselineNote: 'exact alias or a substring of the name; no transliteration, no word matching',
      variables: (i) => ({ name: at(aliases, i) }),
    },
  ];
}
