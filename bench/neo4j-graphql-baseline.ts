import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';

/**
 * The same graph as @neo4j/graphql sees it: its generated API over our labels and relationship types, for the
 * side-by-side benchmark only. Only what the benchmark's questions read is declared.
 */
const TYPE_DEFS = /* GraphQL */ `
  type Person @node {
    id: ID!
    name: String!
    aliases: [String!]
    attended: [Meeting!]! @relationship(type: "ATTENDED", direction: OUT, properties: "Attendance")
    held: [Tenure!]! @relationship(type: "HELD", direction: OUT)
  }

  type Attendance @relationshipProperties {
    role: String
  }

  type Meeting @node {
    id: ID!
    date: String
    dateFrom: String
    topics: [String!]
    attendees: [Person!]! @relationship(type: "ATTENDED", direction: IN, properties: "Attendance")
  }

  type Tenure @node {
    id: ID!
    start: String
    end: String
    startFrom: String
    endTo: String
    holders: [Person!]! @relationship(type: "HELD", direction: IN)
    post: [Post!]! @relationship(type: "OF_POST", direction: OUT)
  }

  type Post @node {
    id: ID!
    title: String
    tenures: [Tenure!]! @relationship(type: "OF_POST", direction: IN)
  }
`;

/** Starts @neo4j/graphql behind Apollo's standalone HTTP server on 127.0.0.1; returns its URL and a stop. */
export async function startNeo4jGraphql(driver: Driver, database: string): Promise<{ url: string; stop: () => Promise<void> }> {
  // String ranges are off by default; our dates are ISO strings, so "as of" needs them.
  const features = { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } };
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver, features }).getSchema();
  const server = new ApolloServer({ schema, stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => ({ sessionConfig: { database } }),
  });
  return { url, stop: () => server.stop() };
}
