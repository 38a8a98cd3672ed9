import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
}

/** How long a transient failure (a restart, a leader switch) is retried before the caller is told. */
export const TRANSACTION_RETRY_MS = 1_500;

/**
 * Creates the one driver of the process and checks that the server answers and the credentials work.
 * Timeouts are a few seconds rather than the driver's minute, so a request fails fast with a clear error
 * when Neo4j is down instead of hanging.
 */
export async function createDriver(connection: Neo4jConnection): Promise<Driver> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 3_000,
    maxTransactionRetryTime: TRANSACTION_RETRY_MS,
    // Numbers, not Integer objects: every count and amount kept fits in 2^53, and decoding stays cheap.
    disableLosslessIntegers: true,
    userAgent: 'officials-graph/0.1',
    // The server would build, and the driver decode, every warning of every statement on every request (a path
    // answer carried 25, one per relationship type the graph has not used yet) for nobody to read. A test asks for
    // them to keep the project's Cypher free of what Neo4j deprecates.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
  try {
    await driver.verifyConnectivity({ database: connection.database });
  } catch (error) {
    await driver.close();
    throw error;
  }
  return driver;
}
